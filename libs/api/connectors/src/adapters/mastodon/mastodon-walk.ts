import type { HttpEndpoint } from '../../http/json-get';
import { compareIds, maxId } from '../../schema/parse';
import type { HistoryStep, HistoryWalker } from '../../walk/history-rounds';
import { asRecord, asString } from '../../walk/merge';
import type { RequestStep, RoundWalker } from '../../walk/request-rounds';
import { MASTODON_PAGE_MAX, fetchMastodonPage } from './mastodon-api';
import { boundBelow } from './mastodon-ids';
import { tagOfRequest } from './mastodon-query';

/**
 * A request's position. `newest`: the newest status covered (null: none seen yet, every status is new).
 * While a search walks down, the `maxId` of its next page and the newest status of the walk are kept too.
 */
export type MastodonPollState = { newest: string | null; maxId: string | null; pending: string | null };

/** A history walk's position: the next page is below `maxId` (null: from now). */
export type MastodonHistoryState = { maxId: string | null };

const pageLimit = (pageSize: number) => Math.max(1, Math.min(MASTODON_PAGE_MAX, Math.floor(pageSize)));

function readPollState(raw: unknown): MastodonPollState | null {
  const r = asRecord(raw);
  if (!r) return null;
  // `minId` was this field's name in an earlier shape
  return {
    newest: asString(r['newest']) ?? asString(r['minId']),
    maxId: asString(r['maxId']),
    pending: asString(r['pending']),
  };
}

/**
 * Polls. A tag timeline walks forward: `min_id` returns the statuses just above it, oldest first, so every
 * page moves it to the page's largest id, and a full page means more. Full-text search cannot: Mastodon
 * ≥ 4.2 answers the newest statuses above `min_id` (a whole-second `after:` filter), so a search walks down
 * from the newest status with `max_id` (see boundBelow) until a page holds a status at or below `newest`, or
 * is empty, and moves `newest` up only when the walk ends. Neither trusts the order within a page.
 */
export function mastodonPollWalker(endpoint: HttpEndpoint): RoundWalker<MastodonPollState> {
  return {
    readState: readPollState,
    async step(request, state, pageSize): Promise<RequestStep<MastodonPollState>> {
      const limit = pageLimit(pageSize);
      if (state === null) {
        // the first poll: newest page only
        const page = await fetchMastodonPage(endpoint, request, { limit });
        const newest = maxId(page.mentions.map((m) => m.externalId));
        return { ...page, state: { newest, maxId: null, pending: null }, more: false };
      }
      if (tagOfRequest(request) !== null) {
        // nothing seen yet: from the tag's very first status (there was none at the first poll)
        const page = await fetchMastodonPage(endpoint, request, { limit, minId: state.newest ?? '0' });
        const newest = maxId([state.newest, ...page.mentions.map((m) => m.externalId)]);
        return {
          ...page,
          state: { newest, maxId: null, pending: null },
          more: page.mentions.length >= limit,
        };
      }
      const page = await fetchMastodonPage(endpoint, request, { limit, maxId: state.maxId });
      const ids = page.mentions.map((m) => m.externalId);
      const floor = state.newest;
      const reached = floor !== null && ids.some((id) => compareIds(id, floor) <= 0);
      const pending = maxId([state.pending, ...ids]);
      if (!reached && ids.length > 0) {
        return {
          ...page,
          state: { newest: floor, maxId: boundBelow(page.mentions, state.maxId), pending },
          more: true,
        };
      }
      return { ...page, state: { newest: maxId([floor, pending]), maxId: null, pending: null }, more: false };
    },
  };
}

/** History walks down with `max_id` (see boundBelow) until a page reaches `since`, or an empty page. */
export function mastodonHistoryWalker(endpoint: HttpEndpoint): HistoryWalker<MastodonHistoryState> {
  return {
    readState(raw) {
      const r = asRecord(raw);
      return r ? { maxId: asString(r['maxId']) } : null;
    },
    async step(request, state, since, pageSize): Promise<HistoryStep<MastodonHistoryState>> {
      const previous = state?.maxId ?? null;
      const page = await fetchMastodonPage(endpoint, request, {
        limit: pageLimit(pageSize),
        maxId: previous,
      });
      const reachedSince = page.mentions.some((m) => m.createdAt.getTime() < since.getTime());
      const done = page.mentions.length === 0 || reachedSince;
      return { ...page, state: { maxId: boundBelow(page.mentions, previous) }, done };
    },
  };
}
