import type { LoginRequest, LoginResponse, MeResponse } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { setToken } from '../token-store';
import { meQueryKey } from './get-me';

/** `POST /api/auth/login`. A wrong password rejects with an ApiRequestError (401) carrying the API's message. */
export function login(body: LoginRequest, options: CallOptions = {}): Promise<LoginResponse> {
  // auth: false: no token is sent, and a 401 here means bad credentials, not an expired session.
  return apiRequest<LoginResponse>('/auth/login', { ...options, method: 'POST', body, auth: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: (res) => {
      queryClient.clear();
      queryClient.setQueryData<MeResponse>(meQueryKey, { user: res.user, workspace: res.workspace });
      setToken(res.token, res.expiresAt);
    },
  });
}
