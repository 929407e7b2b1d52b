import type { RunningSimulator } from './index';
import {
  AUTH,
  call,
  publish,
  published,
  search,
  startTestSimulator,
  type XSearchBody,
  type XTweet,
} from './testing';

interface XInvalid {
  errors: Array<{ parameters: Record<string, string[]>; message: string }>;
  title: string;
  detail: string;
  type: string;
}
const INVALID = {
  title: 'Invalid Request',
  detail: 'One or more parameters to your request was invalid.',
  type: 'https://api.twitter.com/2/problems/invalid-request',
};
const BRAND = '(Lumio OR #Lumio OR @lumio) -is:retweet';

async function allPages(
  sim: RunningSimulator,
  params: Record<string, string>,
): Promise<{ pages: XSearchBody[]; ids: string[] }> {
  const pages: XSearchBody[] = [];
  let token: string | undefined;
  do {
    const r = await search<XSearchBody>(sim, token ? { ...params, next_token: token } : params);
    expect(r.status).toBe(200);
    pages.push(r.json);
    token = r.json.meta.next_token;
  } while (token && pages.length < 100);
  return { pages, ids: pages.flatMap((p) => (p.data ?? []).map((t) => t.id)) };
}

describe('GET /2/tweets/search/recent', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    // five hours of history on X, so that there are follow-ups in threads too
    sim = await startTestSimulator({ seed: 11, backfillPosts: 150, backfillHours: 5, platforms: ['x'] });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('requires a bearer token, answering 401 in X shape', async () => {
    const unauthorized = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };
    for (const headers of [
      {},
      { authorization: 'Bearer ' },
      { authorization: 'Basic dXNlcjpwYXNz' },
    ] as Record<string, string>[]) {
      const r = await search(sim, { query: 'lumio' }, headers);
      expect(r.status).toBe(401);
      expect(r.json).toEqual(unauthorized);
    }
  });

  it('returns newest first, snowflake ids growing with time, with rate-limit headers counting down', async () => {
    const a = await search<XSearchBody>(sim, {
      query: BRAND,
      max_results: '100',
      'tweet.fields': 'created_at',
    });
    const b = await search<XSearchBody>(sim, {
      query: BRAND,
      max_results: '100',
      'tweet.fields': 'created_at',
    });
    const data = a.json.data ?? [];
    expect(data.length).toBeGreaterThan(20);
    for (let i = 1; i < data.length; i++) {
      expect(BigInt(data[i - 1].id) > BigInt(data[i].id)).toBe(true);
      expect(String(data[i - 1]['created_at']) >= String(data[i]['created_at'])).toBe(true);
    }
    expect(a.headers.get('x-rate-limit-limit')).toBe('1800');
    expect(Number(b.headers.get('x-rate-limit-remaining'))).toBe(
      Number(a.headers.get('x-rate-limit-remaining')) - 1,
    );
    expect(Number(a.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('returns only id, text and edit_history_tweet_ids unless fields are asked for', async () => {
    const r = await search<XSearchBody>(sim, { query: BRAND });
    expect(r.json.data).toHaveLength(10);
    for (const t of r.json.data ?? [])
      expect(Object.keys(t).sort()).toEqual(['edit_history_tweet_ids', 'id', 'text']);
    expect(r.json.includes).toBeUndefined();
  });

  it('returns exactly the requested fields and expansions', async () => {
    const r = await search<XSearchBody>(sim, {
      query: `${BRAND} is:reply`,
      'tweet.fields':
        'author_id,created_at,lang,conversation_id,public_metrics,in_reply_to_user_id,referenced_tweets,possibly_sensitive,source',
      expansions: 'author_id,referenced_tweets.id',
      'user.fields': 'created_at,description,verified,profile_image_url,public_metrics',
      max_results: '100',
    });
    const data = r.json.data ?? [];
    expect(data.length).toBeGreaterThan(0);
    for (const t of data) {
      expect(t).toEqual({
        id: expect.any(String),
        text: expect.any(String),
        edit_history_tweet_ids: [t.id],
        author_id: expect.stringMatching(/^\d+$/),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
        lang: expect.stringMatching(/^(en|fr)$/),
        conversation_id: expect.stringMatching(/^\d+$/),
        in_reply_to_user_id: expect.stringMatching(/^\d+$/),
        referenced_tweets: [{ type: 'replied_to', id: expect.any(String) }],
        possibly_sensitive: expect.any(Boolean),
        source: expect.any(String),
        public_metrics: {
          retweet_count: expect.any(Number),
          reply_count: expect.any(Number),
          like_count: expect.any(Number),
          quote_count: expect.any(Number),
          bookmark_count: expect.any(Number),
          impression_count: expect.any(Number),
        },
      });
    }
    const users = r.json.includes?.users ?? [];
    const authors = new Set(data.map((t) => t['author_id']));
    expect(new Set(users.map((u) => u['id']))).toEqual(authors);
    for (const u of users) {
      expect(Object.keys(u).sort()).toEqual([
        'created_at',
        'description',
        'id',
        'name',
        'profile_image_url',
        'public_metrics',
        'username',
        'verified',
      ]);
    }
    const parents = new Set(data.map((t) => (t['referenced_tweets'] as Array<{ id: string }>)[0].id));
    expect(new Set((r.json.includes?.tweets ?? []).map((t) => t.id))).toEqual(parents);
  });

  it('gives entities with code-point offsets', async () => {
    const [p] = await publish(sim, {
      posts: [{ text: '😡 @lumio down again #LumioFibre https://example.com/x' }],
    });
    const r = await search<XSearchBody>(sim, {
      query: `conversation_id:${p.id}`,
      'tweet.fields': 'entities',
    });
    expect(r.json.data?.[0]['entities']).toEqual({
      hashtags: [{ start: 20, end: 31, tag: 'LumioFibre' }],
      mentions: [{ start: 2, end: 8, username: 'lumio' }],
      urls: [
        {
          start: 32,
          end: 53,
          url: 'https://example.com/x',
          expanded_url: 'https://example.com/x',
          display_url: 'example.com/x',
        },
      ],
    });
  });

  it('answers {"meta":{"result_count":0}} when nothing matches', async () => {
    const r = await search(sim, { query: 'zzzunmatchedzzz' });
    expect(r.status).toBe(200);
    expect(r.text).toBe('{"meta":{"result_count":0}}');
  });

  it('paginates with next_token: deterministic, complete, and stable while new posts arrive', async () => {
    const params = { query: BRAND, max_results: '10' };
    const first = await search<XSearchBody>(sim, params);
    const again = await search<XSearchBody>(sim, params);
    expect(again.json.meta.next_token).toBe(first.json.meta.next_token);
    const page2 = await search<XSearchBody>(sim, { ...params, next_token: first.json.meta.next_token ?? '' });

    await publish(sim, { count: 10, posts: [{ text: 'Lumio between two pages' }] });
    const page2Later = await search<XSearchBody>(sim, {
      ...params,
      next_token: first.json.meta.next_token ?? '',
    });
    expect(page2Later.text).toBe(page2.text);

    const { ids, pages } = await allPages(sim, params);
    const truth = await published(sim, BRAND, 'x');
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(truth.items.map((p) => p.id).sort());
    expect(pages[pages.length - 1].meta.next_token).toBeUndefined();
    expect(pages.slice(0, -1).every((p) => p.meta.result_count === 10)).toBe(true);
  });

  it('paginates within since_id, and refuses a token from another search', async () => {
    const all = (await allPages(sim, { query: BRAND, max_results: '10' })).ids;
    const sinceId = all[25];
    const { ids } = await allPages(sim, { query: BRAND, max_results: '10', since_id: sinceId });
    expect(ids).toEqual(all.slice(0, 25));
    const first = await search<XSearchBody>(sim, { query: BRAND, max_results: '10', since_id: sinceId });
    const token = first.json.meta.next_token ?? '';
    const other = await search<XInvalid>(sim, {
      query: 'lumio',
      max_results: '10',
      since_id: sinceId,
      next_token: token,
    });
    expect(other.status).toBe(400);
    expect(other.json.errors[0].parameters).toEqual({ next_token: [token] });
    const noSince = await search<XInvalid>(sim, { query: BRAND, max_results: '10', next_token: token });
    expect(noSince.status).toBe(400);
  });

  it('filters by until_id, start_time and end_time', async () => {
    const all = (
      await allPages(sim, { query: BRAND, max_results: '100', 'tweet.fields': 'created_at' })
    ).pages.flatMap((p) => p.data ?? []);
    const untilId = all[5].id;
    const below = await allPages(sim, { query: BRAND, max_results: '100', until_id: untilId });
    expect(below.ids).toEqual(all.slice(6).map((t) => t.id));

    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const [, inside] = await publish(sim, {
      posts: [
        { text: 'Lumio windowed three hours ago', created_at: ago(3 * 3600_000) },
        { text: 'Lumio windowed one hour ago', created_at: ago(3600_000) },
        { text: 'Lumio windowed just now' },
      ],
    });
    const window = await search<XSearchBody>(sim, {
      query: 'lumio windowed',
      start_time: ago(2 * 3600_000),
      end_time: ago(1800_000),
    });
    expect((window.json.data ?? []).map((t: XTweet) => t.id)).toEqual([inside.id]);
    const open = await search<XSearchBody>(sim, { query: 'lumio windowed', start_time: ago(2 * 3600_000) });
    expect(open.json.meta.result_count).toBe(2);
  });

  it('only reaches back 7 days (the ground truth still lists older posts)', async () => {
    const [ancient] = await publish(sim, {
      posts: [
        { text: 'Lumio eight days ago', created_at: new Date(Date.now() - 8 * 86_400_000).toISOString() },
      ],
    });
    const r = await search<XSearchBody>(sim, { query: '"eight days ago"' });
    expect(r.json).toEqual({ meta: { result_count: 0 } });
    expect((await published(sim, '"eight days ago"')).items.map((p) => p.id)).toEqual([ancient.id]);
    const tooOld = await search<XInvalid>(sim, {
      query: 'lumio',
      start_time: new Date(Date.now() - 8 * 86_400_000).toISOString(),
    });
    expect(tooOld.status).toBe(400);
    expect(tooOld.json.errors[0].message).toMatch(/'start_time' must be on or after/);
  });

  it.each([
    [{}, 'query', /can not be empty/],
    [{ query: '' }, 'query', /can not be empty/],
    [{ query: '(lumio' }, 'query', /Missing closing parenthesis/],
    [{ query: 'lumio near:paris' }, 'query', /invalid operator 'near'/],
    [{ query: 'lumio', max_results: '5' }, 'max_results', /\[5\] is not between 10 and 100/],
    [{ query: 'lumio', max_results: '101' }, 'max_results', /not between 10 and 100/],
    [{ query: 'lumio', max_results: 'ten' }, 'max_results', /not between 10 and 100/],
    [
      { query: 'lumio', 'tweet.fields': 'text,public_metircs' },
      'tweet.fields',
      /\[public_metircs\] is not one of \[/,
    ],
    [{ query: 'lumio', 'user.fields': 'shoe_size' }, 'user.fields', /is not one of/],
    [{ query: 'lumio', expansions: 'author' }, 'expansions', /is not one of/],
    [{ query: 'lumio', since_id: 'abc' }, 'since_id', /does not match/],
    [{ query: 'lumio', until_id: '-1' }, 'until_id', /does not match/],
    [{ query: 'lumio', start_time: 'yesterday' }, 'start_time', /RFC 3339/],
    [{ query: 'lumio', end_time: new Date().toISOString() }, 'end_time', /10 seconds prior/],
    [{ query: 'lumio', next_token: 'garbage!' }, 'next_token', /is not valid/],
    [{ query: 'lumio', sort_order: 'random' }, 'sort_order', /is not one of/],
    [{ query: 'lumio', colour: 'blue' }, 'colour', /The query parameter \[colour\] is not one of/],
  ])('refuses %j with 400 in X shape, naming %s', async (params, name, message) => {
    const r = await search<XInvalid>(sim, params as Record<string, string>);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject(INVALID);
    expect(r.json.errors.map((e) => Object.keys(e.parameters)[0])).toContain(name);
    expect(r.json.errors.find((e) => name in e.parameters)?.message).toMatch(message);
    expect(r.headers.get('x-rate-limit-remaining')).toMatch(/^\d+$/);
  });

  it('reports every invalid parameter at once', async () => {
    const r = await search<XInvalid>(sim, { query: 'lumio', max_results: '1', 'tweet.fields': 'nope' });
    expect(r.json.errors.map((e) => Object.keys(e.parameters)[0]).sort()).toEqual([
      'max_results',
      'tweet.fields',
    ]);
  });

  it('answers unknown /2 paths with a 404 in X shape', async () => {
    const r = await call<{ title: string }>(sim, 'GET', '/2/tweets/search/all?query=x', undefined, AUTH);
    expect(r.status).toBe(404);
    expect(r.json.title).toBe('Not Found Error');
  });
});

describe('POST /2/tweets', () => {
  let sim: RunningSimulator;
  let target: { id: string; author_id: string; conversation_id: string };

  beforeAll(async () => {
    sim = await startTestSimulator();
    [target] = await publish(sim, {
      posts: [{ text: '@lumio my bill doubled this month', username: 'angry_anna', lang: 'en' }],
    });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('creates the reply as the brand, in the conversation, and answers 201 with id, text and edit history', async () => {
    const r = await call<{ data: { id: string; text: string; edit_history_tweet_ids: string[] } }>(
      sim,
      'POST',
      '/2/tweets',
      { text: 'Sorry Anna, we have sent you a DM 💬', reply: { in_reply_to_tweet_id: target.id } },
      AUTH,
    );
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('x-rate-limit-limit')).toBe('200');
    expect(r.json).toEqual({
      data: {
        id: r.json.data.id,
        text: 'Sorry Anna, we have sent you a DM 💬',
        edit_history_tweet_ids: [r.json.data.id],
      },
    });
    const found = await search<XSearchBody>(sim, {
      query: `conversation_id:${target.conversation_id} is:reply`,
      'tweet.fields': 'author_id,in_reply_to_user_id,referenced_tweets,conversation_id,lang',
    });
    expect(found.json.data).toEqual([
      {
        id: r.json.data.id,
        text: 'Sorry Anna, we have sent you a DM 💬',
        edit_history_tweet_ids: [r.json.data.id],
        author_id: '1500000000000000001',
        in_reply_to_user_id: target.author_id,
        referenced_tweets: [{ type: 'replied_to', id: target.id }],
        conversation_id: target.conversation_id,
        lang: 'en',
      },
    ]);
    const replies = await call<{ items: unknown[]; count: number }>(sim, 'GET', '/__sim/replies');
    expect(replies.json.count).toBe(1);
  });

  it('records every reply it accepts, in order, even the same text twice', async () => {
    for (const text of ['first', 'second', 'second']) {
      const r = await call(
        sim,
        'POST',
        '/2/tweets',
        { text, reply: { in_reply_to_tweet_id: target.id } },
        AUTH,
      );
      expect(r.status).toBe(201);
    }
    const replies = await call<{ items: Array<{ text: string; in_reply_to_tweet_id: string | null }> }>(
      sim,
      'GET',
      '/__sim/replies',
    );
    expect(replies.json.items.slice(-3).map((r) => r.text)).toEqual(['first', 'second', 'second']);
  });

  it('accepts a post that is not a reply', async () => {
    const r = await call<{ data: { id: string } }>(
      sim,
      'POST',
      '/2/tweets',
      { text: 'Fibre is live in Lyon! #LumioFibre' },
      AUTH,
    );
    expect(r.status).toBe(201);
    const replies = await call<{ items: Array<{ id: string; in_reply_to_tweet_id: string | null }> }>(
      sim,
      'GET',
      '/__sim/replies',
    );
    expect(replies.json.items[replies.json.items.length - 1]).toMatchObject({
      id: r.json.data.id,
      in_reply_to_tweet_id: null,
    });
  });

  it.each([
    ['no text', { reply: { in_reply_to_tweet_id: '1' } }, 'text'],
    ['empty text', { text: '' }, 'text'],
    ['blank text', { text: '   ' }, 'text'],
    ['281 characters', { text: 'x'.repeat(281) }, 'text'],
    ['a number', { text: 42 }, 'text'],
    ['a bad reply id', { text: 'hi', reply: { in_reply_to_tweet_id: 'abc' } }, 'reply.in_reply_to_tweet_id'],
    ['an unknown field', { text: 'hi', colour: 'blue' }, 'colour'],
    ['malformed JSON', '{"text": "unterminated', 'body'],
    ['an array', '[1,2]', 'body'],
  ])('refuses %s with 400 in X shape', async (_label, body, name) => {
    const r = await call<XInvalid>(sim, 'POST', '/2/tweets', body, AUTH);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject(INVALID);
    expect(Object.keys(r.json.errors[0].parameters)).toEqual([name]);
  });

  it('accepts exactly 280 characters (emoji count as one)', async () => {
    const text = `${'😀'.repeat(10)}${'y'.repeat(270)}`;
    expect((await call(sim, 'POST', '/2/tweets', { text }, AUTH)).status).toBe(201);
  });

  it('answers 403 to a reply to an unknown post, and 401 without a token; neither is recorded', async () => {
    const before = (await call<{ count: number }>(sim, 'GET', '/__sim/replies')).json.count;
    const r = await call<{ title: string; detail: string; status: number }>(
      sim,
      'POST',
      '/2/tweets',
      { text: 'hi', reply: { in_reply_to_tweet_id: '12345' } },
      AUTH,
    );
    expect(r.status).toBe(403);
    expect(r.json).toEqual({
      title: 'Forbidden',
      detail: 'You attempted to reply to a Tweet that is deleted or not visible to you.',
      type: 'about:blank',
      status: 403,
    });
    expect((await call(sim, 'POST', '/2/tweets', { text: 'hi' })).status).toBe(401);
    expect((await call<{ count: number }>(sim, 'GET', '/__sim/replies')).json.count).toBe(before);
  });

  it('accepts OAuth 1.0a user-context headers too', async () => {
    const oauth = {
      authorization: 'OAuth oauth_consumer_key="ck", oauth_token="tok", oauth_signature="sig"',
    };
    expect(
      (
        await call(
          sim,
          'POST',
          '/2/tweets',
          { text: 'via oauth1', reply: { in_reply_to_tweet_id: target.id } },
          oauth,
        )
      ).status,
    ).toBe(201);
  });
});
