import type { ConversationDetailDto, CreateReplyRequest, MessageDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { conversationKeys } from './keys';

export interface CreateReplyInput extends CreateReplyRequest {
  conversationId: string;
  /** one per composed reply: submitting the same reply twice posts it once */
  idempotencyKey: string;
}

/** `POST /api/conversations/:id/replies` → 201 with the queued reply. 400 on an empty or too long text. */
export function createReply(input: CreateReplyInput, options: CallOptions = {}): Promise<MessageDto> {
  return apiRequest<MessageDto>(`/conversations/${encodeURIComponent(input.conversationId)}/replies`, {
    ...options,
    method: 'POST',
    body: { text: input.text } satisfies CreateReplyRequest,
    headers: { 'Idempotency-Key': input.idempotencyKey },
  });
}

export function useCreateReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReplyInput) => createReply(input),
    onSuccess: (message, input) => {
      // Show the queued reply at once; the refetch below brings its delivery state up to date.
      queryClient.setQueryData<ConversationDetailDto>(conversationKeys.detail(input.conversationId), (old) =>
        old && !old.messages.some((m) => m.id === message.id)
          ? { ...old, messages: [...old.messages, message] }
          : old,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}
