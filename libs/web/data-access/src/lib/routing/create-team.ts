import type { CreateTeamRequest, TeamDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { routingKeys } from './keys';

/**
 * `POST /api/teams { name, memberIds }` → 201 with the team (`routing.manage`). 409 when the name is taken, 400
 * when a member cannot work conversations (an analyst) or is not of the workspace.
 */
export function createTeam(body: CreateTeamRequest, options: CallOptions = {}): Promise<TeamDto> {
  return apiRequest<TeamDto>('/teams', { ...options, method: 'POST', body });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamRequest) => createTeam(body),
    onSuccess: (team) =>
      queryClient.setQueryData<TeamDto[]>(routingKeys.teams(), (old) =>
        old && !old.some((x) => x.id === team.id) ? [...old, team] : old,
      ),
    // members' teams change, and new members may take queued work
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: routingKeys.teams() });
      await queryClient.invalidateQueries({ queryKey: routingKeys.members() });
    },
  });
}
