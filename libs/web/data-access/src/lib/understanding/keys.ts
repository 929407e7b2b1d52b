import type { CorrectionStatus } from '@ecoute/contracts';

/** Which corrections to list: one status, or all of them (`status: null`). */
export interface CorrectionListParams {
  status?: CorrectionStatus | null;
  limit?: number;
}

/**
 * Query keys of the sentiment tuning: the workspace's terms and the agents' corrections. A review invalidates
 * both (an accepted correction may feed the lexicon); a new correction invalidates the corrections.
 */
export const understandingKeys = {
  all: ['understanding'] as const,
  terms: () => [...understandingKeys.all, 'terms'] as const,
  corrections: () => [...understandingKeys.all, 'corrections'] as const,
  correctionList: (params: CorrectionListParams) =>
    [
      ...understandingKeys.corrections(),
      { status: params.status ?? null, limit: params.limit ?? 50 },
    ] as const,
};
