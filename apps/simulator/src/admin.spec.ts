import type { RunningSimulator } from './index';
import {
  AUTH,
  call,
  publish,
  published,
  search,
  setFaults,
  startTestSimulator,
  type ItemList,
  type PublishedItem,
} from './testing';

describe('admin endpoints', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(async () => {
    expect((await call(sim, 'POST', '/__sim/reset')).status).toBe(200);
  });

  it('GET /__sim/health', async () => {
    const r = await call(sim, 'GET', '/__sim/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok' });
  });

  it('publishes generated posts on demand, with their ground truth', async () => {
    const items = await publish(sim, { count: 25 });
    expect(items).toHaveLength(25);
    for (const p of items) {
      expect(p).toMatchObject({
        id: expect.stringMatching(/^\d+$/),
        text: expect.any(String),
        author_id: expect.stringMatching(/^\d+$/),
        username: expect.stringMatching(/^\w{1,15}$/),
        created_at: expect.stringMatching(/Z$/),
        lang: expect.stringMatching(/^(en|fr)$/),
        intent: expect.stringMatching(/^(complaint|question|praise|neutral|spam|abuse)$/),
        served_count: 0,
      });
    }
    expect((await published(sim)).count).toBe(25);
  });

  it('publishes the same posts for the same seed (after a reset too), other posts for another seed', async () => {
    const texts = (items: PublishedItem[]) => items.map((p) => `${p.username}: ${p.text}`);
    const a = texts(await publish(sim, { count: 30 }));
    await call(sim, 'POST', '/__sim/reset');
    const b = texts(await publish(sim, { count: 30 }));
    expect(b).toEqual(a);
    const same = await startTestSimulator({ seed: 7 });
    const other = await startTestSimulator({ seed: 8 });
    try {
      expect(texts(await publish(same, { count: 30 }))).toEqual(a);
      expect(texts(await publish(other, { count: 30 }))).not.toEqual(a);
    } finally {
      await Promise.all([same.close(), other.close()]);
    }
  });

  it('publishes hand-written posts: known or new usernames, replies, backdating', async () => {
    const [root] = await publish(sim, {
      posts: [{ text: 'Lumio down in Lyon?', username: 'julie_dupont', lang: 'fr', intent: 'complaint' }],
    });
    expect(root).toMatchObject({
      text: 'Lumio down in Lyon?',
      username: 'julie_dupont',
      lang: 'fr',
      intent: 'complaint',
      conversation_id: root.id,
      in_reply_to_tweet_id: null,
    });
    const [again] = await publish(sim, {
      posts: [{ text: 'still down @lumio', username: '@Julie_Dupont', in_reply_to_tweet_id: root.id }],
    });
    expect(again).toMatchObject({
      author_id: root.author_id,
      conversation_id: root.id,
      in_reply_to_tweet_id: root.id,
      intent: 'neutral',
      lang: 'en',
    });
    const at = new Date(Date.now() - 2 * 3600_000);
    at.setMilliseconds(0);
    const [old] = await publish(sim, {
      posts: [{ text: 'an older post about Lumio', created_at: at.toISOString() }],
    });
    expect(old.created_at).toBe(at.toISOString());
    expect(BigInt(old.id) < BigInt(root.id)).toBe(true);
    // the new author is a full X user
    const r = await search<{ includes: { users: Array<Record<string, unknown>> } }>(sim, {
      query: 'from:julie_dupont',
      expansions: 'author_id',
      'user.fields': 'public_metrics,created_at',
    });
    expect(r.json.includes.users).toEqual([
      expect.objectContaining({
        id: root.author_id,
        username: 'julie_dupont',
        name: 'Julie Dupont',
        public_metrics: expect.any(Object),
      }),
    ]);
  });

  it('lists the ground truth for a query, and counts how often search served each post', async () => {
    await publish(sim, {
      posts: [
        { text: '@lumio no internet', username: 'a_one' },
        { text: 'Nordlink is fine', username: 'a_two' },
        { text: '#LumioFibre installed!', username: 'a_three' },
      ],
    });
    const lumio = await published(sim, 'lumio OR #LumioFibre');
    expect(lumio.items.map((p) => p.text)).toEqual(['@lumio no internet', '#LumioFibre installed!']);
    expect(lumio.count).toBe(2);
    await search(sim, { query: 'lumio' });
    await search(sim, { query: 'lumio' });
    await search(sim, { query: '#LumioFibre' });
    const after = await published(sim, 'lumio OR #LumioFibre');
    expect(after.items.map((p) => p.served_count)).toEqual([2, 1]);
    expect((await published(sim)).count).toBe(3);
    const bad = await call<{ message: string }>(
      sim,
      'GET',
      `/__sim/published?query=${encodeURIComponent('(lumio')}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/parenthesis/);
  });

  it('lists the replies received, in order', async () => {
    const [a, b] = await publish(sim, { posts: [{ text: '@lumio help' }, { text: '@lumio help me too' }] });
    for (const [text, id] of [
      ['one', b.id],
      ['two', a.id],
    ]) {
      expect(
        (await call(sim, 'POST', '/2/tweets', { text, reply: { in_reply_to_tweet_id: id } }, AUTH)).status,
      ).toBe(201);
    }
    const r = await call<
      ItemList<{ id: string; text: string; in_reply_to_tweet_id: string; created_at: string }>
    >(sim, 'GET', '/__sim/replies');
    expect(r.json.count).toBe(2);
    expect(r.json.items.map((x) => [x.text, x.in_reply_to_tweet_id])).toEqual([
      ['one', b.id],
      ['two', a.id],
    ]);
    expect(Object.keys(r.json.items[0]).sort()).toEqual(['created_at', 'id', 'in_reply_to_tweet_id', 'text']);
  });

  it('reset clears posts, replies and faults', async () => {
    const [p] = await publish(sim, { count: 5 });
    await call(sim, 'POST', '/2/tweets', { text: 'hi', reply: { in_reply_to_tweet_id: p.id } }, AUTH);
    await setFaults(sim, { queue: ['500'] });
    expect((await call(sim, 'POST', '/__sim/reset')).json).toEqual({ status: 'ok' });
    expect((await published(sim)).count).toBe(0);
    expect((await call<{ count: number }>(sim, 'GET', '/__sim/replies')).json.count).toBe(0);
    expect((await call<{ queue: string[] }>(sim, 'GET', '/__sim/faults')).json.queue).toEqual([]);
    expect((await search(sim, { query: 'lumio' })).status).toBe(200);
  });

  it.each([
    ['an empty body', undefined, /count.*posts/],
    ['a negative count', { count: -1 }, /count/],
    ['a fractional count', { count: 1.5 }, /count/],
    ['too many', { count: 1_000_000 }, /count/],
    ['an empty text', { posts: [{ text: '' }] }, /posts\.0\.text/],
    ['a text over 280 characters', { posts: [{ text: 'z'.repeat(281) }] }, /posts\.0\.text/],
    ['a bad username', { posts: [{ text: 'hi', username: 'no spaces allowed' }] }, /username/],
    ['a bad date', { posts: [{ text: 'hi', created_at: 'yesterday' }] }, /created_at/],
    [
      'a future date',
      { posts: [{ text: 'hi', created_at: new Date(Date.now() + 86_400_000).toISOString() }] },
      /future/,
    ],
    ['an unknown parent', { posts: [{ text: 'hi', in_reply_to_tweet_id: '42' }] }, /no post 42/],
    ['an unknown intent', { posts: [{ text: 'hi', intent: 'gossip' }] }, /intent/],
    ['an unknown field', { colour: 'blue' }, /colour|Unrecognized/],
    ['malformed JSON', '{"count": ', /malformed JSON/],
  ])('refuses to publish %s with 400 and a message', async (_label, body, message) => {
    const r = await call<{ message: string }>(sim, 'POST', '/__sim/publish', body);
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(message);
    expect((await published(sim)).count).toBe(0);
  });

  it('answers unknown admin routes with 404', async () => {
    expect((await call(sim, 'GET', '/__sim/nope')).status).toBe(404);
  });
});

describe('startSimulator options', () => {
  it('backfills history over the previous hours, oldest first', async () => {
    const sim = await startTestSimulator({ backfillPosts: 50, backfillHours: 2 });
    try {
      const all = await published(sim);
      expect(all.count).toBe(50);
      const times = all.items.map((p) => Date.parse(p.created_at));
      expect(Math.min(...times)).toBeGreaterThan(Date.now() - 2 * 3600_000 - 1000);
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(3600_000);
    } finally {
      await sim.close();
    }
  });

  it('publishes on a timer when autoPublish is on, and stops when closed', async () => {
    const lines: string[] = [];
    const sim = await startTestSimulator({
      autoPublish: true,
      postsPerMinute: 1200,
      logger: (l) => lines.push(l),
    });
    await new Promise((r) => setTimeout(r, 2300));
    const count = (await published(sim)).count;
    await sim.close();
    expect(count).toBeGreaterThan(10);
    expect(lines.some((l) => l.startsWith('post '))).toBe(true);
    expect(lines[lines.length - 1]).toBe('simulator closed');
    await expect(fetch(`${sim.url}/__sim/health`)).rejects.toThrow();
  });

  it('binds to 127.0.0.1 on the given port, and refuses bad options', async () => {
    const sim = await startTestSimulator();
    try {
      expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
      expect(sim.port).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
    await expect(startTestSimulator({ postsPerMinute: -1 })).rejects.toThrow(/postsPerMinute/);
    await expect(startTestSimulator({ port: 70000 })).rejects.toThrow(/port/);
  });

  it('closes while a request hangs on a timeout fault', async () => {
    const sim = await startTestSimulator();
    await setFaults(sim, { queue: ['timeout'], timeoutMs: 60_000 });
    const pending = search(sim, { query: 'lumio' }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(2000);
    // fetch's TypeError comes from another realm than jest's Error: check the message
    expect(String(await pending)).toMatch(/fetch failed/);
  });
});
