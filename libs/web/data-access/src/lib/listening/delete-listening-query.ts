import type { ListeningQueryDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { mentionKeys } from '../mentions/get-mentions';
import { listeningKeys } from './keys';

/** `DELETE /api/listening/queries/:id` → 204. */
export function deleteListeningQuery(id: string, options: CallOptions = {}): Promise<void> {
  return apiRequest<void>(`/listening/queries/${encodeURIComponent(id)}`, { ...options, method: 'DELETE' });
}

export function useDeleteListeningQuery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteListeningQuery(id),
    onSuccess: (_void, id) => {
      queryClient.setQueryData<ListeningQueryDto[]>(listeningKeys.queryList(), (old) =>
        old?.filter((q) => q.id !== id),
      );
      queryClient.removeQueries({ queryKey: listeningKeys.query(id), exact: true });
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: listeningKeys.all });
      await queryClient.invalidateQueries({ queryKey: mentionKeys.all });
    },
  });
}
