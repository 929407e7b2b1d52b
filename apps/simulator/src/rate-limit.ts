/**
 * Rate limits: a number of requests per window, per token (or caller) and policy. X counts 15-minute windows from
 * the first request and reports them in x-rate-limit-limit / -remaining / -reset (epoch seconds); the other
 * platforms' policies and header styles live with their routes. When a window is spent, requests get 429 until
 * it resets.
 */
export type Endpoint = 'search' | 'post';

export interface LimitPolicy {
  /** the key windows are counted under (with the token) */
  name: string;
  limit: number;
  windowMs: number;
  /** windows start on multiples of `windowMs` of the clock (Mastodon, Reddit) rather than at the first request */
  aligned?: boolean;
}

/** per 15 minutes; recent search as in the captured responses, posting as X documents for a user */
export const RATE_LIMITS: Readonly<Record<Endpoint, number>> = { search: 1800, post: 200 };
export const WINDOW_MS = 15 * 60_000;
export const X_POLICIES: Readonly<Record<Endpoint, LimitPolicy>> = {
  search: { name: 'search', limit: RATE_LIMITS.search, windowMs: WINDOW_MS },
  post: { name: 'post', limit: RATE_LIMITS.post, windowMs: WINDOW_MS },
};

export interface RateLimitState {
  limit: number;
  /** requests counted in this window, this one included */
  used: number;
  remaining: number;
  /** epoch seconds */
  reset: number;
  /** epoch milliseconds */
  resetMs: number;
  exceeded: boolean;
}

export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; used: number }>();

  /** counts one request */
  take(policy: LimitPolicy, token: string, nowMs: number): RateLimitState {
    const key = `${policy.name}\u0000${token}`;
    let w = this.windows.get(key);
    if (!w || nowMs >= w.startMs + policy.windowMs) {
      const startMs = policy.aligned ? nowMs - (nowMs % policy.windowMs) : nowMs;
      w = { startMs, used: 0 };
      this.windows.set(key, w);
    }
    const exceeded = w.used >= policy.limit;
    if (!exceeded) w.used++;
    const resetMs = w.startMs + policy.windowMs;
    return {
      limit: policy.limit,
      used: w.used,
      remaining: policy.limit - w.used,
      reset: Math.ceil(resetMs / 1000),
      resetMs,
      exceeded,
    };
  }

  reset(): void {
    this.windows.clear();
  }
}

export function rateLimitHeaders(state: {
  limit: number;
  remaining: number;
  reset: number;
}): Record<string, string> {
  return {
    'x-rate-limit-limit': String(state.limit),
    'x-rate-limit-remaining': String(state.remaining),
    'x-rate-limit-reset': String(state.reset),
  };
}
