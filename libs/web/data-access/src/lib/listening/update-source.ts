import type { SourceDto, UpdateSourceRequest } from '@ecoute/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { listeningKeys } from './keys';

export interface UpdateSourceInput {
  id: string;
  changes: UpdateSourceRequest;
}

/** `PATCH /api/listening/sources/:id`: pause or resume (resuming also clears "needs re-auth"), or the interval. */
export function updateSource(input: UpdateSourceInput, options: CallOptions = {}): Promise<SourceDto> {
  return apiRequest<SourceDto>(`/listening/sources/${encodeURIComponent(input.id)}`, {
    ...options,
    method: 'PATCH',
    body: input.changes,
  });
}

export function useUpdateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSourceInput) => updateSource(input),
    onSuccess: (source) =>
      queryClient.setQueryData<SourceDto[]>(listeningKeys.sources(), (old) =>
        old?.map((s) => (s.id === source.id ? source : s)),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: listeningKeys.sources() }),
  });
}
