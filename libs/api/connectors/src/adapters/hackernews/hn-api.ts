import type { HttpEndpoint } from '../../http/json-get';
import { getJson } from '../../http/json-get';
import { parsePayload } from '../../schema/parse';
import type { FetchedMention, RateLimitInfo } from '../../types';
import { mapHackerNewsHit } from './hn-mapper';
import { HackerNewsSearchBody } from './hn-schema';

export const HN_PAGE_MAX = 100;

export interface HackerNewsPageRequest {
  hitsPerPage: number;
  page: number;
  /** created_at_i bounds, inclusive */
  from?: number | null;
  to?: number | null;
}

export interface HackerNewsPage {
  mentions: FetchedMention[];
  nbPages: number;
  rateLimit: RateLimitInfo | null;
}

/** `GET /api/v1/search_by_date?tags=(story,comment)`: newest first. */
export async function fetchHackerNewsPage(
  endpoint: HttpEndpoint,
  query: string,
  request: HackerNewsPageRequest,
): Promise<HackerNewsPage> {
  const filters = [
    ...(request.from != null ? [`created_at_i>=${request.from}`] : []),
    ...(request.to != null ? [`created_at_i<=${request.to}`] : []),
  ];
  const params = {
    query,
    tags: '(story,comment)',
    numericFilters: filters.join(','),
    hitsPerPage: request.hitsPerPage,
    page: request.page,
  };
  const { body, rateLimit } = await getJson(endpoint, '/api/v1/search_by_date', params);
  const parsed = parsePayload(HackerNewsSearchBody, body, 'Hacker News', 'search results');
  const mentions = parsed.hits.map((hit, i) => mapHackerNewsHit(hit, `hit ${i}`));
  return { mentions, nbPages: parsed.nbPages, rateLimit };
}
