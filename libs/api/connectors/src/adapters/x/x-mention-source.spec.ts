import { TwitterApi, type TweetV2 } from 'twitter-api-v2';
import { ListeningQuerySpec } from '@ecoute/contracts';
import type { FakeReply } from '../../testing/fake-platform';
import { readFixtureJson, readFixtureText } from '../../testing/fixtures';
import { connectorFailure, fakePlatformPerTest } from '../../testing/mention-source-harness';
import { baseUrlPlugin } from './x-client';
import type { XSearchBody } from './x-mapper';
import { XMentionSource } from './x-mention-source';

const capture = readFixtureJson<XSearchBody>(
  'x',
  'Recent_search__200_Success_Request_Tweet_Fields_with_Expanded_User_Fields.body',
);
const [t1, t2, t3, t4] = capture.data ?? [];
// the capture's clock: its newest post was published on 2020-06-25
const NOW = Date.parse('2020-06-30T17:36:03Z');
const HEADERS = {
  'x-rate-limit-limit': '450',
  'x-rate-limit-remaining': '449',
  'x-rate-limit-reset': String(NOW / 1000 + 900),
};

function page(posts: TweetV2[], meta: Record<string, string | number> = {}): FakeReply {
  return {
    body: { data: posts, includes: capture.includes, meta: { result_count: posts.length, ...meta } },
    headers: HEADERS,
  };
}

describe('XMentionSource against a local X', () => {
  const local = fakePlatformPerTest((url) => {
    const client = new TwitterApi('test-bearer', { plugins: [baseUrlPlugin(url, 2000)] });
    return new XMentionSource(client, () => NOW);
  });
  const query = { platform: 'x' as const, requests: ['lumio -is:retweet'] };

  const params = (i: number) => Object.fromEntries(local.platform.requests[i].query.entries());

  it('compiles to one request and reaches back 7 days', () => {
    expect(local.source.compile(ListeningQuerySpec.parse({ include: ['lumio'] }))).toEqual({
      platform: 'x',
      requests: ['lumio -is:retweet'],
    });
    expect(local.source.historyDays).toBe(7);
  });

  it('takes the newest page only on the first poll, and reports the rate limit', async () => {
    local.platform.reply(page([t3, t1, t2], { next_token: 'older' }));
    const result = await local.source.fetchPage(query, {}, 50);
    expect(params(0)).toMatchObject({ query: 'lumio -is:retweet', max_results: '50' });
    expect(params(0)['since_id']).toBeUndefined();
    expect(local.platform.requests[0].path).toBe('/2/tweets/search/recent');
    expect(result.hasMore).toBe(false);
    expect(result.cursor).toEqual({ sinceId: t1.id, nextToken: null, pendingNewestId: null });
    expect(result.rateLimit).toEqual({ limit: 450, remaining: 449, resetAt: new Date(NOW + 900_000) });
  });

  it('starts from a minute before the first poll when it finds nothing', async () => {
    local.platform.reply(page([], {}));
    const result = await local.source.fetchPage(query, {}, 10);
    const sinceId = (result.cursor as { sinceId: string }).sinceId;
    expect(Number((BigInt(sinceId) >> 22n) + 1288834974657n)).toBe(NOW - 60_000);
  });

  it('walks down to since_id through out-of-order pages, then moves since_id to the newest post seen', async () => {
    // page 1 has no meta.newest_id and is not sorted; page 2 (out of order) holds a newer post than page 1
    local.platform.reply(page([t3, t2], { next_token: 'p2' }), page([t1], {}));
    const first = await local.source.fetchPage(query, { sinceId: t4.id }, 10);
    expect(params(0)).toMatchObject({ since_id: t4.id });
    expect(first).toMatchObject({
      hasMore: true,
      cursor: { sinceId: t4.id, nextToken: 'p2', pendingNewestId: t2.id },
    });
    const second = await local.source.fetchPage(query, first.cursor, 10);
    expect(params(1)).toMatchObject({ since_id: t4.id, next_token: 'p2' });
    expect(second).toMatchObject({
      hasMore: false,
      cursor: { sinceId: t1.id, nextToken: null, pendingNewestId: null },
    });
  });

  it('survives a duplicated page: one copy of each post, the walk goes on', async () => {
    const dup = page([t1, t2, t1, t2], { next_token: 'p2', newest_id: t1.id });
    local.platform.reply(dup, dup, page([], {}));
    const first = await local.source.fetchPage(query, { sinceId: t4.id }, 10);
    expect(first.mentions.map((m) => m.externalId)).toEqual([t1.id, t2.id]);
    const replayed = await local.source.fetchPage(query, first.cursor, 10);
    expect(replayed.cursor).toMatchObject({ nextToken: 'p2', pendingNewestId: t1.id });
    const last = await local.source.fetchPage(query, replayed.cursor, 10);
    expect(last.cursor).toEqual({ sinceId: t1.id, nextToken: null, pendingNewestId: null });
  });

  it('restarts the walk from since_id when the page token has expired', async () => {
    local.platform.reply(
      {
        status: 400,
        body: {
          errors: [{ parameters: { next_token: ['stale'] }, message: 'Invalid next_token' }],
          title: 'Invalid Request',
        },
      },
      page([t1], { newest_id: t1.id }),
    );
    const result = await local.source.fetchPage(
      query,
      { sinceId: t4.id, nextToken: 'stale', pendingNewestId: t2.id },
      10,
    );
    expect(params(1)['next_token']).toBeUndefined();
    expect(params(1)['since_id']).toBe(t4.id);
    expect(result.cursor).toEqual({ sinceId: t1.id, nextToken: null, pendingNewestId: null });
  });

  it('walks the whole 7-day window when since_id is older than recent search reaches', async () => {
    local.platform.reply(page([], {}));
    await local.source.fetchPage(query, { sinceId: '1200000000000000000' }, 10);
    expect(params(0)['since_id']).toBeUndefined();
    expect(params(0)['start_time']).toBe('2020-06-23T17:41:03Z');
  });

  it('maps the captured text/plain 429 and a JSON 429 with Retry-After to rate_limited', async () => {
    // the captured body and headers; the captured reset (2020-06-26) is before this clock: a second from now
    const limited = readFixtureJson<{ headers: Record<string, string> }>(
      'x',
      'Single_Tweet__429_Rate_Limit_Exceeded.meta.json',
    );
    const body = readFixtureText('x', 'Single_Tweet__429_Rate_Limit_Exceeded.body');
    const { 'content-encoding': _gzip, 'content-length': _length, ...headers } = limited.headers;
    local.platform.reply({ status: 429, body, headers });
    const plain = await connectorFailure(local.source.fetchPage(query, {}, 10));
    expect(plain).toMatchObject({ code: 'rate_limited', status: 429, retryAt: new Date(NOW + 1000) });
    expect(plain.message).toBe('X rate limit reached: Rate limit exceeded');

    local.platform.reply({
      status: 429,
      body,
      headers: { ...headers, 'x-rate-limit-reset': String(NOW / 1000 + 600) },
    });
    expect((await connectorFailure(local.source.fetchPage(query, {}, 10))).retryAt).toEqual(
      new Date(NOW + 600_000),
    );

    local.platform.reply({
      status: 429,
      body: { title: 'Too Many Requests', type: 'about:blank', status: 429, detail: 'Too Many Requests' },
      headers: { 'retry-after': '30' },
    });
    const json = await connectorFailure(local.source.fetchPage(query, {}, 10));
    expect(json).toMatchObject({ code: 'rate_limited', retryAt: new Date(NOW + 30_000) });
    expect(json.message).toBe('X rate limit reached: Too Many Requests');
  });

  it('maps 401 to auth_invalid, and malformed or truncated bodies to temporary', async () => {
    local.platform.reply(
      {
        status: 401,
        body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
      },
      { body: '{"data":[{"id":"1"', headers: { 'content-type': 'application/json' } },
      { body: '<html>oops</html>', headers: { 'content-type': 'text/html' } },
      { ...page([t1, t2], {}), truncate: true },
      { body: { data: [{ id: 'not-a-number', text: 'x' }], meta: {} } },
    );
    expect((await connectorFailure(local.source.fetchPage(query, {}, 10))).code).toBe('auth_invalid');
    for (let i = 0; i < 4; i++)
      expect((await connectorFailure(local.source.fetchPage(query, {}, 10))).code).toBe('temporary');
  });

  it('pages history back to start_time with next_token, then ends with a null cursor', async () => {
    const since = new Date('2020-06-24T06:00:00Z');
    local.platform.reply(page([t1, t2], { next_token: 'h2' }), page([t3, t4], {}));
    const first = await local.source.fetchHistory(query, since, null, 100);
    expect(params(0)).toMatchObject({ start_time: '2020-06-24T06:00:00Z', max_results: '100' });
    expect(params(0)['since_id']).toBeUndefined();
    // X wants the same parameters with the token: the walk keeps the start_time it began with
    expect(first.cursor).toEqual({ nextToken: 'h2', startTime: '2020-06-24T06:00:00Z' });
    const second = await local.source.fetchHistory(query, new Date('2020-06-24T07:00:00Z'), first.cursor, 100);
    expect(params(1)['next_token']).toBe('h2');
    expect(params(1)['start_time']).toBe('2020-06-24T06:00:00Z');
    expect(second.cursor).toBeNull();
    // t4 was published before `since`
    expect(second.mentions.map((m) => m.externalId)).toEqual([t3.id]);
    // a token whose start_time has left the 7-day window is dropped: the walk starts again from the edge
    const stale = await local.source.fetchHistory(query, since, { nextToken: 'old', startTime: '2019-01-01T00:00:00Z' }, 100).catch(() => null);
    expect(params(2)['next_token']).toBeUndefined();
    void stale;
  });
});
