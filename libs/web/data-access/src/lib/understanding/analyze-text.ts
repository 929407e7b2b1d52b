import type { AnalyzeTextRequest, Enrichment } from '@ecoute/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';

/**
 * `POST /api/understanding/analyze`: how the workspace would read a text (its language, sentiment with the
 * evidence, intents, abuse), with its tuning. Stores nothing; a mutation because it runs on demand.
 */
export function analyzeText(body: AnalyzeTextRequest, options: CallOptions = {}): Promise<Enrichment> {
  return apiRequest<Enrichment>('/understanding/analyze', { ...options, method: 'POST', body });
}

export function useAnalyzeText() {
  return useMutation({
    mutationFn: (body: AnalyzeTextRequest) => analyzeText(body),
  });
}
