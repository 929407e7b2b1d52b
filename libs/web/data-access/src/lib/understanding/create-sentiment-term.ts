import type { CreateSentimentTermRequest, SentimentTermDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { understandingKeys } from './keys';

/**
 * `POST /api/sentiment-terms` → 201 with the term. 409 when the workspace already has the term (of either kind),
 * 400 with a message for a bad weight (a lexicon word weighs −5..5, never 0; an ignored term has no weight).
 */
export function createSentimentTerm(
  body: CreateSentimentTermRequest,
  options: CallOptions = {},
): Promise<SentimentTermDto> {
  return apiRequest<SentimentTermDto>('/sentiment-terms', { ...options, method: 'POST', body });
}

export function useCreateSentimentTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSentimentTermRequest) => createSentimentTerm(body),
    onSuccess: (term) =>
      queryClient.setQueryData<SentimentTermDto[]>(understandingKeys.terms(), (old) =>
        old && !old.some((t) => t.id === term.id) ? [...old, term] : old,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: understandingKeys.terms() }),
  });
}
