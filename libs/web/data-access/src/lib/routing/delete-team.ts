import type { TeamDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { conversationKeys } from '../conversations/keys';
import { routingKeys } from './keys';

/**
 * `DELETE /api/teams/:id` → 204. Its conversations keep their assignee; those waiting in its queue go back to the
 * shared inbox.
 */
export function deleteTeam(id: string, options: CallOptions = {}): Promise<void> {
  return apiRequest<void>(`/teams/${encodeURIComponent(id)}`, { ...options, method: 'DELETE' });
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteTeam(id),
    onSuccess: (_void, id) =>
      queryClient.setQueryData<TeamDto[]>(routingKeys.teams(), (old) => old?.filter((x) => x.id !== id)),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: routingKeys.teams() });
      await queryClient.invalidateQueries({ queryKey: routingKeys.members() });
      await queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });
}
