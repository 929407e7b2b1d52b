/**
 * Writes responses byte for byte (express's res.json/res.send would rewrite the content type), and applies the
 * body faults: "malformed" (a 200 whose JSON body is cut in half, complete as sent) and "truncated" (a 200 that
 * announces the whole body but stops part-way and closes the connection).
 */
import type { Response } from 'express';
import { JSON_TYPE } from './x-errors';

export interface ResponseLocals {
  /** set by the fault middleware: cut the next JSON body in half */
  malformed?: boolean;
  /** set by the fault middleware: stop sending the next JSON body part-way, at this byte */
  truncateAt?: (length: number) => number;
}

export function locals(res: Response): ResponseLocals {
  return res.locals as ResponseLocals;
}

/** whether the body about to be sent will reach the caller whole */
export function bodyIntact(res: Response): boolean {
  const l = locals(res);
  return !l.malformed && l.truncateAt === undefined;
}

export function sendRaw(res: Response, status: number, contentType: string, body: string): void {
  if (res.headersSent || res.writableEnded) return;
  res.status(status);
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

function sendTruncated(res: Response, status: number, contentType: string, body: string, at: number): void {
  if (res.headersSent || res.writableEnded) return;
  const bytes = Buffer.from(body);
  res.status(status);
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', bytes.length);
  res.write(bytes.subarray(0, at), () => res.destroy());
}

export function sendJson(res: Response, status: number, payload: unknown, contentType = JSON_TYPE): void {
  let body = JSON.stringify(payload);
  const l = locals(res);
  if (status < 300 && l.truncateAt) {
    sendTruncated(res, status, contentType, body, l.truncateAt(Buffer.byteLength(body)));
    return;
  }
  if (l.malformed && status < 300) body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
  sendRaw(res, status, contentType, body);
}
