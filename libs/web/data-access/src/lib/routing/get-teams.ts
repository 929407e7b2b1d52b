import type { TeamDto } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { routingKeys } from './keys';

/** `GET /api/teams`: the teams, by name, with each member's load and capacity and the team's queue (any inbox user). */
export function getTeams(options: CallOptions = {}): Promise<TeamDto[]> {
  return apiRequest<TeamDto[]>('/teams', options);
}

export function teamsQueryOptions() {
  return queryOptions({
    queryKey: routingKeys.teams(),
    queryFn: ({ signal }) => getTeams({ signal }),
  });
}

export function useTeams() {
  return useQuery(teamsQueryOptions());
}
