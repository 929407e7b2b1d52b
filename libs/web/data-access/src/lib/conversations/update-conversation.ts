import type { ConversationDetailDto, UpdateConversationRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { conversationKeys } from './keys';

export interface UpdateConversationInput {
  id: string;
  /** with the `version` the change was made on: an older one is refused with 409, naming who changed it */
  changes: UpdateConversationRequest;
}

/**
 * `PATCH /api/conversations/:id`: status (with snooze), priority, assignee, team, tags → the conversation as it is
 * now. 409 when it changed since `version`; 400 on a bad change.
 */
export function updateConversation(
  input: UpdateConversationInput,
  options: CallOptions = {},
): Promise<ConversationDetailDto> {
  return apiRequest<ConversationDetailDto>(`/conversations/${encodeURIComponent(input.id)}`, {
    ...options,
    method: 'PATCH',
    body: input.changes,
  });
}

/** After a change: the open conversation shows the server's answer at once, the lists (and their counts) reload. */
export async function applyConversationChange(
  queryClient: QueryClient,
  conversation: ConversationDetailDto,
): Promise<void> {
  queryClient.setQueryData<ConversationDetailDto>(conversationKeys.detail(conversation.id), conversation);
  await queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
}

export function useUpdateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateConversationInput) => updateConversation(input),
    onSuccess: (conversation) => applyConversationChange(queryClient, conversation),
  });
}
