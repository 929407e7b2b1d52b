import type { TwitterApi } from 'twitter-api-v2';
import { parseRateLimit } from '../../http/rate-limit';
import type { RateLimitInfo } from '../../types';
import { checkXSearchBody } from './x-body';
import { toConnectorError } from './x-errors';
import type { XSearchBody } from './x-mapper';

export const X_SEARCH_PARAMS = {
  'tweet.fields':
    'author_id,created_at,lang,conversation_id,public_metrics,in_reply_to_user_id,referenced_tweets,entities',
  // the retweeted original and its author come along, for folding reposts
  expansions: 'author_id,referenced_tweets.id,referenced_tweets.id.author_id',
  'user.fields': 'name,username,verified,profile_image_url,public_metrics',
} as const;

/** How far back recent search reaches; requests stay a little inside it. */
export const X_RECENT_WINDOW_MS = 7 * 24 * 3600_000;
const WINDOW_MARGIN_MS = 5 * 60_000;

export const clampMaxResults = (pageSize: number): number =>
  Math.min(100, Math.max(10, Math.floor(pageSize)));

/** X wants RFC 3339 without fractions: `2026-08-01T13:55:55Z`. */
export const xTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The oldest start_time that recent search still accepts, with a margin. */
export const oldestStartMs = (nowMs: number): number => nowMs - X_RECENT_WINDOW_MS + WINDOW_MARGIN_MS;

export interface XSearchResult {
  body: XSearchBody;
  rateLimit: RateLimitInfo | null;
}

/** `GET /2/tweets/search/recent`, with the response headers, mapped to shared error codes. */
export async function searchRecent(
  client: TwitterApi,
  params: Record<string, string | number>,
  nowMs: () => number,
): Promise<XSearchResult> {
  try {
    const response = await client.v2.get<unknown>('tweets/search/recent', params, { fullResponse: true });
    return { body: checkXSearchBody(response.data), rateLimit: parseRateLimit(response.headers, nowMs()) };
  } catch (e) {
    throw toConnectorError(e, nowMs());
  }
}
