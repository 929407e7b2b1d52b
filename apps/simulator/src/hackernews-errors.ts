/**
 * The Algolia Hacker News API's errors ({"message": "...", "status": <status>}) and its rate limit: 10,000
 * requests an hour per address, with no rate headers; a 429 says when to come back in Retry-After (seconds).
 */
import type { FaultStyle } from './fault-middleware';
import type { RateLimitStyle } from './platform-http';
import type { LimitPolicy, RateLimitState } from './rate-limit';

export const ALGOLIA_JSON_TYPE = 'application/json; charset=UTF-8';
export const HACKERNEWS_POLICY: LimitPolicy = { name: 'hackernews', limit: 10_000, windowMs: 3600_000 };

export function algoliaError(status: number, message: string): { message: string; status: number } {
  return { message, status };
}

export const ALGOLIA_TOO_MANY = algoliaError(429, 'Too many requests');

export const HACKERNEWS_RATE_STYLE: RateLimitStyle = {
  policy: () => HACKERNEWS_POLICY,
  headers: () => ({}),
  exceeded: (s: RateLimitState, nowMs) => ({
    headers: { 'Retry-After': String(Math.max(1, Math.ceil((s.resetMs - nowMs) / 1000))) },
    body: ALGOLIA_TOO_MANY,
  }),
  jsonType: ALGOLIA_JSON_TYPE,
};

export const HACKERNEWS_FAULT_STYLE: FaultStyle = {
  limitedHeaders: (_nowMs, seconds) => ({ 'Retry-After': String(seconds) }),
  tooManyText: 'Too Many Requests',
  tooManyTextType: 'text/plain; charset=utf-8',
  tooManyJson: ALGOLIA_TOO_MANY,
  internalError: algoliaError(500, 'Internal Server Error'),
  unauthorized: { status: 403, body: algoliaError(403, 'Invalid Application-ID or API key') },
  unavailable: algoliaError(503, 'Service Unavailable'),
  jsonType: ALGOLIA_JSON_TYPE,
};
