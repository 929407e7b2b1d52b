import type { MeResponse } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';

export const meQueryKey = ['auth', 'me'] as const;

export function getMe(options: CallOptions = {}): Promise<MeResponse> {
  return apiRequest<MeResponse>('/auth/me', options);
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user and workspace. */
export function useMe() {
  return useQuery(meQueryOptions());
}
