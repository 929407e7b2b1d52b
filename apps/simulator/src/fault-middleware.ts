/**
 * Applies the fault mix to the X endpoints, before anything else: delay, then 429 (text or JSON), 5xx, a hung
 * request whose socket is destroyed, or flags for the handler (malformed body, duplicate page).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { FaultInjector } from './faults';
import { RATE_LIMITS, rateLimitHeaders, type Endpoint } from './rate-limit';
import { locals, sendJson, sendRaw } from './respond';
import type { Timers } from './timers';
import {
  INTERNAL_ERROR,
  RATE_LIMIT_TEXT,
  RATE_LIMIT_TEXT_TYPE,
  SERVICE_UNAVAILABLE,
  TOO_MANY_REQUESTS,
} from './x-errors';

export interface FaultLocals {
  /** replay the previous page of this search instead of computing a new one */
  duplicatePage?: boolean;
}

export function faultLocals(res: Response): FaultLocals {
  return res.locals as FaultLocals;
}

export function faultMiddleware(
  faults: FaultInjector,
  endpoint: Endpoint,
  timers: Timers,
  log: (line: string) => void,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const kind = faults.next(endpoint);
    await timers.sleep(faults.delayMs(endpoint));
    if (kind !== 'ok') log(`fault ${kind} on ${req.method} ${req.path}`);
    switch (kind) {
      case '429':
      case '429json': {
        const headers = rateLimitHeaders({
          limit: RATE_LIMITS[endpoint],
          remaining: 0,
          reset: Math.ceil(Date.now() / 1000) + faults.resetSeconds,
        });
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        if (kind === '429') sendRaw(res, 429, RATE_LIMIT_TEXT_TYPE, RATE_LIMIT_TEXT);
        else sendJson(res, 429, TOO_MANY_REQUESTS);
        return;
      }
      case '500':
        sendJson(res, 500, INTERNAL_ERROR);
        return;
      case '503':
        sendJson(res, 503, SERVICE_UNAVAILABLE);
        return;
      case 'timeout':
        // never answer; destroy the connection later (or when the simulator closes)
        timers.after(faults.timeoutMs, () => req.socket.destroy());
        return;
      case 'malformed':
        locals(res).malformed = true;
        next();
        return;
      case 'duplicate_page':
        faultLocals(res).duplicatePage = true;
        next();
        return;
      case 'ok':
        next();
        return;
    }
  };
}
