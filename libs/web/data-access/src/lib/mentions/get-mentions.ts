import type { MentionDto, Page, Platform } from '@ecoute/contracts';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';

/** Which mentions to list: those of one listening query, of one platform, or both. */
export interface MentionFilters {
  queryId?: string | null;
  platform?: Platform | null;
}

export interface GetMentionsParams extends MentionFilters {
  limit?: number;
  cursor?: string | null;
}

function filterKey(f: MentionFilters) {
  return { queryId: f.queryId ?? null, platform: f.platform ?? null };
}

export const mentionKeys = {
  all: ['mentions'] as const,
  list: (params: GetMentionsParams) =>
    [
      ...mentionKeys.all,
      'list',
      { limit: params.limit ?? 50, cursor: params.cursor ?? null, ...filterKey(params) },
    ] as const,
  stream: (filters: MentionFilters & { limit?: number }) =>
    [...mentionKeys.all, 'stream', { limit: filters.limit ?? 50, ...filterKey(filters) }] as const,
};

/** `GET /api/mentions`: mentions newest first, optionally of one query and/or one platform. */
export function getMentions(
  params: GetMentionsParams = {},
  options: CallOptions = {},
): Promise<Page<MentionDto>> {
  return apiRequest<Page<MentionDto>>('/mentions', {
    ...options,
    query: {
      limit: params.limit ?? 50,
      cursor: params.cursor ?? undefined,
      queryId: params.queryId ?? undefined,
      platform: params.platform ?? undefined,
    },
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

/** The mention stream polls: a new mention shows up within this delay, without a reload. */
export const MENTION_STREAM_REFETCH_MS = 10_000;

/** The mention stream, page by page ("load more" follows `nextCursor`). */
export function mentionStreamQueryOptions(filters: MentionFilters & { limit?: number } = {}) {
  return infiniteQueryOptions({
    queryKey: mentionKeys.stream(filters),
    queryFn: ({ pageParam, signal }) =>
      getMentions(
        { limit: filters.limit, queryId: filters.queryId, platform: filters.platform, cursor: pageParam },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMentionStream(
  filters: MentionFilters & { limit?: number } = {},
  config: { refetchInterval?: number | false } = {},
) {
  return useInfiniteQuery({
    ...mentionStreamQueryOptions(filters),
    refetchInterval: config.refetchInterval ?? MENTION_STREAM_REFETCH_MS,
  });
}
