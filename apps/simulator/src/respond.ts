/**
 * Writes responses byte for byte (express's res.json/res.send would rewrite the content type), and applies the
 * "malformed" fault: a 200 whose JSON body is cut in half.
 */
import type { Response } from 'express';
import { JSON_TYPE } from './x-errors';

export interface ResponseLocals {
  /** set by the fault middleware: truncate the next JSON body */
  malformed?: boolean;
}

export function locals(res: Response): ResponseLocals {
  return res.locals as ResponseLocals;
}

export function sendRaw(res: Response, status: number, contentType: string, body: string): void {
  if (res.headersSent || res.writableEnded) return;
  res.status(status);
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

export function sendJson(res: Response, status: number, payload: unknown): void {
  let body = JSON.stringify(payload);
  if (locals(res).malformed && status < 300) body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
  sendRaw(res, status, JSON_TYPE, body);
}
