import type { ReviewCorrectionRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { understandingKeys } from './keys';

export interface ReviewCorrectionInput extends ReviewCorrectionRequest {
  id: string;
}

/**
 * `POST /api/corrections/:id/review` → 204: accept (optionally feeding a word and its weight into the lexicon)
 * or reject. 409 when someone already reviewed it.
 */
export function reviewCorrection(input: ReviewCorrectionInput, options: CallOptions = {}): Promise<void> {
  const { id, ...body } = input;
  return apiRequest<void>(`/corrections/${encodeURIComponent(id)}/review`, {
    ...options,
    method: 'POST',
    body: body satisfies ReviewCorrectionRequest,
  });
}

export function useReviewCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewCorrectionInput) => reviewCorrection(input),
    // an accepted correction may have added a lexicon word; a 409 means the list was stale
    onSettled: () => queryClient.invalidateQueries({ queryKey: understandingKeys.all }),
  });
}
