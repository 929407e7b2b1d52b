import { ListeningQuerySpec } from '@ecoute/contracts';
import type { FakeReply, RecordedRequest } from '../../testing/fake-platform';
import { readFixtureJson, type Capture } from '../../testing/fixtures';
import {
  connectorFailure,
  drainHistory,
  drainPages,
  fakePlatformPerTest,
} from '../../testing/mention-source-harness';
import type { SourceCursor } from '../../types';
import { BlueskyMentionSource } from './bluesky-mention-source';

const capture = readFixtureJson<Capture>('bluesky', 'searchPosts_redistricting_bskyr_cassette.json');
const template = (capture.body as { posts: Array<Record<string, unknown>> }).posts[1];
const T0 = Date.parse('2026-03-01T12:00:00Z');

/** A post shaped like the captured one, created at `ms` and indexed a second later. */
function post(ms: number, n: number): Record<string, unknown> {
  const record = {
    ...(template['record'] as object),
    createdAt: new Date(ms).toISOString(),
    text: `lumio ${n}`,
  };
  return {
    ...template,
    uri: `at://did:plc:s7savtl25cqhm3ddqc7jeljx/app.bsky.feed.post/p${String(n).padStart(5, '0')}`,
    record,
    indexedAt: new Date(ms + 1000).toISOString(),
  };
}
const created = (p: Record<string, unknown>) => Date.parse((p['record'] as { createdAt: string }).createdAt);

/** searchPosts sort=latest: newest first; since inclusive; an offset cursor (new posts shift its pages). */
function appview(all: Array<Record<string, unknown>>, options: { shuffle?: boolean } = {}) {
  return (request: RecordedRequest): FakeReply => {
    const since = request.query.get('since');
    const limit = Number(request.query.get('limit'));
    const cursor = request.query.get('cursor');
    if (cursor !== null && !/^\d+$/.test(cursor))
      return { status: 400, body: { error: 'InvalidRequest', message: 'malformed cursor' } };
    const offset = cursor ? Number(cursor) : 0;
    const found = all
      .filter((p) => !since || created(p) >= Date.parse(since))
      .sort((a, b) => created(b) - created(a));
    const posts = found.slice(offset, offset + limit);
    if (options.shuffle) posts.reverse();
    const next = offset + limit < found.length ? String(offset + limit) : undefined;
    return {
      body: { posts, ...(next ? { cursor: next } : {}) },
      headers: capture.headers as Record<string, string>,
    };
  };
}

describe('BlueskyMentionSource against a local AppView', () => {
  const local = fakePlatformPerTest(
    (url) =>
      new BlueskyMentionSource({ baseUrl: `${url}/bluesky`, accessToken: 'jwt', timeoutMs: 10_000 }, () => T0),
  );
  const query = { platform: 'bluesky' as const, requests: ['lumio'] };
  const drain = (cursor: SourceCursor, pageSize = 100) => drainPages(local.source, query, cursor, pageSize);

  it('compiles per term and calls searchPosts with the token, sort=latest, and the captured rate limit', async () => {
    expect(
      local.source.compile(ListeningQuerySpec.parse({ handles: ['lumio.bsky.social'] })).requests,
    ).toEqual(['mentions:lumio.bsky.social']);
    local.platform.setHandler(appview([post(T0, 1)]));
    const page = await local.source.fetchPage(query, {}, 100);
    const [request] = local.platform.requests;
    expect(request.path).toBe('/bluesky/xrpc/app.bsky.feed.searchPosts');
    expect(Object.fromEntries(request.query)).toEqual({ q: 'lumio', sort: 'latest', limit: '100' });
    expect(request.headers['authorization']).toBe('Bearer jwt');
    expect(page.rateLimit).toEqual({ limit: 3000, remaining: 2983, resetAt: new Date(1747676784 * 1000) });
  });

  it('walks down with the cursor from since = the newest sortAt, then moves since up', async () => {
    const old = [post(T0, 1), post(T0 + 1000, 2)];
    local.platform.setHandler(appview(old));
    const first = await drain({});
    const fresh = Array.from({ length: 25 }, (_, i) => post(T0 + 2000 + i * 100, 10 + i));
    local.platform.setHandler(appview([...old, ...fresh], { shuffle: true }));
    const { ids, cursor, pages } = await drain(first.cursor, 10);
    const sinceParam = new Date(T0 + 1000).toISOString();
    expect(
      local.platform.requests.slice(1).map((r) => [r.query.get('since'), r.query.get('cursor')]),
    ).toEqual([
      [sinceParam, null],
      [sinceParam, '10'],
      [sinceParam, '20'],
    ]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    for (const p of fresh) expect(ids).toContain(p['uri']);
    expect(cursor).toEqual({
      requests: {
        lumio: {
          state: { since: new Date(T0 + 2000 + 24 * 100).toISOString(), cursor: null, pending: null },
          more: false,
        },
      },
    });
  });

  it('starts the walk again when the AppView refuses the stored cursor', async () => {
    local.platform.setHandler(appview([post(T0, 1), post(T0 + 5000, 2)]));
    const stored = {
      requests: {
        lumio: { state: { since: new Date(T0).toISOString(), cursor: 'stale!', pending: null }, more: true },
      },
    };
    const page = await local.source.fetchPage(query, stored, 100);
    expect(local.platform.requests.map((r) => r.query.get('cursor'))).toEqual(['stale!', null]);
    expect(page.mentions).toHaveLength(2);
    expect(page.hasMore).toBe(false);
  });

  it('maps 429 (RateLimit-Reset in epoch seconds), expired tokens and malformed bodies', async () => {
    local.platform.reply(
      {
        status: 429,
        body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        headers: {
          'ratelimit-limit': '3000',
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(T0 / 1000 + 120),
        },
      },
      { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } },
      { status: 401, body: { error: 'AuthMissing', message: 'Authentication Required' } },
      { body: { posts: [{ uri: 'at://x' }] } },
    );
    const failure = () => connectorFailure(local.source.fetchPage(query, {}, 100));
    expect(await failure()).toMatchObject({
      code: 'rate_limited',
      retryAt: new Date(T0 + 120_000),
      message: 'Bluesky rate limit reached: RateLimitExceeded: Rate Limit Exceeded',
    });
    expect(await failure()).toMatchObject({
      code: 'bad_query',
      message: 'Bluesky rejected the request (400): ExpiredToken: Token has expired',
    });
    expect(await failure()).toMatchObject({ code: 'auth_invalid' });
    expect(await failure()).toMatchObject({ code: 'temporary' });
  });

  it('pages history with since and the cursor until the end', async () => {
    const all = Array.from({ length: 30 }, (_, i) => post(T0 + i * 60_000, i));
    local.platform.setHandler(appview(all));
    const since = new Date(T0 + 10 * 60_000);
    // a caller that recomputes `since` on every call: the walk keeps the one its cursor belongs to
    const { ids: seen, cursor } = await drainHistory(
      local.source,
      query,
      (i) => new Date(since.getTime() - i * 1000),
      8,
      10,
    );
    expect(cursor).toBeNull();
    expect(new Set(seen)).toEqual(new Set(all.slice(10).map((p) => p['uri'])));
    expect(new Set(local.platform.requests.map((r) => r.query.get('since')))).toEqual(
      new Set([since.toISOString()]),
    );
  });
});
