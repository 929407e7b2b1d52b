import type { HttpEndpoint } from '../../http/json-get';
import { getJson } from '../../http/json-get';
import { parsePayload } from '../../schema/parse';
import type { FetchedMention, RateLimitInfo } from '../../types';
import { mapMastodonStatuses } from './mastodon-mapper';
import { tagOfRequest } from './mastodon-query';
import { MastodonSearchBody, MastodonTimelineBody } from './mastodon-schema';

/** Mastodon returns at most 40 statuses a page. */
export const MASTODON_PAGE_MAX = 40;

export interface MastodonPageRequest {
  limit: number;
  minId?: string | null;
  maxId?: string | null;
}

export interface MastodonPage {
  mentions: FetchedMention[];
  rateLimit: RateLimitInfo | null;
}

/**
 * One page of one request: `GET /api/v1/timelines/tag/:tag` for `#tag`, else
 * `GET /api/v2/search?type=statuses`. Both answer newest first.
 */
export async function fetchMastodonPage(
  endpoint: HttpEndpoint,
  request: string,
  page: MastodonPageRequest,
): Promise<MastodonPage> {
  const bounds = { limit: page.limit, min_id: page.minId, max_id: page.maxId };
  const tag = tagOfRequest(request);
  if (tag !== null) {
    const { body, rateLimit } = await getJson(
      endpoint,
      `/api/v1/timelines/tag/${encodeURIComponent(tag)}`,
      bounds,
    );
    const items = parsePayload(MastodonTimelineBody, body, 'Mastodon', 'tag timeline');
    return { mentions: mapMastodonStatuses(items), rateLimit };
  }
  const query = { q: request, type: 'statuses', resolve: 'false', ...bounds };
  const { body, rateLimit } = await getJson(endpoint, '/api/v2/search', query);
  const { statuses } = parsePayload(MastodonSearchBody, body, 'Mastodon', 'search results');
  return { mentions: mapMastodonStatuses(statuses), rateLimit };
}
