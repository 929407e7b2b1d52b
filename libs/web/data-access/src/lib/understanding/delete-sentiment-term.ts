import type { SentimentTermDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { understandingKeys } from './keys';

/** `DELETE /api/sentiment-terms/:id` → 204. New mentions are scored without the term from then on. */
export function deleteSentimentTerm(id: string, options: CallOptions = {}): Promise<void> {
  return apiRequest<void>(`/sentiment-terms/${encodeURIComponent(id)}`, { ...options, method: 'DELETE' });
}

export function useDeleteSentimentTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSentimentTerm(id),
    onSuccess: (_void, id) =>
      queryClient.setQueryData<SentimentTermDto[]>(understandingKeys.terms(), (old) =>
        old?.filter((t) => t.id !== id),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: understandingKeys.terms() }),
  });
}
