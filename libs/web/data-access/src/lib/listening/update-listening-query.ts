import type { ListeningQueryDto, UpdateListeningQueryRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { listeningKeys } from './keys';

export interface UpdateListeningQueryInput {
  id: string;
  changes: UpdateListeningQueryRequest;
}

/** `PATCH /api/listening/queries/:id`, e.g. `{ active: false }` to pause it. */
export function updateListeningQuery(
  input: UpdateListeningQueryInput,
  options: CallOptions = {},
): Promise<ListeningQueryDto> {
  return apiRequest<ListeningQueryDto>(`/listening/queries/${encodeURIComponent(input.id)}`, {
    ...options,
    method: 'PATCH',
    body: input.changes,
  });
}

/** Applies the change to the cached list at once (a pause toggle flips immediately) and rolls it back on error. */
export function useUpdateListeningQuery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateListeningQueryInput) => updateListeningQuery(input),
    onMutate: async ({ id, changes }) => {
      await queryClient.cancelQueries({ queryKey: listeningKeys.queryList() });
      const previous = queryClient.getQueryData<ListeningQueryDto[]>(listeningKeys.queryList());
      if (previous) {
        queryClient.setQueryData<ListeningQueryDto[]>(
          listeningKeys.queryList(),
          previous.map((q) => (q.id === id ? ({ ...q, ...changes } as ListeningQueryDto) : q)),
        );
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(listeningKeys.queryList(), context.previous);
    },
    onSuccess: (query) => queryClient.setQueryData(listeningKeys.query(query.id), query),
    // pausing a query pauses its sources, and new platforms bring new sources
    onSettled: () => queryClient.invalidateQueries({ queryKey: listeningKeys.all }),
  });
}
