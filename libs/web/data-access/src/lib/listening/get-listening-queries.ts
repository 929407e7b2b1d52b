import type { ListeningQueryDto } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { listeningKeys } from './keys';

/** `GET /api/listening/queries`: every listening query of the workspace. */
export function getListeningQueries(options: CallOptions = {}): Promise<ListeningQueryDto[]> {
  return apiRequest<ListeningQueryDto[]>('/listening/queries', options);
}

export function listeningQueriesQueryOptions() {
  return queryOptions({
    queryKey: listeningKeys.queryList(),
    queryFn: ({ signal }) => getListeningQueries({ signal }),
  });
}

export function useListeningQueries() {
  return useQuery(listeningQueriesQueryOptions());
}
