/**
 * `next_token`: opaque to clients, deterministic here. It carries the id of the last post of the page it follows
 * (the next page holds only older posts) and a fingerprint of the search it belongs to, so a token replayed with
 * another query or since_id is refused. New posts published between two pages never shift the pages.
 */
import { createHash } from 'node:crypto';

export interface SearchIdentity {
  query: string;
  sinceId?: bigint;
  untilId?: bigint;
  startMs?: number;
  endMs?: number;
}

const FINGERPRINT_CHARS = 8;

function fingerprint(search: SearchIdentity): string {
  const key = [
    search.query,
    search.sinceId ?? '',
    search.untilId ?? '',
    search.startMs ?? '',
    search.endMs ?? '',
  ].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, FINGERPRINT_CHARS);
}

export function encodeNextToken(search: SearchIdentity, lastId: string): string {
  return `${fingerprint(search)}${BigInt(lastId).toString(36)}`;
}

/** the id to continue below, or null when the token is not one of ours for this search */
export function decodeNextToken(search: SearchIdentity, token: string): bigint | null {
  if (!/^[0-9a-f]{8}[0-9a-z]{1,14}$/.test(token)) return null;
  if (token.slice(0, FINGERPRINT_CHARS) !== fingerprint(search)) return null;
  let value = 0n;
  for (const ch of token.slice(FINGERPRINT_CHARS)) value = value * 36n + BigInt(parseInt(ch, 36));
  return value > 0n ? value : null;
}
