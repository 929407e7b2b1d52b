import type { PreviewListeningQueryRequest, PreviewResultDto } from '@ecoute/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';

/**
 * `POST /api/listening/preview`: runs the query once on each platform and returns what would match. Stores
 * nothing; a mutation because each call spends the platforms' rate limits (never re-run on its own).
 */
export function previewListeningQuery(
  body: PreviewListeningQueryRequest,
  options: CallOptions = {},
): Promise<PreviewResultDto> {
  return apiRequest<PreviewResultDto>('/listening/preview', { ...options, method: 'POST', body });
}

export function usePreviewListeningQuery() {
  return useMutation({
    mutationFn: (body: PreviewListeningQueryRequest) => previewListeningQuery(body),
  });
}
