import type { ConversationStatus, ConversationSummaryDto, Page } from '@ecoute/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { conversationKeys } from './keys';

export interface GetConversationsParams {
  /** no statuses: every conversation */
  status?: readonly ConversationStatus[];
  limit?: number;
  cursor?: string | null;
}

/** `GET /api/conversations`: newest activity first. */
export function getConversations(
  params: GetConversationsParams = {},
  options: CallOptions = {},
): Promise<Page<ConversationSummaryDto>> {
  return apiRequest<Page<ConversationSummaryDto>>('/conversations', {
    ...options,
    query: {
      status: params.status && params.status.length > 0 ? params.status.join(',') : undefined,
      limit: params.limit ?? 50,
      cursor: params.cursor ?? undefined,
    },
  });
}

/** The inbox polls: a new mention shows up within this delay. */
export const CONVERSATIONS_REFETCH_MS = 5_000;

export function conversationsQueryOptions(
  params: { status?: readonly ConversationStatus[]; limit?: number } = {},
) {
  return infiniteQueryOptions({
    queryKey: conversationKeys.list(params.status),
    queryFn: ({ pageParam, signal }) =>
      getConversations({ status: params.status, limit: params.limit, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useConversations(
  params: { status?: readonly ConversationStatus[]; limit?: number } = {},
  config: { refetchInterval?: number | false } = {},
) {
  return useInfiniteQuery({
    ...conversationsQueryOptions(params),
    refetchInterval: config.refetchInterval ?? CONVERSATIONS_REFETCH_MS,
  });
}
