import type { MentionDto, Page } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';

export interface GetMentionsParams {
  limit?: number;
  cursor?: string | null;
}

export const mentionKeys = {
  all: ['mentions'] as const,
  list: (params: GetMentionsParams) =>
    [...mentionKeys.all, 'list', { limit: params.limit ?? 50, cursor: params.cursor ?? null }] as const,
};

/** `GET /api/mentions`: the latest mentions, newest first. */
export function getMentions(
  params: GetMentionsParams = {},
  options: CallOptions = {},
): Promise<Page<MentionDto>> {
  return apiRequest<Page<MentionDto>>('/mentions', {
    ...options,
    query: { limit: params.limit ?? 50, cursor: params.cursor ?? undefined },
  });
}

export function mentionsQueryOptions(params: GetMentionsParams = {}) {
  return queryOptions({
    queryKey: mentionKeys.list(params),
    queryFn: ({ signal }) => getMentions(params, { signal }),
  });
}

export function useMentions(
  params: GetMentionsParams = {},
  config: { refetchInterval?: number | false } = {},
) {
  return useQuery({ ...mentionsQueryOptions(params), refetchInterval: config.refetchInterval ?? false });
}
