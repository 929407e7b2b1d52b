import type { RunningSimulator } from './index';
import { call, get, publish, published, startTestSimulator, type PublishedItem } from './testing';

interface Link {
  id: string;
  name: string;
  title: string;
  subreddit: string;
  score: number;
  num_comments: number;
  created_utc: number;
  permalink: string;
  url: string;
  [key: string]: unknown;
}
interface Listing {
  kind: string;
  data: {
    after: string | null;
    before: string | null;
    dist: number;
    modhash: string;
    geo_filter: string;
    children: { kind: string; data: Link }[];
  };
}

function path(params: Record<string, string>, route = '/reddit/search'): string {
  return `${route}?${new URLSearchParams(params).toString()}`;
}

const names = (l: Listing) => l.data.children.map((c) => c.data.name);

describe('Reddit: GET /reddit/search(.json)', () => {
  let sim: RunningSimulator;
  let truth: PublishedItem[];
  /** fullnames of the Reddit posts about Lumio, newest first */
  let lumio: string[];

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 31, backfillPosts: 300, backfillHours: 4 });
    await publish(sim, { count: 120, platform: 'reddit' });
    await publish(sim, {
      posts: [{ text: 'Lumio & Zapp <compared> for fibre', platform: 'reddit', username: 'escaper' }],
    });
    truth = (await published(sim, 'lumio', 'reddit')).items;
    lumio = truth.map((p) => p.external_id).reverse();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('requires a bearer token on /search (oauth host), not on /search.json; refuses an invalid one', async () => {
    const unauthorized = { message: 'Unauthorized', error: 401 };
    const none = await get(sim, path({ q: 'lumio' }), {});
    expect(none.status).toBe(401);
    expect(none.json).toEqual(unauthorized);
    for (const route of ['/reddit/search', '/reddit/search.json']) {
      const bad = await get(sim, path({ q: 'lumio' }, route), { authorization: 'Bearer invalid' });
      expect(bad.status).toBe(401);
      expect(bad.json).toEqual(unauthorized);
    }
    const anonymous = await get<Listing>(sim, path({ q: 'lumio' }, '/reddit/search.json'), {});
    expect(anonymous.status).toBe(200);
    expect(anonymous.json.kind).toBe('Listing');
  });

  it('answers a Listing of t3 links: Reddit posts only, sort=new newest first, 25 by default, 100 at most', async () => {
    expect(lumio.length).toBeGreaterThan(60);
    const r = await get<Listing>(sim, path({ q: 'lumio', sort: 'new' }));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(r.json.kind).toBe('Listing');
    expect(r.json.data).toMatchObject({ modhash: '', geo_filter: '', dist: 25, before: null });
    expect(r.json.data.children.every((c) => c.kind === 't3')).toBe(true);
    expect(names(r.json)).toEqual(lumio.slice(0, 25));
    expect(r.json.data.after).toBe(lumio[24]);
    const big = await get<Listing>(sim, path({ q: 'lumio', sort: 'new', limit: '500' }));
    expect(big.json.data.dist).toBe(Math.min(100, lumio.length));
    for (const c of big.json.data.children) {
      const link = c.data;
      expect(link.name).toBe(`t3_${link.id}`);
      expect(link.id).toMatch(/^[0-9a-z]{6,7}$/);
      expect(link.url).toBe(`https://www.reddit.com${link.permalink}`);
      expect(link.permalink).toMatch(new RegExp(`^/r/${link.subreddit}/comments/${link.id}/[a-z0-9_]*/$`));
      expect(link['is_self']).toBe(true);
      expect(link['over_18']).toBe(false);
      expect(link['selftext']).toBe('');
      expect(link['author_fullname']).toMatch(/^t2_[0-9a-z]+$/);
    }
    // ids grow with time
    const ids = big.json.data.children.map((c) => parseInt(c.data.id, 36));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('understands words, "phrases", OR, AND, NOT, -exclusion and parentheses', async () => {
    const all = async (q: string) => {
      const out: string[] = [];
      let after = '';
      for (let i = 0; i < 50; i++) {
        const r = await get<Listing>(
          sim,
          path({ q, sort: 'new', limit: '100', ...(after ? { after } : {}) }),
        );
        out.push(...names(r.json));
        if (r.json.data.after === null) break;
        after = r.json.data.after;
      }
      return out;
    };
    for (const [q, x] of [
      ['lumio OR nordlink', 'lumio OR nordlink'],
      ['(lumio OR zapp) NOT nordlink', '(lumio OR zapp) -nordlink'],
      ['"fibre" AND LUMIO', '"fibre" lumio'],
      ['lumio -zapp', 'lumio -zapp'],
      ['"for fibre"', '"for fibre"'],
    ]) {
      const expected = (await published(sim, x, 'reddit')).items.map((p) => p.external_id).reverse();
      expect(await all(q)).toEqual(expected);
    }
  });

  it('pages with after (older) and before (newer), with after/before set in the Listing as Reddit does', async () => {
    const page2 = await get<Listing>(sim, path({ q: 'lumio', sort: 'new', limit: '10', after: lumio[9] }));
    expect(names(page2.json)).toEqual(lumio.slice(10, 20));
    expect(page2.json.data.before).toBe(lumio[10]);
    expect(page2.json.data.after).toBe(lumio[19]);
    const back = await get<Listing>(sim, path({ q: 'lumio', sort: 'new', limit: '10', before: lumio[25] }));
    expect(names(back.json)).toEqual(lumio.slice(15, 25));
    const top = await get<Listing>(sim, path({ q: 'lumio', sort: 'new', limit: '10', before: lumio[3] }));
    expect(names(top.json)).toEqual(lumio.slice(0, 3));
    expect(top.json.data.before).toBeNull();
    const last = await get<Listing>(
      sim,
      path({ q: 'lumio', sort: 'new', limit: '10', after: lumio[lumio.length - 2] }),
    );
    expect(names(last.json)).toEqual(lumio.slice(-1));
    expect(last.json.data.after).toBeNull();
    const unknown = await get<Listing>(sim, path({ q: 'lumio', sort: 'new', after: 't3_zzzzzzz' }));
    expect(unknown.json.data.children).toEqual([]);
    expect(unknown.json.data.after).toBeNull();
  });

  it('walks every page with after: exactly the ground truth, no gap, no duplicate; and back with before', async () => {
    const down: string[] = [];
    let after: string | null = null;
    do {
      const params: Record<string, string> = { q: 'lumio', sort: 'new', limit: '9' };
      if (after) params['after'] = after;
      const r: { json: Listing } = await get<Listing>(sim, path(params));
      down.push(...names(r.json));
      after = r.json.data.after;
    } while (after);
    expect(down).toEqual(lumio);
    const up: string[] = [];
    let before: string | null = lumio[lumio.length - 1];
    up.push(before);
    while (before) {
      const r: { json: Listing } = await get<Listing>(
        sim,
        path({ q: 'lumio', sort: 'new', limit: '9', before }),
      );
      up.unshift(...names(r.json));
      before = r.json.data.before;
    }
    expect(up).toEqual(lumio);
  });

  it('orders by score for relevance (the default) and top, by comments for comments', async () => {
    const rel = await get<Listing>(sim, path({ q: 'lumio', limit: '100' }));
    const scores = rel.json.data.children.map((c) => c.data.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const com = await get<Listing>(sim, path({ q: 'lumio', limit: '100', sort: 'comments' }));
    const comments = com.json.data.children.map((c) => c.data.num_comments);
    expect([...comments].sort((a, b) => b - a)).toEqual(comments);
    // paging a relevance listing covers it all too
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const params: Record<string, string> = { q: 'lumio', limit: '13', sort: 'top' };
      if (after) params['after'] = after;
      const r: { json: Listing } = await get<Listing>(sim, path(params));
      seen.push(...names(r.json));
      after = r.json.data.after;
    } while (after);
    expect([...seen].sort()).toEqual([...lumio].sort());
  });

  it('escapes &, < and > unless raw_json=1', async () => {
    const escaped = await get<Listing>(sim, path({ q: 'compared', sort: 'new' }));
    expect(escaped.json.data.children[0].data.title).toBe('Lumio &amp; Zapp &lt;compared&gt; for fibre');
    const raw = await get<Listing>(sim, path({ q: 'compared', sort: 'new', raw_json: '1' }));
    expect(raw.json.data.children[0].data.title).toBe('Lumio & Zapp <compared> for fibre');
  });

  it('filters by t (time) and, under /r/:subreddit with restrict_sr, by subreddit', async () => {
    const hour = await get<Listing>(sim, path({ q: 'lumio', sort: 'new', t: 'hour', limit: '100' }));
    const since = Date.now() / 1000 - 3600;
    // every post of the hour newer than the oldest one listed (the page holds 100; posts of the same second as
    // the oldest listed may fall either side of the cut, so the cut itself is left out)
    const listed = hour.json.data.children;
    const cut = listed.length === 100 ? Math.min(...listed.map((c) => c.data.created_utc)) : -Infinity;
    const expected = truth
      .filter((p) => Date.parse(p.created_at) / 1000 >= since + 5 && Math.floor(Date.parse(p.created_at) / 1000) > cut)
      .map((p) => p.external_id);
    expect(expected.length).toBeGreaterThan(10);
    expect(hour.json.data.children.every((c) => c.data.created_utc >= since - 5)).toBe(true);
    expect(names(hour.json)).toEqual(expect.arrayContaining(expected));
    expect(hour.json.data.dist).toBeLessThan(lumio.length);

    const sub = 'LumioCommunity';
    const inSub = truth
      .filter((p) => p.url.includes(`/r/${sub}/`))
      .map((p) => p.external_id)
      .reverse();
    expect(inSub.length).toBeGreaterThan(0);
    const r = await get<Listing>(
      sim,
      path({ q: 'lumio', sort: 'new', restrict_sr: 'on', limit: '100' }, `/reddit/r/${sub}/search`),
    );
    expect(names(r.json)).toEqual(inSub.slice(0, 100));
    const unrestricted = await get<Listing>(
      sim,
      path({ q: 'lumio', sort: 'new', limit: '100' }, `/reddit/r/${sub}/search.json`),
    );
    expect(unrestricted.json.data.dist).toBe(Math.min(100, lumio.length));
  });

  it('keeps a thread in one subreddit', async () => {
    const all = (await published(sim, undefined, 'reddit')).items;
    const byId = new Map(all.map((p) => [p.id, p]));
    const replies = all.filter((p) => p.in_reply_to_tweet_id !== null);
    expect(replies.length).toBeGreaterThan(0);
    const sub = (p: PublishedItem) => /\/r\/([^/]+)\//.exec(p.url)?.[1];
    for (const r of replies) {
      const root = byId.get(r.conversation_id);
      if (root) expect(sub(r)).toBe(sub(root));
    }
  });

  it('reports x-ratelimit-used/-remaining/-reset, and answers 429 in JSON when the window is spent', async () => {
    const headers = { authorization: 'Bearer reddit-rate' };
    const a = await get(sim, path({ q: 'lumio' }), headers);
    const b = await get(sim, path({ q: 'lumio' }), headers);
    expect(a.headers.get('x-ratelimit-used')).toBe('1');
    expect(a.headers.get('x-ratelimit-remaining')).toBe('599.0');
    expect(b.headers.get('x-ratelimit-used')).toBe('2');
    expect(b.headers.get('x-ratelimit-remaining')).toBe('598.0');
    const reset = Number(a.headers.get('x-ratelimit-reset'));
    expect(Number.isInteger(reset)).toBe(true);
    expect(reset).toBeGreaterThanOrEqual(0);
    expect(reset).toBeLessThanOrEqual(600);
    // without a token, 100 per window per address
    await call(sim, 'POST', '/__sim/reset');
    for (let i = 0; i < 100; i++) await get(sim, '/reddit/search.json?q=x', {});
    const spent = await get(sim, '/reddit/search.json?q=x', {});
    expect(spent.status).toBe(429);
    expect(spent.json).toEqual({ message: 'Too Many Requests', error: 429 });
    expect(spent.headers.get('x-ratelimit-remaining')).toBe('0.0');
    expect((await get(sim, path({ q: 'x' }), headers)).status).toBe(200);
  });
});
