/**
 * Applies the fault mix to a platform's endpoints, before anything else: delay, then 429 (text or JSON, with the
 * platform's reset headers), 5xx in the platform's error shape, a hung request whose socket is destroyed, or
 * flags for the handler (malformed or truncated body, duplicate page, shuffled page).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { FaultInjector } from './faults';
import type { FaultEndpoint } from './platform';
import { RATE_LIMITS, rateLimitHeaders, type Endpoint } from './rate-limit';
import { locals, sendJson, sendRaw } from './respond';
import type { Timers } from './timers';
import {
  INTERNAL_ERROR,
  JSON_TYPE,
  RATE_LIMIT_TEXT,
  RATE_LIMIT_TEXT_TYPE,
  SERVICE_UNAVAILABLE,
  TOO_MANY_REQUESTS,
  UNAUTHORIZED,
} from './x-errors';

/** how a platform answers the faults the middleware produces on its own */
export interface FaultStyle {
  /** the headers of a 429 whose window resets `seconds` from `nowMs` */
  limitedHeaders(nowMs: number, seconds: number): Record<string, string>;
  /** the plain-text 429 body */
  tooManyText: string;
  tooManyTextType: string;
  /** the JSON 429 body */
  tooManyJson: unknown;
  internalError: unknown;
  /** the answer to rejected credentials (fault `auth`): status and body */
  unauthorized: { status: number; body: unknown };
  unavailable: unknown;
  jsonType: string;
}

export function xFaultStyle(endpoint: Endpoint): FaultStyle {
  return {
    limitedHeaders: (nowMs, seconds) =>
      rateLimitHeaders({
        limit: RATE_LIMITS[endpoint],
        remaining: 0,
        reset: Math.ceil(nowMs / 1000) + seconds,
      }),
    tooManyText: RATE_LIMIT_TEXT,
    tooManyTextType: RATE_LIMIT_TEXT_TYPE,
    tooManyJson: TOO_MANY_REQUESTS,
    internalError: INTERNAL_ERROR,
    unauthorized: { status: 401, body: UNAUTHORIZED },
    unavailable: SERVICE_UNAVAILABLE,
    jsonType: JSON_TYPE,
  };
}

export interface FaultLocals {
  /** replay the previous page of this search instead of computing a new one */
  duplicatePage?: boolean;
  /** answer a normal page whose items are in another order */
  shuffle?: <T>(items: readonly T[]) => T[];
  /** a posting endpoint stores the post, then drops the connection without answering */
  loseAnswer?: boolean;
}

export function faultLocals(res: Response): FaultLocals {
  return res.locals as FaultLocals;
}

export function faultMiddleware(
  faults: FaultInjector,
  endpoint: FaultEndpoint,
  style: FaultStyle,
  timers: Timers,
  log: (line: string) => void,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const kind = faults.next(endpoint);
    await timers.sleep(faults.delayMs(endpoint));
    if (kind !== 'ok') log(`fault ${kind} on ${req.method} ${req.originalUrl.split('?')[0]}`);
    switch (kind) {
      case '429':
      case '429json': {
        const headers = style.limitedHeaders(Date.now(), faults.resetSeconds);
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        if (kind === '429') sendRaw(res, 429, style.tooManyTextType, style.tooManyText);
        else sendJson(res, 429, style.tooManyJson, style.jsonType);
        return;
      }
      case '500':
        sendJson(res, 500, style.internalError, style.jsonType);
        return;
      case 'auth':
        sendJson(res, style.unauthorized.status, style.unauthorized.body, style.jsonType);
        return;
      case '503':
        sendJson(res, 503, style.unavailable, style.jsonType);
        return;
      case 'timeout':
        // never answer; destroy the connection later (or when the simulator closes)
        timers.after(faults.timeoutMs, () => req.socket.destroy());
        return;
      case 'malformed':
        locals(res).malformed = true;
        next();
        return;
      case 'truncated':
        locals(res).truncateAt = (length) => faults.cutPoint(length);
        next();
        return;
      case 'duplicate_page':
        faultLocals(res).duplicatePage = true;
        next();
        return;
      case 'out_of_order':
        faultLocals(res).shuffle = (items) => faults.shuffle(items);
        next();
        return;
      case 'lost_answer':
        faultLocals(res).loseAnswer = true;
        next();
        return;
      case 'ok':
        next();
        return;
    }
  };
}
