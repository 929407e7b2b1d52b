import type { RunningSimulator } from './index';
import { call, get, publish, published, startTestSimulator } from './testing';

interface Status {
  id: string;
  content: string;
  language: string;
  tags: { name: string; url: string }[];
  in_reply_to_id: string | null;
  [key: string]: unknown;
}
interface SearchBody {
  accounts: unknown[];
  statuses: Status[];
  hashtags: unknown[];
}

const desc = (a: string, b: string) => (BigInt(b) > BigInt(a) ? 1 : BigInt(b) < BigInt(a) ? -1 : 0);

function searchPath(params: Record<string, string>): string {
  return `/mastodon/api/v2/search?${new URLSearchParams({ type: 'statuses', ...params }).toString()}`;
}

/** Link header → { next, prev } as paths on the simulator */
function links(header: string | null): { next?: string; prev?: string } {
  const out: { next?: string; prev?: string } = {};
  for (const m of (header ?? '').matchAll(/<([^>]+)>; rel="(next|prev)"/g)) {
    const url = new URL(m[1]);
    out[m[2] as 'next' | 'prev'] = `${url.pathname}${url.search}`;
  }
  return out;
}

describe('Mastodon: GET /mastodon/api/v2/search and /api/v1/timelines/tag/:hashtag', () => {
  let sim: RunningSimulator;
  /** the Mastodon posts about Lumio, newest first (the ground truth) */
  let lumio: string[];

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 21, backfillPosts: 200, backfillHours: 4 });
    await publish(sim, { count: 150, platform: 'mastodon' });
    await publish(sim, {
      posts: [
        { text: 'Lumio fibre is live in Nantes #LumioFibre', platform: 'mastodon', lang: 'en' },
        { text: 'Tellement contente de la #lumiofibre, merci Lumio', platform: 'mastodon', lang: 'fr' },
        { text: 'Lumio on X, not on Mastodon #LumioFibre' },
      ],
    });
    lumio = (await published(sim, 'lumio', 'mastodon')).items.map((p) => p.external_id).sort(desc);
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('requires a valid bearer token: 401 {"error":"The access token is invalid"}', async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: 'Bearer invalid' },
      { authorization: 'Basic dXNlcjpwYXNz' },
    ];
    for (const headers of variants) {
      for (const path of [searchPath({ q: 'lumio' }), '/mastodon/api/v1/timelines/tag/lumiofibre']) {
        const r = await get(sim, path, headers);
        expect(r.status).toBe(401);
        expect(r.json).toEqual({ error: 'The access token is invalid' });
      }
    }
  });

  it('searches statuses: Mastodon posts only, newest first, 20 by default and 40 at most', async () => {
    expect(lumio.length).toBeGreaterThan(60);
    const r = await get<SearchBody>(sim, searchPath({ q: 'lumio' }));
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['accounts', 'collections', 'hashtags', 'statuses']);
    expect(r.json.statuses.map((s) => s.id)).toEqual(lumio.slice(0, 20));
    const big = await get<SearchBody>(sim, searchPath({ q: 'lumio', limit: '100' }));
    expect(big.json.statuses.map((s) => s.id)).toEqual(lumio.slice(0, 40));
    const few = await get<SearchBody>(sim, searchPath({ q: 'lumio', limit: '5' }));
    expect(few.json.statuses).toHaveLength(5);
    const accounts = await get<SearchBody>(sim, searchPath({ q: 'lumio', type: 'accounts' }));
    expect(accounts.json.statuses).toEqual([]);
    const all = await get<SearchBody>(sim, `/mastodon/api/v2/search?q=lumio`);
    expect(all.json.statuses).toHaveLength(20);
  });

  it('refuses a search without q (400)', async () => {
    const r = await get<{ error: string }>(sim, '/mastodon/api/v2/search?type=statuses');
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/q/);
  });

  it('matches words on word boundaries, case-insensitively, with "phrases", -exclusion and language:', async () => {
    const walk = async (q: string) => {
      const ids: string[] = [];
      let maxId: string | undefined;
      for (;;) {
        const r = await get<SearchBody>(
          sim,
          searchPath({ q, limit: '40', ...(maxId ? { max_id: maxId } : {}) }),
        );
        if (r.json.statuses.length === 0) return ids;
        ids.push(...r.json.statuses.map((s) => s.id));
        maxId = r.json.statuses[r.json.statuses.length - 1].id;
      }
    };
    for (const [q, truth] of [
      ['LUMIO -nordlink language:fr', 'lumio -nordlink lang:fr'],
      ['"fibre is live"', '"fibre is live"'],
      ['#lumiofibre', '#lumiofibre'],
      ['lumio zapp', 'lumio zapp'],
      ['lumi', 'lumi'],
    ]) {
      const expected = (await published(sim, truth, 'mastodon')).items.map((p) => p.external_id).sort(desc);
      expect(await walk(q)).toEqual(expected);
    }
    expect((await walk('lumi')).length).toBe(0);
  });

  it('pages like Mastodon: max_id older than, since_id the newest newer than, min_id just newer than', async () => {
    const page = async (params: Record<string, string>) =>
      (await get<SearchBody>(sim, searchPath({ q: 'lumio', limit: '10', ...params }))).json.statuses.map(
        (s) => s.id,
      );
    const pivot = lumio[30];
    expect(await page({ max_id: pivot })).toEqual(lumio.slice(31, 41));
    expect(await page({ since_id: pivot })).toEqual(lumio.slice(0, 10));
    expect(await page({ min_id: pivot })).toEqual(lumio.slice(20, 30));
    expect(await page({ min_id: pivot, max_id: lumio[25] })).toEqual(lumio.slice(26, 30));
    expect(await page({ since_id: pivot, max_id: lumio[25] })).toEqual(lumio.slice(26, 30));
    expect(await page({ since_id: lumio[0] })).toEqual([]);
    expect(await page({ offset: '3', limit: '4' })).toEqual(lumio.slice(3, 7));
  });

  it('walks every page with max_id (and back up with min_id): exactly the ground truth, no gap, no duplicate', async () => {
    const down: string[] = [];
    let maxId = '';
    for (let i = 0; i < 100; i++) {
      const r = await get<SearchBody>(
        sim,
        searchPath({ q: 'lumio', limit: '7', ...(maxId ? { max_id: maxId } : {}) }),
      );
      if (r.json.statuses.length === 0) break;
      down.push(...r.json.statuses.map((s) => s.id));
      maxId = down[down.length - 1];
    }
    expect(down).toEqual(lumio);
    const up: string[] = [];
    let minId = '0';
    for (let i = 0; i < 100; i++) {
      const r = await get<SearchBody>(sim, searchPath({ q: 'lumio', limit: '7', min_id: minId }));
      if (r.json.statuses.length === 0) break;
      const ids = r.json.statuses.map((s) => s.id);
      expect([...ids].sort(desc)).toEqual(ids); // newest first within the page
      up.unshift(...ids);
      minId = ids[0];
    }
    expect(up).toEqual(lumio);
  });

  it('serves a tag timeline: case-insensitive, with Link next/prev, walking to exactly the ground truth', async () => {
    const truth = (await published(sim, '#LumioFibre', 'mastodon')).items
      .map((p) => p.external_id)
      .sort(desc);
    expect(truth.length).toBeGreaterThan(5);
    const first = await get<Status[]>(sim, '/mastodon/api/v1/timelines/tag/LumioFibre?limit=3');
    expect(first.status).toBe(200);
    const link = first.headers.get('link') ?? '';
    const base = `${sim.url}/mastodon/api/v1/timelines/tag/LumioFibre`;
    expect(link).toBe(
      `<${base}?limit=3&max_id=${first.json[2].id}>; rel="next", <${base}?limit=3&min_id=${first.json[0].id}>; rel="prev"`,
    );
    for (const s of first.json) expect(s.tags.map((t) => t.name)).toContain('lumiofibre');
    const ids: string[] = [];
    let path: string | undefined = '/mastodon/api/v1/timelines/tag/lumiofibre?limit=4';
    while (path) {
      const r: { json: Status[]; headers: Headers } = await get<Status[]>(sim, path);
      ids.push(...r.json.map((s) => s.id));
      path = links(r.headers.get('link')).next;
      if (r.json.length === 0) {
        expect(r.headers.get('link')).toBeNull();
        break;
      }
    }
    expect(ids).toEqual(truth);
    // default limit 20; min_id/max_id work as on search
    const dflt = await get<Status[]>(sim, '/mastodon/api/v1/timelines/tag/lumiofibre');
    expect(dflt.json.map((s) => s.id)).toEqual(truth.slice(0, 20));
    const min = await get<Status[]>(
      sim,
      `/mastodon/api/v1/timelines/tag/lumiofibre?min_id=${truth[3]}&limit=2`,
    );
    expect(min.json.map((s) => s.id)).toEqual(truth.slice(1, 3));
  });

  it('reports its rate limit in X-RateLimit-* (300 per 5 minutes, ISO reset) and answers 429 when spent', async () => {
    const a = await get(sim, searchPath({ q: 'lumio' }), { authorization: 'Bearer rate-a' });
    const b = await get(sim, searchPath({ q: 'lumio' }), { authorization: 'Bearer rate-a' });
    expect(a.headers.get('x-ratelimit-limit')).toBe('300');
    expect(a.headers.get('x-ratelimit-remaining')).toBe('299');
    expect(b.headers.get('x-ratelimit-remaining')).toBe('298');
    const reset = a.headers.get('x-ratelimit-reset') ?? '';
    expect(reset).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000000Z$/);
    expect(Date.parse(reset) % 300_000).toBe(0);
    expect(Date.parse(reset)).toBeGreaterThan(Date.now() - 1000);
    expect(Date.parse(reset)).toBeLessThanOrEqual(Date.now() + 300_000);
    for (let i = 2; i < 300; i++)
      await get(sim, '/mastodon/api/v1/timelines/tag/nothing', { authorization: 'Bearer rate-a' });
    const spent = await get(sim, searchPath({ q: 'lumio' }), { authorization: 'Bearer rate-a' });
    expect(spent.status).toBe(429);
    expect(spent.json).toEqual({ error: 'Too many requests' });
    expect(spent.headers.get('x-ratelimit-remaining')).toBe('0');
    // other tokens have their own window
    expect((await get(sim, searchPath({ q: 'lumio' }), { authorization: 'Bearer rate-b' })).status).toBe(200);
  });

  it('answers unknown routes with 404 in Mastodon shape', async () => {
    const r = await get(sim, '/mastodon/api/v1/statuses/1');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: 'Record not found' });
  });

  it('is reset by /__sim/reset: posts and rate-limit windows', async () => {
    const other = await startTestSimulator({ seed: 21 });
    try {
      await publish(other, { count: 30, platform: 'mastodon' });
      const before = await get(other, searchPath({ q: 'lumio' }));
      expect(before.headers.get('x-ratelimit-remaining')).toBe('299');
      await get(other, searchPath({ q: 'lumio' }));
      await call(other, 'POST', '/__sim/reset');
      const after = await get<SearchBody>(other, searchPath({ q: 'lumio' }));
      expect(after.json.statuses).toEqual([]);
      expect(after.headers.get('x-ratelimit-remaining')).toBe('299');
    } finally {
      await other.close();
    }
  });
});
