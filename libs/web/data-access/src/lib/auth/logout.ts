import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { clearToken } from '../token-store';

/** `POST /api/auth/logout` (204). */
export function logout(options: CallOptions = {}): Promise<void> {
  return apiRequest<void>('/auth/logout', { ...options, method: 'POST' });
}

/** Ends the session on the server, then locally whatever the server said (sign-out never fails for the user). */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch {
        // the token is dropped below in any case
      }
    },
    onSettled: () => {
      clearToken();
      queryClient.clear();
    },
  });
}
