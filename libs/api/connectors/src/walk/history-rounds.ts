import type { FetchedMention, HistoryPage, RateLimitInfo, SourceCursor } from '../types';
import { asRecord, subCursors, tightestRateLimit, uniqueMentions } from './merge';

export interface HistoryStep<S> {
  mentions: FetchedMention[];
  /** where this request resumes */
  state: S;
  /** this request reached `since`, or the end of what the platform keeps */
  done: boolean;
  rateLimit: RateLimitInfo | null;
}

export interface HistoryWalker<S> {
  readState(raw: unknown): S | null;
  /** one page of one request, older than `state` (null: from now), newest first */
  step(request: string, state: S | null, since: Date, pageSize: number): Promise<HistoryStep<S>>;
}

interface Entry<S> {
  state: S;
  done: boolean;
}

export type HistoryCursor<S> = { requests: Record<string, Entry<S>> };

/**
 * One page of history over several requests: every request not yet back to `since` gives one page. The
 * cursor is null once they all are. Posts older than `since` are left out.
 */
export async function fetchHistoryRound<S>(
  requests: readonly string[],
  since: Date,
  cursor: SourceCursor | null,
  pageSize: number,
  walker: HistoryWalker<S>,
): Promise<HistoryPage> {
  const stored = asRecord(cursor?.['requests']) ?? {};
  const entries = new Map<string, Entry<S>>();
  for (const request of requests) {
    const raw = asRecord(stored[request]);
    const state = raw ? walker.readState(raw['state']) : null;
    if (raw && state !== null) entries.set(request, { state, done: raw['done'] === true });
  }
  const mentions: FetchedMention[] = [];
  const limits: Array<RateLimitInfo | null> = [];
  for (const request of requests) {
    const entry = entries.get(request);
    if (entry?.done) continue;
    const step = await walker.step(request, entry?.state ?? null, since, pageSize);
    entries.set(request, { state: step.state, done: step.done });
    mentions.push(...step.mentions);
    limits.push(step.rateLimit);
  }
  const next: HistoryCursor<S> = { requests: subCursors(requests, entries) };
  const finished = requests.every((r) => next.requests[r]?.done === true);
  return {
    mentions: uniqueMentions(mentions).filter((m) => m.createdAt.getTime() >= since.getTime()),
    cursor: finished ? null : next,
    rateLimit: tightestRateLimit(limits),
  };
}
