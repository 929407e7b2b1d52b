import type { SourceDto } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { listeningKeys } from './keys';

/** `GET /api/listening/sources`: one source per query and platform, with its polling health. */
export function getSources(options: CallOptions = {}): Promise<SourceDto[]> {
  return apiRequest<SourceDto[]>('/listening/sources', options);
}

/** The sources table polls: a state change shows up within this delay. */
export const SOURCES_REFETCH_MS = 5_000;

export function sourcesQueryOptions() {
  return queryOptions({
    queryKey: listeningKeys.sources(),
    queryFn: ({ signal }) => getSources({ signal }),
  });
}

export function useSources(config: { refetchInterval?: number | false } = {}) {
  return useQuery({
    ...sourcesQueryOptions(),
    refetchInterval: config.refetchInterval ?? SOURCES_REFETCH_MS,
  });
}
