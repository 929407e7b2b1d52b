import type { HttpEndpoint } from '../../http/json-get';
import type { FetchedMention } from '../../types';
import type { HistoryStep, HistoryWalker } from '../../walk/history-rounds';
import { asNumber, asRecord, asString } from '../../walk/merge';
import type { RequestStep, RoundWalker } from '../../walk/request-rounds';
import { REDDIT_PAGE_MAX, fetchRedditPage } from './reddit-api';

/** A post's place in the `sort=new` listing: its creation second, then its fullname (base 36, increasing). */
export type RedditMark = { createdUtc: number; name: string };

/**
 * A request's position: `newest` is the high-water mark (null: nothing seen yet, every post is new). While a
 * poll pages back, `after` (the listing's anchor) and `pending` (the newest post of the walk) are kept too.
 */
export type RedditPollState = { newest: RedditMark | null; after: string | null; pending: RedditMark | null };
export type RedditHistoryState = { after: string | null };

const idValue = (name: string) => parseInt(name.replace(/^t\d_/, ''), 36) || 0;

export const compareMarks = (a: RedditMark, b: RedditMark): number =>
  a.createdUtc - b.createdUtc || idValue(a.name) - idValue(b.name);

export const markOf = (m: FetchedMention): RedditMark => ({
  createdUtc: m.createdAt.getTime() / 1000,
  name: m.externalId,
});

function newestMark(marks: ReadonlyArray<RedditMark | null>): RedditMark | null {
  let best: RedditMark | null = null;
  for (const m of marks) if (m && (best === null || compareMarks(m, best) > 0)) best = m;
  return best;
}

function readMark(raw: unknown): RedditMark | null {
  const r = asRecord(raw);
  const createdUtc = asNumber(r?.['createdUtc']);
  const name = asString(r?.['name']);
  return createdUtc !== null && name !== null ? { createdUtc, name } : null;
}

const pageLimit = (pageSize: number) => Math.max(1, Math.min(REDDIT_PAGE_MAX, Math.floor(pageSize)));

/**
 * Polls walk like X: newest first, paging back with the listing's `after` until a page holds a post at or
 * below the high-water mark (whatever the page's order), or the listing ends (Reddit lists about 1,000
 * posts). The mark moves up only when the walk ends. The first poll takes one page.
 */
export function redditPollWalker(endpoint: HttpEndpoint): RoundWalker<RedditPollState> {
  return {
    readState(raw) {
      const r = asRecord(raw);
      if (!r) return null;
      return { newest: readMark(r['newest']), after: asString(r['after']), pending: readMark(r['pending']) };
    },
    async step(request, state, pageSize): Promise<RequestStep<RedditPollState>> {
      const page = await fetchRedditPage(endpoint, request, pageLimit(pageSize), state?.after ?? null);
      const marks = page.mentions.map(markOf);
      const { mentions, rateLimit } = page;
      if (state === null) {
        return {
          mentions,
          state: { newest: newestMark(marks), after: null, pending: null },
          more: false,
          rateLimit,
        };
      }
      const walkNewest = newestMark([state.pending, ...marks]);
      const floor = state.newest;
      const reached = floor !== null && marks.some((m) => compareMarks(m, floor) <= 0);
      if (!reached && page.after && marks.length > 0) {
        return {
          mentions,
          state: { newest: floor, after: page.after, pending: walkNewest },
          more: true,
          rateLimit,
        };
      }
      const done = { newest: newestMark([floor, walkNewest]), after: null, pending: null };
      return { mentions, state: done, more: false, rateLimit };
    },
  };
}

/** History pages back with `after` until a post older than `since`, or the end of the listing. */
export function redditHistoryWalker(endpoint: HttpEndpoint): HistoryWalker<RedditHistoryState> {
  return {
    readState(raw) {
      const r = asRecord(raw);
      return r ? { after: asString(r['after']) } : null;
    },
    async step(request, state, since, pageSize): Promise<HistoryStep<RedditHistoryState>> {
      const page = await fetchRedditPage(endpoint, request, pageLimit(pageSize), state?.after ?? null);
      const reachedSince = page.mentions.some((m) => m.createdAt.getTime() < since.getTime());
      const done = !page.after || page.mentions.length === 0 || reachedSince;
      return { mentions: page.mentions, state: { after: page.after }, done, rateLimit: page.rateLimit };
    },
  };
}
