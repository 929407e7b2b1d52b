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
import { RedditMentionSource } from './reddit-mention-source';

const captured = readFixtureJson<Capture>('reddit', 'search_listing_from_praw_cassette.json').body as {
  data: { children: Array<{ data: Record<string, unknown> }> };
};
const template = captured.data.children[0].data;
const rateHeaders = readFixtureJson<Capture>('reddit', 'ratelimit_headers_from_praw_cassette.json')
  .headers as Record<string, string>;
const T0 = 1_780_000_000;

/** A link shaped like the captured ones; ids grow with time, as Reddit's base-36 ids do. */
function link(second: number, n: number): Record<string, unknown> {
  const id = (1_000_000 + n).toString(36);
  return { ...template, id, name: `t3_${id}`, created_utc: second, title: `lumio ${n}`, selftext: '' };
}

/** Reddit's sort=new listing: `after=t3_x` answers what follows x; data.after anchors the next page. */
function reddit(all: Array<Record<string, unknown>>, options: { shuffle?: boolean } = {}) {
  const ordered = [...all].sort(
    (a, b) =>
      (b['created_utc'] as number) - (a['created_utc'] as number) ||
      (b['name'] as string).localeCompare(a['name'] as string),
  );
  return (request: RecordedRequest): FakeReply => {
    const limit = Number(request.query.get('limit'));
    const after = request.query.get('after');
    const start = after ? ordered.findIndex((l) => l['name'] === after) + 1 : 0;
    const page = ordered.slice(start, start + limit);
    const more = start + limit < ordered.length;
    const children = page.map((data) => ({ kind: 't3', data }));
    if (options.shuffle) children.reverse();
    return {
      body: {
        kind: 'Listing',
        data: { after: more ? page[page.length - 1]['name'] : null, before: null, children },
      },
      headers: rateHeaders,
    };
  };
}

describe('RedditMentionSource against a local Reddit', () => {
  const NOW = T0 * 1000;
  const local = fakePlatformPerTest(
    (url) =>
      new RedditMentionSource(
        {
          baseUrl: `${url}/reddit`,
          accessToken: 'tok',
          timeoutMs: 10_000,
          userAgent: 'ecoute/1.0 (by /u/ecoute)',
        },
        () => NOW,
      ),
  );
  const query = { platform: 'reddit' as const, requests: ['lumio'] };
  const drain = (cursor: SourceCursor, pageSize = 100) => drainPages(local.source, query, cursor, pageSize);

  it('compiles one request and calls /search with the token, the User-Agent and sort=new', async () => {
    expect(
      local.source.compile(ListeningQuerySpec.parse({ include: ['lumio'], exclude: ['job'] })).requests,
    ).toEqual(['lumio NOT job']);
    local.platform.setHandler(reddit([link(T0, 1)]));
    const page = await local.source.fetchPage(query, {}, 100);
    const [request] = local.platform.requests;
    expect(request.path).toBe('/reddit/search');
    expect(Object.fromEntries(request.query)).toEqual({
      q: 'lumio',
      sort: 'new',
      limit: '100',
      type: 'link',
      raw_json: '1',
    });
    expect(request.headers['authorization']).toBe('bearer tok');
    expect(request.headers['user-agent']).toBe('ecoute/1.0 (by /u/ecoute)');
    expect(page.rateLimit).toEqual({ limit: 1000, remaining: 996, resetAt: new Date(NOW + 498_000) });
  });

  it('takes one page at first, then walks back with after to the high-water mark, through unsorted pages', async () => {
    const old = Array.from({ length: 5 }, (_, i) => link(T0 + i, i));
    local.platform.setHandler(reddit(old));
    const first = await drain({}, 3);
    expect(first.pages).toHaveLength(1);
    expect(first.ids).toHaveLength(3);
    const fresh = Array.from({ length: 25 }, (_, i) => link(T0 + 10 + Math.floor(i / 4), 10 + i));
    local.platform.setHandler(reddit([...old, ...fresh], { shuffle: true }));
    const { ids, cursor, pages } = await drain(first.cursor, 10);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    for (const l of fresh) expect(ids).toContain(l['name']);
    expect(cursor).toEqual({
      requests: {
        lumio: {
          state: { newest: { createdUtc: T0 + 16, name: fresh[24]['name'] }, after: null, pending: null },
          more: false,
        },
      },
    });
  });

  it('resumes from a mid-walk cursor after a crash, and replays a page harmlessly', async () => {
    const all = Array.from({ length: 30 }, (_, i) => link(T0 + i, i));
    local.platform.setHandler(reddit(all));
    const start = {
      requests: {
        lumio: {
          state: { newest: { createdUtc: T0, name: all[0]['name'] }, after: null, pending: null },
          more: false,
        },
      },
    };
    const page1 = await local.source.fetchPage(query, start, 10);
    expect(page1.hasMore).toBe(true);
    expect(await local.source.fetchPage(query, start, 10)).toEqual(page1);
    const rest = await drain(page1.cursor, 10);
    const seen = new Set([...page1.mentions.map((m) => m.externalId), ...rest.ids]);
    for (const l of all.slice(1)) expect(seen.has(l['name'] as string)).toBe(true);
  });

  it('ends the walk where the listing ends, even short of the mark', async () => {
    local.platform.setHandler(reddit([link(T0 + 50, 50)]));
    const start = {
      requests: {
        lumio: {
          state: { newest: { createdUtc: T0, name: 't3_0' }, after: null, pending: null },
          more: false,
        },
      },
    };
    const { pages } = await drain(start);
    expect(pages).toHaveLength(1);
    expect(pages[0].hasMore).toBe(false);
  });

  it('maps 429 (reset in seconds from now), 401 and malformed bodies', async () => {
    local.platform.reply(
      {
        status: 429,
        body: { message: 'Too Many Requests', error: 429 },
        headers: { 'x-ratelimit-remaining': '0.0', 'x-ratelimit-used': '1000', 'x-ratelimit-reset': '42' },
      },
      { status: 401, body: { message: 'Unauthorized', error: 401 } },
      { body: { kind: 'Listing', data: { children: [{ kind: 't3', data: { title: 'no name' } }] } } },
      { body: '<!doctype html><title>reddit</title>' },
    );
    const failure = () => connectorFailure(local.source.fetchPage(query, {}, 100));
    expect(await failure()).toMatchObject({
      code: 'rate_limited',
      retryAt: new Date(NOW + 42_000),
      message: 'Reddit rate limit reached: Too Many Requests',
    });
    expect(await failure()).toMatchObject({ code: 'auth_invalid' });
    expect(await failure()).toMatchObject({ code: 'temporary' });
    expect(await failure()).toMatchObject({ code: 'temporary' });
  });

  it('pages history back until a post older than since', async () => {
    const all = Array.from({ length: 30 }, (_, i) => link(T0 + i * 60, i));
    local.platform.setHandler(reddit(all));
    const since = new Date((T0 + 10 * 60) * 1000);
    const { ids: seen, cursor } = await drainHistory(local.source, query, () => since, 8, 10);
    expect(cursor).toBeNull();
    expect(new Set(seen)).toEqual(new Set(all.slice(10).map((l) => l['name'])));
  });
});
