import type { HttpEndpoint } from '../../http/json-get';
import { getJson } from '../../http/json-get';
import { parsePayload } from '../../schema/parse';
import type { FetchedMention, RateLimitInfo } from '../../types';
import { mapRedditLink } from './reddit-mapper';
import { RedditListing } from './reddit-schema';

export const REDDIT_PAGE_MAX = 100;

export interface RedditPage {
  mentions: FetchedMention[];
  /** the platform's anchor for the next (older) page; null at the end of the listing */
  after: string | null;
  rateLimit: RateLimitInfo | null;
}

/** `GET /search?sort=new&type=link&raw_json=1`: newest first, `after` pages back. */
export async function fetchRedditPage(
  endpoint: HttpEndpoint,
  q: string,
  limit: number,
  after: string | null,
): Promise<RedditPage> {
  const query = { q, sort: 'new', limit, type: 'link', raw_json: 1, after };
  const { body, rateLimit } = await getJson(endpoint, '/search', query);
  const listing = parsePayload(RedditListing, body, 'Reddit', 'search listing');
  const mentions = listing.data.children
    .map((child, i) => ({ child, i }))
    .filter(({ child }) => child.kind === 't3')
    .map(({ child, i }) => mapRedditLink(child.data, `search listing child ${i}`));
  return { mentions, after: listing.data.after ?? null, rateLimit };
}
