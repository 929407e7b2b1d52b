import type { FetchedMention, FetchedPage, RateLimitInfo, SourceCursor } from '../types';
import { asRecord, subCursors, tightestRateLimit, uniqueMentions } from './merge';

/** What one request of a compiled query gave in one page. */
export interface RequestStep<S> {
  mentions: FetchedMention[];
  /** the request's own position once this page is committed */
  state: S;
  /** this request has more pages in the current poll */
  more: boolean;
  rateLimit: RateLimitInfo | null;
}

export interface RoundWalker<S> {
  /** validates a stored sub-cursor; null when absent or unrecognised (that request starts afresh, from now) */
  readState(raw: unknown): S | null;
  /** one page of one request; `state` null: the first poll, newest page only */
  step(request: string, state: S | null, pageSize: number): Promise<RequestStep<S>>;
}

interface Entry<S> {
  state: S;
  more: boolean;
}

/** The cursor of a multi-request source: one sub-cursor per request, keyed by the request's text. */
export type RoundCursor<S> = { requests: Record<string, Entry<S>> };

function readEntries<S>(cursor: SourceCursor, walker: RoundWalker<S>): Map<string, Entry<S>> {
  const entries = new Map<string, Entry<S>>();
  const stored = asRecord(cursor['requests']) ?? {};
  for (const [request, raw] of Object.entries(stored)) {
    const entry = asRecord(raw);
    const state = entry ? walker.readState(entry['state']) : null;
    if (entry && state !== null) entries.set(request, { state, more: entry['more'] === true });
  }
  return entries;
}

/**
 * One page of a poll over several requests (platforms without OR). A poll is a round: its first page asks
 * every request; while some request has more pages, the following pages ask only those. Each request's
 * sub-cursor moves only with the page that covers it, so replaying from any stored cursor refetches at
 * worst, and never skips. Requests are asked one after the other (gentler on rate limits); any failure fails
 * the page, and its cursor does not move.
 */
export async function fetchRoundPage<S>(
  requests: readonly string[],
  cursor: SourceCursor,
  pageSize: number,
  walker: RoundWalker<S>,
): Promise<FetchedPage> {
  const entries = readEntries(cursor, walker);
  const inRound = requests.some((r) => entries.get(r)?.more === true);
  const due = inRound ? requests.filter((r) => entries.get(r)?.more === true) : requests;
  const mentions: FetchedMention[] = [];
  const limits: Array<RateLimitInfo | null> = [];
  for (const request of due) {
    const step = await walker.step(request, entries.get(request)?.state ?? null, pageSize);
    entries.set(request, { state: step.state, more: step.more });
    mentions.push(...step.mentions);
    limits.push(step.rateLimit);
  }
  const next: RoundCursor<S> = { requests: subCursors(requests, entries) };
  return {
    mentions: uniqueMentions(mentions),
    cursor: next,
    hasMore: requests.some((r) => next.requests[r]?.more === true),
    rateLimit: tightestRateLimit(limits),
  };
}
