import type { ListeningQueryDto } from '@ecoute/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { listeningKeys } from './keys';

/** `GET /api/listening/queries/:id`; 404 when it does not exist in this workspace. */
export function getListeningQuery(id: string, options: CallOptions = {}): Promise<ListeningQueryDto> {
  return apiRequest<ListeningQueryDto>(`/listening/queries/${encodeURIComponent(id)}`, options);
}

export function listeningQueryQueryOptions(id: string) {
  return queryOptions({
    queryKey: listeningKeys.query(id),
    queryFn: ({ signal }) => getListeningQuery(id, { signal }),
  });
}

/** One query; starts from the list's copy when the list is loaded, so that the editor opens at once. */
export function useListeningQuery(id: string | null | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    ...listeningQueryQueryOptions(id ?? ''),
    enabled: Boolean(id),
    initialData: () =>
      queryClient.getQueryData<ListeningQueryDto[]>(listeningKeys.queryList())?.find((q) => q.id === id),
    initialDataUpdatedAt: () => queryClient.getQueryState(listeningKeys.queryList())?.dataUpdatedAt,
  });
}
