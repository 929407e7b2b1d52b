/**
 * Validates app.bsky.feed.searchPosts's parameters as the lexicon does (q required, limit 1 to 100, sort top or
 * latest, since/until datetimes or dates) and reads the opaque cursor: for "latest", the key of the last post
 * served; for "top", an offset; both tied to the search they came from.
 */
import { createHash } from 'node:crypto';
import { blueskyDid, blueskyHandle } from './identities';
import { blueskyDialect, NOTHING, parseDialectQuery } from './platform-query';
import type { QueryNode } from './query-parser';
import type { Store } from './store';

export interface BlueskySearch {
  q: string;
  node: QueryNode;
  sort: 'top' | 'latest';
  limit: number;
  /** inclusive */
  sinceMs?: number;
  /** exclusive */
  untilMs?: number;
  cursor?: { key: bigint } | { offset: number };
  /** for the cursor's fingerprint */
  identity: string;
}

export type BlueskyParse = { ok: true; search: BlueskySearch } | { ok: false; message: string };

const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function time(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (!DATETIME.test(value)) return null;
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : ms;
}

/** the username of a handle or DID the store knows, or null */
export function resolveActor(store: Store, actor: string): string | null {
  const a = actor.replace(/^@/, '').toLowerCase();
  for (const u of store.allUsers()) {
    if (blueskyHandle(u.username) === a || blueskyDid(u) === a) return u.username.toLowerCase();
  }
  return null;
}

function fingerprint(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 8);
}

export function encodeCursor(search: BlueskySearch, next: { key: bigint } | { offset: number }): string {
  const fp = fingerprint(search.identity);
  return 'key' in next ? `${fp}.${next.key.toString(36)}` : `${fp}.o${next.offset}`;
}

function decodeCursor(identity: string, raw: string): { key: bigint } | { offset: number } | null {
  const m = /^([0-9a-f]{8})\.(o\d{1,9}|[0-9a-z]{1,14})$/.exec(raw);
  if (!m || m[1] !== fingerprint(identity)) return null;
  if (m[2].startsWith('o')) return { offset: Number(m[2].slice(1)) };
  let v = 0n;
  for (const ch of m[2]) v = v * 36n + BigInt(parseInt(ch, 36));
  return { key: v };
}

export function parseBlueskySearch(
  query: (name: string) => string | undefined,
  tags: string[],
  store: Store,
): BlueskyParse {
  const q = query('q');
  if (q === undefined) return { ok: false, message: 'Error: Params must have the property "q"' };
  const rawLimit = query('limit');
  let limit = 25;
  if (rawLimit !== undefined) {
    if (!/^-?\d+$/.test(rawLimit)) return { ok: false, message: 'Error: limit must be an integer' };
    limit = Number(rawLimit);
    if (limit < 1) return { ok: false, message: 'Error: limit can not be less than 1' };
    if (limit > 100) return { ok: false, message: 'Error: limit can not be greater than 100' };
  }
  const sort = query('sort') ?? 'latest';
  if (sort !== 'top' && sort !== 'latest')
    return { ok: false, message: 'Error: sort must be one of "top" or "latest"' };
  const sinceMs = time(query('since'));
  if (sinceMs === null) return { ok: false, message: 'Error: since must be a valid datetime' };
  const untilMs = time(query('until'));
  if (untilMs === null) return { ok: false, message: 'Error: until must be a valid datetime' };

  const clauses: QueryNode[] = [
    parseDialectQuery(
      q,
      blueskyDialect((h) => resolveActor(store, h)),
    ),
  ];
  const lang = query('lang');
  if (lang !== undefined) clauses.push({ kind: 'lang', lang: lang.toLowerCase().split('-')[0] });
  const author = query('author');
  if (author !== undefined) {
    const user = resolveActor(store, author);
    clauses.push(user === null ? NOTHING : { kind: 'from', user });
  }
  for (const tag of tags) clauses.push({ kind: 'hashtag', tag: tag.replace(/^#/, '').toLowerCase() });
  const node: QueryNode = clauses.length === 1 ? clauses[0] : { kind: 'and', children: clauses };

  const identity = JSON.stringify([
    q,
    sort,
    sinceMs ?? null,
    untilMs ?? null,
    lang ?? null,
    author ?? null,
    tags,
  ]);
  const rawCursor = query('cursor');
  let cursor: BlueskySearch['cursor'];
  if (rawCursor !== undefined && rawCursor !== '') {
    const decoded = decodeCursor(identity, rawCursor);
    if (decoded === null || 'key' in decoded !== (sort === 'latest'))
      return { ok: false, message: 'Error: invalid cursor' };
    cursor = decoded;
  }
  return { ok: true, search: { q, node, sort, limit, sinceMs, untilMs, cursor, identity } };
}
