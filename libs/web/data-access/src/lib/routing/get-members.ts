import type { MemberDto } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { routingKeys } from './keys';

/**
 * `GET /api/members`: every member of the workspace, by name, with their role, teams, load and capacity (any inbox
 * user); whom a team or a rule can name.
 */
export function getMembers(options: CallOptions = {}): Promise<MemberDto[]> {
  return apiRequest<MemberDto[]>('/members', options);
}

export function membersQueryOptions() {
  return queryOptions({
    queryKey: routingKeys.members(),
    queryFn: ({ signal }) => getMembers({ signal }),
  });
}

export function useMembers() {
  return useQuery(membersQueryOptions());
}
