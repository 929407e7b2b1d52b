/**
 * Bluesky's XRPC errors ({"error": "<Name>", "message": "..."}) and rate limits: 3,000 requests per 5 minutes per
 * token, reported in ratelimit-limit / -remaining / -reset (epoch seconds) / -policy ("3000;w=300").
 */
import type { FaultStyle } from './fault-middleware';
import type { RateLimitStyle } from './platform-http';
import type { LimitPolicy, RateLimitState } from './rate-limit';
import { JSON_TYPE } from './x-errors';

export const BLUESKY_POLICY: LimitPolicy = { name: 'bluesky', limit: 3000, windowMs: 300_000 };

export function xrpcError(error: string, message: string): { error: string; message: string } {
  return { error, message };
}

export const BLUESKY_AUTH_MISSING = xrpcError('AuthMissing', 'Authentication Required');
export const BLUESKY_UNAUTHORIZED = xrpcError('AuthenticationRequired', 'Invalid identifier or password');
export const BLUESKY_TOO_MANY = xrpcError('RateLimitExceeded', 'Rate Limit Exceeded');

function headers(limit: number, remaining: number, reset: number): Record<string, string> {
  return {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(remaining),
    'ratelimit-reset': String(reset),
    'ratelimit-policy': `${limit};w=${BLUESKY_POLICY.windowMs / 1000}`,
  };
}

export const BLUESKY_RATE_STYLE: RateLimitStyle = {
  policy: () => BLUESKY_POLICY,
  headers: (s: RateLimitState) => headers(s.limit, s.remaining, s.reset),
  exceeded: () => ({ headers: {}, body: BLUESKY_TOO_MANY }),
  jsonType: JSON_TYPE,
};

export const BLUESKY_FAULT_STYLE: FaultStyle = {
  limitedHeaders: (nowMs, seconds) => headers(BLUESKY_POLICY.limit, 0, Math.ceil(nowMs / 1000) + seconds),
  tooManyText: 'Too Many Requests',
  tooManyTextType: 'text/plain; charset=utf-8',
  tooManyJson: BLUESKY_TOO_MANY,
  internalError: xrpcError('InternalServerError', 'Internal Server Error'),
  unauthorized: { status: 401, body: BLUESKY_UNAUTHORIZED },
  unavailable: xrpcError('NotEnoughResources', 'Not Enough Resources'),
  jsonType: JSON_TYPE,
};
