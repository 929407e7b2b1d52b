import type { OverviewResponse } from '@ecoute/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';

export interface GetOverviewParams {
  from: string;
  to: string;
  bucket: 'hour' | 'day';
}

/** The ranges the Overview offers: hour buckets for 24 h, day buckets otherwise. */
export const OVERVIEW_RANGES = ['24h', '7d', '30d'] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The query for a range, ending now: 24 whole hours (the current one included) or N whole UTC days (today
 * included), so that every bucket of the chart starts on a boundary.
 */
export function overviewRangeParams(range: OverviewRange, now: Date = new Date()): GetOverviewParams {
  const t = now.getTime();
  if (range === '24h') {
    const hourStart = Math.floor(t / HOUR) * HOUR;
    return { from: new Date(hourStart - 23 * HOUR).toISOString(), to: now.toISOString(), bucket: 'hour' };
  }
  const days = range === '7d' ? 7 : 30;
  const dayStart = Math.floor(t / DAY) * DAY;
  return { from: new Date(dayStart - (days - 1) * DAY).toISOString(), to: now.toISOString(), bucket: 'day' };
}

export const overviewKeys = {
  all: ['reports', 'overview'] as const,
  range: (range: OverviewRange) => [...overviewKeys.all, range] as const,
};

/** `GET /api/reports/overview`. */
export function getOverview(params: GetOverviewParams, options: CallOptions = {}): Promise<OverviewResponse> {
  return apiRequest<OverviewResponse>('/reports/overview', { ...options, query: { ...params } });
}

/** Keyed by range, not by timestamps: each refetch asks for the range ending at that moment. */
export function overviewQueryOptions(range: OverviewRange) {
  return queryOptions({
    queryKey: overviewKeys.range(range),
    queryFn: ({ signal }) => getOverview(overviewRangeParams(range), { signal }),
  });
}

export const OVERVIEW_REFETCH_MS = 15_000;

export function useOverview(range: OverviewRange, config: { refetchInterval?: number | false } = {}) {
  return useQuery({
    ...overviewQueryOptions(range),
    refetchInterval: config.refetchInterval ?? OVERVIEW_REFETCH_MS,
    placeholderData: keepPreviousData,
  });
}
