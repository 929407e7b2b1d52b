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
import { MastodonMentionSource } from './mastodon-mention-source';

const template = readFixtureJson<Record<string, unknown>>('mastodon', 'docs_Status_example.json');
const capturedHeaders = readFixtureJson<Capture>('mastodon', 'test_hashtag_tl_2.json').headers ?? {};
const T0 = Date.parse('2026-08-01T13:00:00Z');

/** A status shaped like the captured one, with a Mastodon snowflake id: (milliseconds << 16) | sequence. */
function status(ms: number, seq = 0): Record<string, unknown> {
  const id = ((BigInt(ms) << 16n) | BigInt(seq)).toString();
  return { ...template, id, created_at: new Date(ms).toISOString(), content: `<p>lumio ${id}</p>` };
}
const idOf = (s: Record<string, unknown>) => BigInt(s['id'] as string);
const byIdDesc = (a: Record<string, unknown>, b: Record<string, unknown>) => (idOf(b) > idOf(a) ? 1 : -1);

/**
 * Mastodon's semantics: a tag timeline with min_id answers the `limit` statuses just above it (newest first);
 * search (≥ 4.2) turns max_id into a whole-second `before:` and answers the newest first.
 */
function mastodon(statuses: Array<Record<string, unknown>>, options: { shuffle?: boolean } = {}) {
  return (request: RecordedRequest): FakeReply => {
    const limit = Number(request.query.get('limit') ?? 20);
    const maxId = request.query.get('max_id');
    const minId = request.query.get('min_id');
    let found = [...statuses].sort(byIdDesc);
    if (request.path.startsWith('/mastodon/api/v1/timelines/tag/')) {
      if (maxId) found = found.filter((s) => idOf(s) < BigInt(maxId));
      if (minId)
        found = found
          .filter((s) => idOf(s) > BigInt(minId))
          .reverse()
          .slice(0, limit)
          .reverse();
    } else {
      if (maxId) {
        const beforeSecond = Math.floor(Number(BigInt(maxId) >> 16n) / 1000) * 1000;
        found = found.filter((s) => Date.parse(s['created_at'] as string) < beforeSecond);
      }
    }
    const page = found.slice(0, limit);
    if (options.shuffle) page.reverse();
    const body = request.path.endsWith('/search') ? { accounts: [], statuses: page, hashtags: [] } : page;
    return {
      body,
      headers: {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '299',
        'x-ratelimit-reset': '2026-08-01T14:00:00.070144Z',
      },
    };
  };
}

const drain = (source: MastodonMentionSource, requests: string[], cursor: SourceCursor) =>
  drainPages(source, { platform: 'mastodon', requests }, cursor, 40, 20);

describe('MastodonMentionSource against a local Mastodon', () => {
  const local = fakePlatformPerTest(
    (url) =>
      new MastodonMentionSource(
        { baseUrl: `${url}/mastodon`, accessToken: 'tok', timeoutMs: 10_000 },
        () => T0,
      ),
  );

  it('compiles per term and calls the real endpoints with the token', async () => {
    const compiled = local.source.compile(
      ListeningQuerySpec.parse({ include: ['lumio'], hashtags: ['LumioFibre'] }),
    );
    expect(compiled.requests).toEqual(['lumio', '#LumioFibre']);
    expect(local.source.historyDays).toBeNull();
    local.platform.setHandler(mastodon([status(T0)]));
    const page = await local.source.fetchPage(compiled, {}, 100);
    const [search, tag] = local.platform.requests;
    expect(search.path).toBe('/mastodon/api/v2/search');
    expect(Object.fromEntries(search.query)).toEqual({
      q: 'lumio',
      type: 'statuses',
      resolve: 'false',
      limit: '40',
    });
    expect(tag.path).toBe('/mastodon/api/v1/timelines/tag/LumioFibre');
    expect(search.headers['authorization']).toBe('Bearer tok');
    // the same status found by both requests comes once
    expect(page.mentions).toHaveLength(1);
    expect(page.rateLimit).toEqual({
      limit: 300,
      remaining: 299,
      resetAt: new Date('2026-08-01T14:00:00.070Z'),
    });
  });

  it('walks a tag timeline forward with min_id, 40 at a time, missing nothing', async () => {
    const old = [status(T0 - 5000)];
    local.platform.setHandler(mastodon(old));
    const first = await drain(local.source, ['#hoot'], {});
    expect(first.pages).toHaveLength(1);
    const fresh = Array.from({ length: 45 }, (_, i) => status(T0 + i * 10));
    local.platform.setHandler(mastodon([...old, ...fresh], { shuffle: true }));
    const { pages, ids, cursor } = await drain(local.source, ['#hoot'], first.cursor);
    expect(pages.map((p) => p.mentions.length)).toEqual([40, 5]);
    expect(new Set(ids)).toEqual(new Set(fresh.map((s) => s['id'])));
    expect(local.platform.requests.slice(1).map((r) => r.query.get('min_id'))).toEqual([
      old[0]['id'],
      fresh[39]['id'],
    ]);
    expect(cursor).toEqual({
      requests: { '#hoot': { state: { newest: fresh[44]['id'], maxId: null, pending: null }, more: false } },
    });
  });

  it('walks a search down from the newest, never skipping the rest of a second cut by a page', async () => {
    local.platform.setHandler(mastodon([status(T0)]));
    const first = await drain(local.source, ['lumio'], {});
    // 90 new statuses, seven per second: pages of 40 end in the middle of a second
    const fresh = Array.from({ length: 90 }, (_, i) => status(T0 + 1000 + Math.floor(i / 7) * 1000 + i, i));
    local.platform.setHandler(mastodon([status(T0), ...fresh], { shuffle: true }));
    const { ids, cursor, pages } = await drain(local.source, ['lumio'], first.cursor);
    expect(new Set(ids)).toEqual(new Set([status(T0)['id'], ...fresh.map((s) => s['id'])]));
    expect(pages.every((p, i) => p.hasMore === i < pages.length - 1)).toBe(true);
    const state = (cursor as { requests: Record<string, { state: { newest: string } }> }).requests['lumio']
      .state;
    expect(state.newest).toBe(fresh[89]['id']);
  });

  it('resumes a search walk from a stored mid-walk cursor (a crash after a commit)', async () => {
    const all = Array.from({ length: 100 }, (_, i) => status(T0 + i * 1000));
    local.platform.setHandler(mastodon(all));
    const start = {
      requests: { lumio: { state: { newest: all[10]['id'], maxId: null, pending: null }, more: false } },
    };
    const page1 = await local.source.fetchPage({ platform: 'mastodon', requests: ['lumio'] }, start, 40);
    const replay = await local.source.fetchPage({ platform: 'mastodon', requests: ['lumio'] }, start, 40);
    expect(replay).toEqual(page1);
    const rest = await drain(local.source, ['lumio'], page1.cursor);
    const seen = new Set(
      [...page1.mentions, ...rest.pages.flatMap((p) => p.mentions)].map((m) => m.externalId),
    );
    for (const s of all.slice(11)) expect(seen.has(s['id'] as string)).toBe(true);
  });

  it('maps 429 (reset an ISO date), 401 and malformed or truncated bodies', async () => {
    local.platform.reply(
      {
        status: 429,
        body: { error: 'Too many requests' },
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-08-01T14:00:00.990979Z' },
      },
      { status: 401, body: { error: 'The access token is invalid' } },
      { body: { statuses: [{ id: '1' }] } },
      { body: [status(T0)], truncate: true },
    );
    const query = { platform: 'mastodon' as const, requests: ['lumio'] };
    const failure = () => connectorFailure(local.source.fetchPage(query, {}, 40));
    expect(await failure()).toMatchObject({
      code: 'rate_limited',
      retryAt: new Date('2026-08-01T14:00:00.990Z'),
    });
    expect(await failure()).toMatchObject({
      code: 'auth_invalid',
      message: 'Mastodon refused the credentials (401): The access token is invalid',
    });
    expect(await failure()).toMatchObject({ code: 'temporary' });
    expect(await failure()).toMatchObject({ code: 'temporary' });
    expect(String(capturedHeaders['x-ratelimit-reset'])).toMatch(/^2026-08-01T14:00:00/);
  });

  it('starts from the tag’s first status when the first poll found none', async () => {
    local.platform.setHandler(mastodon([]));
    const first = await drain(local.source, ['#hoot'], {});
    const fresh = [status(T0), status(T0 + 10)];
    local.platform.setHandler(mastodon(fresh));
    const { ids } = await drain(local.source, ['#hoot'], first.cursor);
    expect(local.platform.requests[1].query.get('min_id')).toBe('0');
    expect(new Set(ids)).toEqual(new Set(fresh.map((s) => s['id'])));
  });

  it('walks history down to since, on searches and tag timelines', async () => {
    const all = Array.from({ length: 60 }, (_, i) => status(T0 + i * 60_000));
    local.platform.setHandler(mastodon(all));
    const since = new Date(T0 + 10 * 60_000);
    const query = { platform: 'mastodon' as const, requests: ['lumio', '#hoot'] };
    const { ids: seen, cursor } = await drainHistory(local.source, query, () => since, 20, 10);
    expect(cursor).toBeNull();
    expect(new Set(seen)).toEqual(new Set(all.slice(10).map((s) => s['id'])));
  });
});
