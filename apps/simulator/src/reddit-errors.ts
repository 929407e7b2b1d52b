/**
 * Reddit's error bodies ({"message": "...", "error": <status>}) and rate limits: requests per 10-minute window of
 * the clock (600 with a token, 100 without), reported in x-ratelimit-used, x-ratelimit-remaining (a float, "599.0")
 * and x-ratelimit-reset (seconds until the window ends).
 */
import type { FaultStyle } from './fault-middleware';
import { callerOf, type RateLimitStyle } from './platform-http';
import type { LimitPolicy, RateLimitState } from './rate-limit';

export const REDDIT_JSON_TYPE = 'application/json; charset=UTF-8';
const WINDOW_MS = 10 * 60_000;
export const REDDIT_POLICY: LimitPolicy = { name: 'reddit', limit: 600, windowMs: WINDOW_MS, aligned: true };
export const REDDIT_ANONYMOUS_POLICY: LimitPolicy = {
  name: 'reddit-anonymous',
  limit: 100,
  windowMs: WINDOW_MS,
  aligned: true,
};

export function redditError(status: number, message: string): { message: string; error: number } {
  return { message, error: status };
}

export const REDDIT_UNAUTHORIZED = redditError(401, 'Unauthorized');
export const REDDIT_TOO_MANY = redditError(429, 'Too Many Requests');

function headers(used: number, remaining: number, resetMs: number, nowMs: number): Record<string, string> {
  return {
    'x-ratelimit-used': String(used),
    'x-ratelimit-remaining': remaining.toFixed(1),
    'x-ratelimit-reset': String(Math.max(0, Math.ceil((resetMs - nowMs) / 1000))),
  };
}

export const REDDIT_RATE_STYLE: RateLimitStyle = {
  policy: (res) => (callerOf(res).startsWith('anonymous:') ? REDDIT_ANONYMOUS_POLICY : REDDIT_POLICY),
  headers: (s: RateLimitState, nowMs) => headers(s.used, s.remaining, s.resetMs, nowMs),
  exceeded: () => ({ headers: {}, body: REDDIT_TOO_MANY }),
  jsonType: REDDIT_JSON_TYPE,
};

export const REDDIT_FAULT_STYLE: FaultStyle = {
  limitedHeaders: (nowMs, seconds) => headers(REDDIT_POLICY.limit, 0, nowMs + seconds * 1000, nowMs),
  tooManyText: 'Too Many Requests',
  tooManyTextType: 'text/plain; charset=utf-8',
  tooManyJson: REDDIT_TOO_MANY,
  internalError: redditError(500, 'Internal Server Error'),
  unauthorized: { status: 401, body: REDDIT_UNAUTHORIZED },
  unavailable: redditError(503, 'Service Unavailable'),
  jsonType: REDDIT_JSON_TYPE,
};
