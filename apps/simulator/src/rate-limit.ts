/**
 * X's rate limits: a number of requests per 15-minute window, per token and endpoint, reported on every
 * response in x-rate-limit-limit / -remaining / -reset (epoch seconds). When a window is spent, requests get 429
 * until it resets.
 */
export type Endpoint = 'search' | 'post';

/** per 15 minutes; recent search as in the captured responses, posting as X documents for a user */
export const RATE_LIMITS: Readonly<Record<Endpoint, number>> = { search: 1800, post: 200 };
export const WINDOW_MS = 15 * 60_000;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** epoch seconds */
  reset: number;
  exceeded: boolean;
}

export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; used: number }>();

  /** counts one request */
  take(endpoint: Endpoint, token: string, nowMs: number): RateLimitState {
    const key = `${endpoint}\u0000${token}`;
    let w = this.windows.get(key);
    if (!w || nowMs >= w.startMs + WINDOW_MS) {
      w = { startMs: nowMs, used: 0 };
      this.windows.set(key, w);
    }
    const limit = RATE_LIMITS[endpoint];
    const exceeded = w.used >= limit;
    if (!exceeded) w.used++;
    return { limit, remaining: limit - w.used, reset: Math.ceil((w.startMs + WINDOW_MS) / 1000), exceeded };
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
