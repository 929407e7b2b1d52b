import { ConnectorError } from '../../connector-error';
import type { HttpEndpoint } from '../../http/json-get';
import type { HistoryStep, HistoryWalker } from '../../walk/history-rounds';
import { asRecord, asString } from '../../walk/merge';
import type { RequestStep, RoundWalker } from '../../walk/request-rounds';
import { BLUESKY_PAGE_MAX, fetchBlueskyPage, type BlueskyPage, type BlueskyPageRequest } from './bluesky-api';

/**
 * A request's position: `since` is the newest `sortAt` covered, ISO 8601 (null: nothing seen yet, every
 * post is new). While a poll pages down, the platform's `cursor` and the newest `sortAt` of the walk
 * (`pending`) are kept too.
 */
export type BlueskyPollState = { since: string | null; cursor: string | null; pending: string | null };
/** A history walk's position: the platform's cursor, and the `since` it belongs to (the walk keeps its first). */
export type BlueskyHistoryState = { cursor: string | null; since: string | null };

const isDate = (s: string | null): s is string => s !== null && !Number.isNaN(Date.parse(s));
const latest = (values: ReadonlyArray<string | null>): string | null => {
  const times = values.filter(isDate).map((s) => Date.parse(s));
  return times.length > 0 ? new Date(Math.max(...times)).toISOString() : null;
};
const pageLimit = (pageSize: number) => Math.max(1, Math.min(BLUESKY_PAGE_MAX, Math.floor(pageSize)));

async function fetchOrRestart(
  endpoint: HttpEndpoint,
  q: string,
  request: BlueskyPageRequest,
): Promise<BlueskyPage> {
  try {
    return await fetchBlueskyPage(endpoint, q, request);
  } catch (e) {
    // a cursor the platform no longer accepts: start the walk again from the top (read twice, never skipped)
    if (e instanceof ConnectorError && e.code === 'bad_query' && request.cursor) {
      return fetchBlueskyPage(endpoint, q, { ...request, cursor: null });
    }
    throw e;
  }
}

/**
 * Polls ask `since` = the high-water `sortAt` (inclusive: the boundary is read again) and page down with
 * the platform's cursor until it ends; `since` moves up when the walk ends. Posts arriving during a walk
 * shift the pages: read twice, never skipped. The first poll takes the newest page only.
 */
export function blueskyPollWalker(endpoint: HttpEndpoint): RoundWalker<BlueskyPollState> {
  return {
    readState(raw) {
      const r = asRecord(raw);
      if (!r) return null;
      const since = asString(r['since']);
      return {
        since: isDate(since) ? since : null,
        cursor: asString(r['cursor']),
        pending: asString(r['pending']),
      };
    },
    async step(request, state, pageSize): Promise<RequestStep<BlueskyPollState>> {
      const limit = pageLimit(pageSize);
      const since = state?.since ? new Date(state.since) : null;
      const page = await fetchOrRestart(endpoint, request, { limit, since, cursor: state?.cursor });
      const mentions = page.posts.map((p) => p.mention);
      const { rateLimit } = page;
      const pageNewest = latest(page.posts.map((p) => p.sortAt.toISOString()));
      if (state === null) {
        return {
          mentions,
          state: { since: pageNewest, cursor: null, pending: null },
          more: false,
          rateLimit,
        };
      }
      const pending = latest([state.pending, pageNewest]);
      if (page.cursor && mentions.length > 0) {
        return {
          mentions,
          state: { since: state.since, cursor: page.cursor, pending },
          more: true,
          rateLimit,
        };
      }
      const done = { since: latest([state.since, pending]), cursor: null, pending: null };
      return { mentions, state: done, more: false, rateLimit };
    },
  };
}

/**
 * History pages down from now with the platform's cursor, bounded by `since`. A cursor is only valid with
 * the `since` it was issued for, so the walk keeps the `since` it started with.
 */
export function blueskyHistoryWalker(endpoint: HttpEndpoint): HistoryWalker<BlueskyHistoryState> {
  return {
    readState(raw) {
      const r = asRecord(raw);
      if (!r) return null;
      const since = asString(r['since']);
      return { cursor: asString(r['cursor']), since: isDate(since) ? since : null };
    },
    async step(request, state, since, pageSize): Promise<HistoryStep<BlueskyHistoryState>> {
      const walkSince = state?.since ?? since.toISOString();
      const page = await fetchBlueskyPage(endpoint, request, {
        limit: pageLimit(pageSize),
        since: new Date(walkSince),
        cursor: state?.cursor,
      });
      const mentions = page.posts.map((p) => p.mention);
      const done = !page.cursor || mentions.length === 0;
      return { mentions, state: { cursor: page.cursor, since: walkSince }, done, rateLimit: page.rateLimit };
    },
  };
}
