/**
 * Mastodon's error bodies ({"error": "..."}) and rate limits: 300 requests per 5-minute window of the clock, per
 * token, reported in X-RateLimit-Limit / -Remaining / -Reset (an ISO 8601 time, to the microsecond).
 */
import type { FaultStyle } from './fault-middleware';
import type { RateLimitStyle } from './platform-http';
import type { LimitPolicy, RateLimitState } from './rate-limit';
import { JSON_TYPE } from './x-errors';

export const MASTODON_POLICY: LimitPolicy = {
  name: 'mastodon',
  limit: 300,
  windowMs: 5 * 60_000,
  aligned: true,
};

export const MASTODON_UNAUTHORIZED = { error: 'The access token is invalid' };
export const MASTODON_TOO_MANY = { error: 'Too many requests' };
export const MASTODON_INTERNAL = { error: "We're sorry, but something went wrong on our end." };
export const MASTODON_UNAVAILABLE = {
  error: 'The page could not be served due to a temporary server failure.',
};

/** 2026-08-01T14:00:00.000000Z */
export function mastodonTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function headers(limit: number, remaining: number, resetMs: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': mastodonTime(resetMs),
  };
}

export const MASTODON_RATE_STYLE: RateLimitStyle = {
  policy: () => MASTODON_POLICY,
  headers: (s: RateLimitState) => headers(s.limit, s.remaining, s.resetMs),
  exceeded: () => ({ headers: {}, body: MASTODON_TOO_MANY }),
  jsonType: JSON_TYPE,
};

export const MASTODON_FAULT_STYLE: FaultStyle = {
  limitedHeaders: (nowMs, seconds) => headers(MASTODON_POLICY.limit, 0, nowMs + seconds * 1000),
  tooManyText: 'Too Many Requests',
  tooManyTextType: 'text/plain; charset=utf-8',
  tooManyJson: MASTODON_TOO_MANY,
  internalError: MASTODON_INTERNAL,
  unauthorized: { status: 401, body: MASTODON_UNAUTHORIZED },
  unavailable: MASTODON_UNAVAILABLE,
  jsonType: JSON_TYPE,
};
