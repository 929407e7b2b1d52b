import type { ConversationDetailDto } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { CONVERSATIONS_REFETCH_MS } from './get-conversations';
import { conversationKeys } from './keys';

/** `GET /api/conversations/:id`: the conversation and its messages, oldest first. */
export function getConversation(id: string, options: CallOptions = {}): Promise<ConversationDetailDto> {
  return apiRequest<ConversationDetailDto>(`/conversations/${encodeURIComponent(id)}`, options);
}

export function conversationQueryOptions(id: string) {
  return queryOptions({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) => getConversation(id, { signal }),
  });
}

/** The open conversation, refreshed like the list (a reply's delivery state moves from queued to sent). */
export function useConversation(
  id: string | null | undefined,
  config: { refetchInterval?: number | false } = {},
) {
  return useQuery({
    ...conversationQueryOptions(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: config.refetchInterval ?? CONVERSATIONS_REFETCH_MS,
  });
}
