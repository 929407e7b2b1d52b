import type { FetchedMention, RateLimitInfo } from '../types';

/** One copy of each post (a post found by two requests, or twice in a duplicated page), first seen first. */
export function uniqueMentions(mentions: Iterable<FetchedMention>): FetchedMention[] {
  const seen = new Map<string, FetchedMention>();
  for (const m of mentions) if (!seen.has(m.externalId)) seen.set(m.externalId, m);
  return [...seen.values()];
}

/** The most constraining of several responses' budgets: the lowest `remaining`, else the last one known. */
export function tightestRateLimit(infos: Iterable<RateLimitInfo | null>): RateLimitInfo | null {
  let best: RateLimitInfo | null = null;
  for (const info of infos) {
    if (info === null) continue;
    if (best === null || best.remaining === null) best = info;
    else if (info.remaining !== null && info.remaining <= best.remaining) best = info;
  }
  return best;
}

/**
 * The sub-cursors of a multi-request cursor: the entry of each of `requests` that has one, in the query's
 * order (the sub-cursors of requests no longer in the query are dropped).
 */
export function subCursors<E>(
  requests: readonly string[],
  entries: ReadonlyMap<string, E>,
): Record<string, E> {
  const next: Record<string, E> = {};
  for (const request of requests) {
    const entry = entries.get(request);
    if (entry) next[request] = entry;
  }
  return next;
}

/** The object's own record, when the stored JSON is one. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export const asString = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

export const asNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
