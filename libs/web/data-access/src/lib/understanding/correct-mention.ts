import type { CorrectMentionRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { conversationKeys } from '../conversations/keys';
import { mentionKeys } from '../mentions/get-mentions';
import { understandingKeys } from './keys';

export type CorrectMentionInput = CorrectMentionRequest & { mentionId: string };

/**
 * `POST /api/mentions/:id/corrections` → 204: an agent's correction of a mention's sentiment, intents, or both.
 * It applies at once and waits for an admin's review. 400 with a message when it changes nothing.
 */
export function correctMention(input: CorrectMentionInput, options: CallOptions = {}): Promise<void> {
  const { mentionId, ...body } = input;
  return apiRequest<void>(`/mentions/${encodeURIComponent(mentionId)}/corrections`, {
    ...options,
    method: 'POST',
    body: body satisfies CorrectMentionRequest,
  });
}

export function useCorrectMention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CorrectMentionInput) => correctMention(input),
    // the mention shows its new label everywhere it appears: the stream, the inbox, the review queue
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mentionKeys.all }),
        queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
        queryClient.invalidateQueries({ queryKey: understandingKeys.corrections() }),
      ]),
  });
}
