import { ListeningQuerySpec } from '@ecoute/contracts';
import type { FakeReply, RecordedRequest } from '../../testing/fake-platform';
import { readFixtureJson } from '../../testing/fixtures';
import {
  connectorFailure,
  drainHistory,
  drainPages,
  fakePlatformPerTest,
} from '../../testing/mention-source-harness';
import type { SourceCursor } from '../../types';
import { HackerNewsMentionSource } from './hn-mention-source';

const captured = readFixtureJson<{ hits: Array<Record<string, unknown>> }>(
  'hackernews',
  'hn_algolia_search_hello_hitsPerPage1.json',
);
const T0 = 1_780_000_000;

/** A story shaped like the captured hit; HN ids grow with time. */
function hit(second: number, n: number): Record<string, unknown> {
  const id = String(40_000_000 + n);
  return {
    ...captured.hits[0],
    objectID: id,
    story_id: Number(id),
    created_at_i: second,
    created_at: new Date(second * 1000).toISOString(),
    title: `lumio ${n}`,
  };
}

/** Algolia's search_by_date: newest first, numericFilters on created_at_i (comma = AND), page and nbPages. */
function algolia(all: Array<Record<string, unknown>>, options: { shuffle?: boolean } = {}) {
  return (request: RecordedRequest): FakeReply => {
    const filters = (request.query.get('numericFilters') ?? '').split(',').filter(Boolean);
    let found = [...all].sort(
      (a, b) =>
        (b['created_at_i'] as number) - (a['created_at_i'] as number) ||
        Number(b['objectID']) - Number(a['objectID']),
    );
    for (const f of filters) {
      const [, op, value] = /^created_at_i(>=|<=)(\d+)$/.exec(f) ?? [];
      found = found.filter((h) =>
        op === '>='
          ? (h['created_at_i'] as number) >= Number(value)
          : (h['created_at_i'] as number) <= Number(value),
      );
    }
    const perPage = Number(request.query.get('hitsPerPage'));
    const pageNo = Number(request.query.get('page'));
    const hits = found.slice(pageNo * perPage, (pageNo + 1) * perPage);
    if (options.shuffle) hits.reverse();
    return {
      body: {
        hits,
        nbHits: found.length,
        nbPages: Math.ceil(found.length / perPage),
        page: pageNo,
        hitsPerPage: perPage,
      },
    };
  };
}

describe('HackerNewsMentionSource against a local Algolia', () => {
  const local = fakePlatformPerTest(
    (url) =>
      new HackerNewsMentionSource(
        { baseUrl: `${url}/hackernews`, accessToken: null, timeoutMs: 10_000 },
        () => T0 * 1000,
      ),
  );
  const query = { platform: 'hackernews' as const, requests: ['lumio'] };
  const drain = (cursor: SourceCursor, pageSize = 100) => drainPages(local.source, query, cursor, pageSize);

  it('compiles per term and calls search_by_date for stories and comments, without credentials', async () => {
    expect(local.source.compile(ListeningQuerySpec.parse({ include: ['lumio fibre'] })).requests).toEqual([
      '"lumio fibre"',
    ]);
    local.platform.setHandler(algolia([hit(T0, 1)]));
    await local.source.fetchPage(query, {}, 100);
    const [request] = local.platform.requests;
    expect(request.path).toBe('/hackernews/api/v1/search_by_date');
    expect(Object.fromEntries(request.query)).toEqual({
      query: 'lumio',
      tags: '(story,comment)',
      hitsPerPage: '100',
      page: '0',
    });
    expect(request.headers['authorization']).toBeUndefined();
  });

  it('pages through created_at_i >= the high-water second, then moves it up', async () => {
    const old = [hit(T0, 1), hit(T0 + 1, 2)];
    local.platform.setHandler(algolia(old));
    const first = await drain({});
    const fresh = Array.from({ length: 23 }, (_, i) => hit(T0 + 1 + Math.floor(i / 3), 10 + i));
    local.platform.setHandler(algolia([...old, ...fresh], { shuffle: true }));
    const { ids, cursor, pages } = await drain(first.cursor, 10);
    expect(
      local.platform.requests.slice(1).map((r) => [r.query.get('numericFilters'), r.query.get('page')]),
    ).toEqual([
      [`created_at_i>=${T0 + 1}`, '0'],
      [`created_at_i>=${T0 + 1}`, '1'],
      [`created_at_i>=${T0 + 1}`, '2'],
    ]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    for (const h of fresh) expect(ids).toContain(h['objectID']);
    expect(cursor).toEqual({
      requests: { lumio: { state: { since: T0 + 8, page: null, pending: null }, more: false } },
    });
  });

  it('maps 429 and 400 (Algolia’s JSON errors) and malformed bodies', async () => {
    local.platform.reply(
      { status: 429, body: { message: 'Too many requests', status: 429 } },
      { status: 400, body: { message: 'invalid numericFilters', status: 400 } },
      { body: { hits: 'nope' } },
    );
    const failure = () => connectorFailure(local.source.fetchPage(query, {}, 100));
    expect(await failure()).toMatchObject({ code: 'rate_limited', retryAt: new Date(T0 * 1000 + 60_000) });
    expect(await failure()).toMatchObject({
      code: 'bad_query',
      message: 'Hacker News rejected the request (400): invalid numericFilters',
    });
    expect(await failure()).toMatchObject({ code: 'temporary' });
  });

  it('walks history down by time, past Algolia’s 1,000-hit page limit', async () => {
    const all = Array.from({ length: 40 }, (_, i) => hit(T0 + Math.floor(i / 2) * 60, i));
    local.platform.setHandler(algolia(all));
    const since = new Date((T0 + 5 * 60) * 1000);
    const { ids: seen, cursor } = await drainHistory(local.source, query, () => since, 7, 20);
    expect(cursor).toBeNull();
    expect(new Set(seen)).toEqual(new Set(all.slice(10).map((h) => h['objectID'])));
    expect(local.platform.requests.every((r) => r.query.get('page') === '0')).toBe(true);
  });
});
