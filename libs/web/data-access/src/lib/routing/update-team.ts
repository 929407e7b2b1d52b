import type { TeamDto, UpdateTeamRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { conversationKeys } from '../conversations/keys';
import { routingKeys } from './keys';

export interface UpdateTeamInput {
  id: string;
  changes: UpdateTeamRequest;
}

/** `PATCH /api/teams/:id`: its name, or its members (the list replaces the old one). */
export function updateTeam(input: UpdateTeamInput, options: CallOptions = {}): Promise<TeamDto> {
  return apiRequest<TeamDto>(`/teams/${encodeURIComponent(input.id)}`, {
    ...options,
    method: 'PATCH',
    body: input.changes,
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTeamInput) => updateTeam(input),
    onSuccess: (team) =>
      queryClient.setQueryData<TeamDto[]>(routingKeys.teams(), (old) =>
        old?.map((x) => (x.id === team.id ? team : x)),
      ),
    // a new member takes queued work of the team when they have room
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: routingKeys.teams() });
      await queryClient.invalidateQueries({ queryKey: routingKeys.members() });
      await queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });
}
