import type { HttpEndpoint } from '../../http/json-get';
import type { FetchedMention } from '../../types';
import type { HistoryStep, HistoryWalker } from '../../walk/history-rounds';
import { asNumber, asRecord } from '../../walk/merge';
import type { RequestStep, RoundWalker } from '../../walk/request-rounds';
import { HN_PAGE_MAX, fetchHackerNewsPage } from './hn-api';

/**
 * A request's position: `since` is the newest creation second covered (null: nothing seen yet, every item is
 * new). While a poll pages down, the next `page` and the newest second of the walk (`pending`) are kept too.
 */
export type HackerNewsPollState = { since: number | null; page: number | null; pending: number | null };
/** A history walk's position: the items at or before this second are still to read. */
export type HackerNewsHistoryState = { before: number | null };

const seconds = (m: FetchedMention) => Math.floor(m.createdAt.getTime() / 1000);
const newest = (values: ReadonlyArray<number | null>): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.max(...known) : null;
};
const pageLimit = (pageSize: number) => Math.max(1, Math.min(HN_PAGE_MAX, Math.floor(pageSize)));

/**
 * Polls ask `created_at_i >= since` (the boundary second is read again; the upsert makes that harmless) and
 * page through it newest first. New items arriving during the walk shift the pages: read twice, never
 * skipped. `since` moves up when the walk ends. The first poll takes the newest page only.
 */
export function hackerNewsPollWalker(endpoint: HttpEndpoint): RoundWalker<HackerNewsPollState> {
  return {
    readState(raw) {
      const r = asRecord(raw);
      return r
        ? { since: asNumber(r['since']), page: asNumber(r['page']), pending: asNumber(r['pending']) }
        : null;
    },
    async step(request, state, pageSize): Promise<RequestStep<HackerNewsPollState>> {
      const hitsPerPage = pageLimit(pageSize);
      const pageNo = state?.page ?? 0;
      const page = await fetchHackerNewsPage(endpoint, request, {
        hitsPerPage,
        page: pageNo,
        from: state?.since,
      });
      const { mentions, rateLimit } = page;
      const pageNewest = newest(mentions.map(seconds));
      if (state === null) {
        return { mentions, state: { since: pageNewest, page: null, pending: null }, more: false, rateLimit };
      }
      const pending = newest([state.pending, pageNewest]);
      if (mentions.length > 0 && pageNo + 1 < page.nbPages) {
        return { mentions, state: { since: state.since, page: pageNo + 1, pending }, more: true, rateLimit };
      }
      const done = { since: newest([state.since, pending]), page: null, pending: null };
      return { mentions, state: done, more: false, rateLimit };
    },
  };
}

/**
 * History walks down by creation time (`since <= created_at_i <= before`, page 0 each time), which Algolia's
 * 1,000-hit pagination limit does not bound.
 */
export function hackerNewsHistoryWalker(endpoint: HttpEndpoint): HistoryWalker<HackerNewsHistoryState> {
  return {
    readState(raw) {
      const r = asRecord(raw);
      return r ? { before: asNumber(r['before']) } : null;
    },
    async step(request, state, since, pageSize): Promise<HistoryStep<HackerNewsHistoryState>> {
      const from = Math.floor(since.getTime() / 1000);
      const to = state?.before ?? null;
      const page = await fetchHackerNewsPage(endpoint, request, {
        hitsPerPage: pageLimit(pageSize),
        page: 0,
        from,
        to,
      });
      const oldest = page.mentions.length > 0 ? Math.min(...page.mentions.map(seconds)) : null;
      // the boundary second is read again, unless a whole page fell within it
      const before = oldest === null ? to : oldest === to ? oldest - 1 : oldest;
      const done = page.mentions.length === 0 || page.nbPages <= 1;
      return { mentions: page.mentions, state: { before }, done, rateLimit: page.rateLimit };
    },
  };
}
