/**
 * What the other platforms' routes share: reading the bearer token, counting requests against a rate-limit
 * policy (headers in the platform's style, a 429 in its shape when the window is spent), and reading query
 * parameters.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SimulatorContext } from './context';
import type { LimitPolicy, RateLimitState } from './rate-limit';
import { sendJson } from './respond';

/** the token of `Authorization: Bearer <token>`, or null */
export function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return m ? m[1] : null;
}

interface CallerLocals {
  /** the token, or the caller's address when the route needs none */
  caller?: string;
}

export function callerOf(res: Response): string {
  return (res.locals as CallerLocals).caller ?? '';
}

export function setCaller(res: Response, caller: string): void {
  (res.locals as CallerLocals).caller = caller;
}

export interface RateLimitStyle {
  policy(res: Response): LimitPolicy;
  headers(state: RateLimitState, nowMs: number): Record<string, string>;
  /** headers and body of a 429 when the window is spent */
  exceeded(state: RateLimitState, nowMs: number): { headers: Record<string, string>; body: unknown };
  jsonType: string;
}

export function rateLimited(ctx: SimulatorContext, style: RateLimitStyle): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const nowMs = ctx.now();
    const state = ctx.limiter.take(style.policy(res), callerOf(res), nowMs);
    for (const [name, value] of Object.entries(style.headers(state, nowMs))) res.setHeader(name, value);
    if (state.exceeded) {
      const { headers, body } = style.exceeded(state, nowMs);
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      sendJson(res, 429, body, style.jsonType);
      return;
    }
    next();
  };
}

/** a query parameter given once, as a string */
export function param(req: Request, name: string): string | undefined {
  const v: unknown = req.query[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

/** the base URL the caller used to reach this router, e.g. http://127.0.0.1:4010/mastodon */
export function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
}
