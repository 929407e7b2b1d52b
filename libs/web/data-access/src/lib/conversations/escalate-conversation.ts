import type { ConversationDetailDto, EscalateConversationRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { applyConversationChange } from './update-conversation';

export interface EscalateConversationInput {
  id: string;
  /** one of `toUserId` / `toTeamId`, the reason, and the `version` the decision was made on */
  request: EscalateConversationRequest;
}

/**
 * `POST /api/conversations/:id/escalate`: hands it to a lead or a team, with the reason → the conversation as it is
 * now. 409 when it changed since `version`; 400 when it is resolved or ignored.
 */
export function escalateConversation(
  input: EscalateConversationInput,
  options: CallOptions = {},
): Promise<ConversationDetailDto> {
  return apiRequest<ConversationDetailDto>(`/conversations/${encodeURIComponent(input.id)}/escalate`, {
    ...options,
    method: 'POST',
    body: input.request,
  });
}

export function useEscalateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalateConversationInput) => escalateConversation(input),
    onSuccess: (conversation) => applyConversationChange(queryClient, conversation),
  });
}
