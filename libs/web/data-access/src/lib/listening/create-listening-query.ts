import type { CreateListeningQueryRequest, ListeningQueryDto } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { listeningKeys } from './keys';

/**
 * `POST /api/listening/queries` → 201 with the query. 400 with a message naming the problem, e.g. a platform's
 * length limit ("the X query is 530 characters; X allows at most 512").
 */
export function createListeningQuery(
  body: CreateListeningQueryRequest,
  options: CallOptions = {},
): Promise<ListeningQueryDto> {
  return apiRequest<ListeningQueryDto>('/listening/queries', { ...options, method: 'POST', body });
}

export function useCreateListeningQuery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateListeningQueryRequest) => createListeningQuery(body),
    onSuccess: (query) => queryClient.setQueryData(listeningKeys.query(query.id), query),
    // a new query brings new sources
    onSettled: () => queryClient.invalidateQueries({ queryKey: listeningKeys.all }),
  });
}
