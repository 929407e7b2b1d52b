import type { CorrectionListDto } from '@ecoute/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { understandingKeys, type CorrectionListParams } from './keys';

/**
 * `GET /api/corrections?status=…&limit=…`: the agents' corrections (pending first, newest first) and the
 * statistics of all of them. Admins only (`workspace.admin`).
 */
export function getCorrections(
  params: CorrectionListParams = {},
  options: CallOptions = {},
): Promise<CorrectionListDto> {
  return apiRequest<CorrectionListDto>('/corrections', {
    ...options,
    query: { status: params.status ?? undefined, limit: params.limit ?? 50 },
  });
}

export function correctionsQueryOptions(params: CorrectionListParams = {}) {
  return queryOptions({
    queryKey: understandingKeys.correctionList(params),
    queryFn: ({ signal }) => getCorrections(params, { signal }),
  });
}

/**
 * The corrections of one status. Switching status keeps the previous answer until the next one arrives
 * (`isPlaceholderData`), so that the statistics stay in place. `enabled: false` for a user who may not review.
 */
export function useCorrections(params: CorrectionListParams = {}, config: { enabled?: boolean } = {}) {
  return useQuery({
    ...correctionsQueryOptions(params),
    enabled: config.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}
