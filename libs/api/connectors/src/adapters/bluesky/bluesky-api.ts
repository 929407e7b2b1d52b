import type { HttpEndpoint } from '../../http/json-get';
import { getJson } from '../../http/json-get';
import { parsePayload } from '../../schema/parse';
import type { RateLimitInfo } from '../../types';
import { mapBlueskyPost, type MappedBlueskyPost } from './bluesky-mapper';
import { BlueskySearchBody } from './bluesky-schema';

export const BLUESKY_PAGE_MAX = 100;

export interface BlueskyPageRequest {
  limit: number;
  /** inclusive lower bound on `sortAt` */
  since?: Date | null;
  /** the platform's opaque pagination cursor */
  cursor?: string | null;
}

export interface BlueskyPage {
  posts: MappedBlueskyPost[];
  cursor: string | null;
  rateLimit: RateLimitInfo | null;
}

/** `GET /xrpc/app.bsky.feed.searchPosts?sort=latest`: newest first. */
export async function fetchBlueskyPage(
  endpoint: HttpEndpoint,
  q: string,
  request: BlueskyPageRequest,
): Promise<BlueskyPage> {
  const params = {
    q,
    sort: 'latest',
    limit: request.limit,
    cursor: request.cursor,
    since: request.since?.toISOString(),
  };
  const { body, rateLimit } = await getJson(endpoint, '/xrpc/app.bsky.feed.searchPosts', params);
  const parsed = parsePayload(BlueskySearchBody, body, 'Bluesky', 'search results');
  const posts = parsed.posts.map((post, i) => mapBlueskyPost(post, `post ${i}`));
  return { posts, cursor: parsed.cursor ?? null, rateLimit };
}
