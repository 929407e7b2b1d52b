import type { RateLimitInfo } from '../types';

/** Response headers as fetch (`Headers`) or node:http (`IncomingHttpHeaders`) hand them over. */
export type HeaderSource =
  Headers | { readonly [name: string]: string | readonly string[] | number | undefined };

/** Above this, a number is an epoch in milliseconds. */
const EPOCH_MS_FLOOR = 1e12;
/** Above this (2001-09-09), a number is an epoch in seconds; below it, a delay in seconds. */
const EPOCH_S_FLOOR = 1e9;
/** When a 429 says nothing about when to come back. */
export const DEFAULT_RETRY_MS = 60_000;

function isFetchHeaders(headers: HeaderSource): headers is Headers {
  return typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function';
}

/** One header, case-insensitively; repeated values are joined with ", ". */
export function headerValue(headers: HeaderSource, name: string): string | null {
  if (isFetchHeaders(headers)) return headers.get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(', ') : String(value);
  }
  return null;
}

/** The leading number of a header (`996.0`, `3000;w=300`, `100, 100;w=60`), floored; null when none. */
function leadingCount(raw: string | null): number | null {
  const match = raw === null ? null : /^\s*(\d+(?:\.\d+)?)/.exec(raw);
  return match ? Math.floor(Number(match[1])) : null;
}

/**
 * A point in time given as an epoch (seconds or milliseconds), a delay in seconds, an ISO 8601 date or an
 * HTTP-date. Epochs and delays are told apart by size.
 */
export function parseInstant(raw: string, nowMs: number): Date | null {
  const value = raw.trim();
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    if (n >= EPOCH_MS_FLOOR) return new Date(n);
    if (n >= EPOCH_S_FLOOR) return new Date(n * 1000);
    return new Date(nowMs + n * 1000);
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** `Retry-After` (seconds or HTTP-date), if any. */
export function parseRetryAfter(headers: HeaderSource, nowMs: number): Date | null {
  const raw = headerValue(headers, 'retry-after');
  return raw === null ? null : parseInstant(raw, nowMs);
}

const PREFIXES = ['x-rate-limit-', 'x-ratelimit-', 'ratelimit-'] as const;

function pick(headers: HeaderSource, suffix: string): string | null {
  for (const prefix of PREFIXES) {
    const value = headerValue(headers, prefix + suffix);
    if (value !== null && value.trim() !== '') return value;
  }
  return null;
}

/**
 * The caller's remaining budget, whatever the style:
 * - X: `x-rate-limit-limit/remaining/reset`, reset in epoch seconds;
 * - Mastodon: `X-RateLimit-Limit/Remaining/Reset`, reset an ISO 8601 date;
 * - Reddit: `x-ratelimit-used/remaining/reset`, remaining a float, reset in seconds from now, no limit
 *   (limit = used + remaining);
 * - Bluesky: `ratelimit-limit/remaining/reset`, reset in epoch seconds;
 * - `Retry-After` (seconds or HTTP-date) when no reset is given.
 * Null when the response says nothing about it.
 */
export function parseRateLimit(headers: HeaderSource, nowMs: number): RateLimitInfo | null {
  const remaining = leadingCount(pick(headers, 'remaining'));
  const used = leadingCount(pick(headers, 'used'));
  let limit = leadingCount(pick(headers, 'limit'));
  if (limit === null && used !== null && remaining !== null) limit = used + remaining;
  const reset = pick(headers, 'reset');
  const resetAt = (reset === null ? null : parseInstant(reset, nowMs)) ?? parseRetryAfter(headers, nowMs);
  if (limit === null && remaining === null && resetAt === null) return null;
  return { limit, remaining, resetAt };
}

/**
 * When to come back after a 429: the later of the budget's reset and `Retry-After`, at least a second from
 * now (a reset already past means clock skew), or a minute from now when the platform says nothing.
 */
export function retryAtAfter429(headers: HeaderSource, nowMs: number): Date {
  const candidates = [parseRateLimit(headers, nowMs)?.resetAt ?? null, parseRetryAfter(headers, nowMs)]
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  if (candidates.length === 0) return new Date(nowMs + DEFAULT_RETRY_MS);
  return new Date(Math.max(nowMs + 1000, ...candidates));
}
