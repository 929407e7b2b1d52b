import * as http from 'node:http';
import type { RunningSimulator } from './index';
import type { Platform } from './platform';
import {
  AUTH,
  call,
  get,
  publish,
  published,
  search,
  setFaults,
  startTestSimulator,
  type XSearchBody,
} from './testing';

type Json = Record<string, unknown>;

interface Case {
  platform: Exclude<Platform, 'x'>;
  /** the first page of a search */
  first: string;
  /** the page after `body` */
  next(body: Json): string;
  /** the ids of a page, in order */
  ids(body: Json): string[];
  contentType: string;
  tooMany: Json;
  internal: Json;
  unavailable: Json;
  /** checks the headers of a faulted 429 whose reset is `seconds` ahead */
  limited(headers: Headers, seconds: number): void;
}

const nowS = () => Date.now() / 1000;

const CASES: Case[] = [
  {
    platform: 'mastodon',
    first: '/mastodon/api/v2/search?q=lumio&type=statuses&limit=5',
    next: (b) => {
      const ids = (b['statuses'] as Json[]).map((s) => String(s['id']));
      return `/mastodon/api/v2/search?q=lumio&type=statuses&limit=5&max_id=${ids[ids.length - 1]}`;
    },
    ids: (b) => (b['statuses'] as Json[]).map((s) => String(s['id'])),
    contentType: 'application/json; charset=utf-8',
    tooMany: { error: 'Too many requests' },
    internal: { error: "We're sorry, but something went wrong on our end." },
    unavailable: { error: 'The page could not be served due to a temporary server failure.' },
    limited: (h, seconds) => {
      expect(h.get('x-ratelimit-remaining')).toBe('0');
      const ahead = Date.parse(h.get('x-ratelimit-reset') ?? '') / 1000 - nowS();
      expect(ahead).toBeGreaterThan(seconds - 2);
      expect(ahead).toBeLessThan(seconds + 2);
    },
  },
  {
    platform: 'reddit',
    first: '/reddit/search?q=lumio&sort=new&limit=5',
    next: (b) => `/reddit/search?q=lumio&sort=new&limit=5&after=${String((b['data'] as Json)['after'])}`,
    ids: (b) => ((b['data'] as Json)['children'] as { data: Json }[]).map((c) => String(c.data['name'])),
    contentType: 'application/json; charset=UTF-8',
    tooMany: { message: 'Too Many Requests', error: 429 },
    internal: { message: 'Internal Server Error', error: 500 },
    unavailable: { message: 'Service Unavailable', error: 503 },
    limited: (h, seconds) => {
      expect(h.get('x-ratelimit-remaining')).toBe('0.0');
      expect(h.get('x-ratelimit-reset')).toBe(String(seconds));
      expect(h.get('x-ratelimit-used')).toBe('600');
    },
  },
  {
    platform: 'hackernews',
    first: '/hackernews/api/v1/search_by_date?query=lumio&hitsPerPage=5',
    next: (b) => `/hackernews/api/v1/search_by_date?query=lumio&hitsPerPage=5&page=${Number(b['page']) + 1}`,
    ids: (b) => (b['hits'] as Json[]).map((h) => String(h['objectID'])),
    contentType: 'application/json; charset=UTF-8',
    tooMany: { message: 'Too many requests', status: 429 },
    internal: { message: 'Internal Server Error', status: 500 },
    unavailable: { message: 'Service Unavailable', status: 503 },
    limited: (h, seconds) => {
      expect(h.get('retry-after')).toBe(String(seconds));
      expect([...h.keys()].filter((k) => /ratelimit/.test(k))).toEqual([]);
    },
  },
  {
    platform: 'bluesky',
    first: '/bluesky/xrpc/app.bsky.feed.searchPosts?q=lumio&limit=5',
    next: (b) => `/bluesky/xrpc/app.bsky.feed.searchPosts?q=lumio&limit=5&cursor=${String(b['cursor'])}`,
    ids: (b) => (b['posts'] as Json[]).map((p) => String(p['uri'])),
    contentType: 'application/json; charset=utf-8',
    tooMany: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    internal: { error: 'InternalServerError', message: 'Internal Server Error' },
    unavailable: { error: 'NotEnoughResources', message: 'Not Enough Resources' },
    limited: (h, seconds) => {
      expect(h.get('ratelimit-remaining')).toBe('0');
      expect(h.get('ratelimit-limit')).toBe('3000');
      expect(h.get('ratelimit-policy')).toBe('3000;w=300');
      const ahead = Number(h.get('ratelimit-reset')) - nowS();
      expect(ahead).toBeGreaterThan(seconds - 2);
      expect(ahead).toBeLessThan(seconds + 2);
    },
  },
];

/** a GET that keeps what arrived even when the connection is cut part-way */
function rawGet(
  sim: RunningSimulator,
  path: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${sim.url}${path}`, { headers: AUTH, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const done = () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          complete: res.complete,
        });
      res.on('end', done);
      res.on('aborted', done);
      res.on('error', done);
    });
    req.on('error', reject);
  });
}

const served = async (sim: RunningSimulator, platform: Platform) =>
  (await published(sim, undefined, platform)).items.reduce((n, p) => n + p.served_count, 0);

describe('fault injection on every platform', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 71 });
    for (const platform of ['mastodon', 'reddit', 'hackernews', 'bluesky', 'x'])
      await publish(sim, { count: 60, platform });
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    await call(sim, 'DELETE', '/__sim/faults');
  });

  describe.each(CASES)('$platform', (c) => {
    it('"429": text/plain with the platform\'s reset headers, then the queue is spent', async () => {
      await setFaults(sim, { queue: ['429'], resetSeconds: 30 });
      const r = await get(sim, c.first);
      expect(r.status).toBe(429);
      expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(r.text).toBe('Too Many Requests');
      c.limited(r.headers, 30);
      expect((await get(sim, c.first)).status).toBe(200);
    });

    it('"429json": the platform\'s JSON 429 body with its reset headers', async () => {
      await setFaults(sim, { queue: ['429json'], resetSeconds: 7 });
      const r = await get(sim, c.first);
      expect(r.status).toBe(429);
      expect(r.headers.get('content-type')).toBe(c.contentType);
      expect(r.json).toEqual(c.tooMany);
      c.limited(r.headers, 7);
    });

    it('"500" and "503": the platform\'s error bodies, in queue order', async () => {
      await setFaults(sim, { queue: ['500', 'ok', '503'] });
      const a = await get(sim, c.first);
      const b = await get(sim, c.first);
      const d = await get(sim, c.first);
      expect([a.status, b.status, d.status]).toEqual([500, 200, 503]);
      expect(a.json).toEqual(c.internal);
      expect(d.json).toEqual(c.unavailable);
    });

    it('"malformed": a 200 whose body is not JSON, not counted as served', async () => {
      const before = await served(sim, c.platform);
      await setFaults(sim, { queue: ['malformed'] });
      const bad = await get(sim, c.first);
      expect(bad.status).toBe(200);
      expect(() => JSON.parse(bad.text) as unknown).toThrow(SyntaxError);
      expect(await served(sim, c.platform)).toBe(before);
      const good = await get(sim, c.first);
      expect(good.text.startsWith(bad.text)).toBe(true);
    });

    it('"truncated": a 200 announcing the whole body that stops part-way, not counted as served', async () => {
      const good = await get(sim, c.first);
      const before = await served(sim, c.platform);
      await setFaults(sim, { queue: ['truncated'] });
      const cut = await rawGet(sim, c.first);
      expect(cut.status).toBe(200);
      expect(cut.complete).toBe(false);
      expect(Number(cut.headers['content-length'])).toBe(Buffer.byteLength(good.text));
      expect(cut.body.length).toBeGreaterThan(0);
      expect(cut.body.length).toBeLessThan(Buffer.byteLength(good.text));
      // the bytes of the whole body, up to the cut (which may fall inside a character)
      expect(Buffer.from(good.text).subarray(0, cut.body.length).equals(cut.body)).toBe(true);
      expect(await served(sim, c.platform)).toBe(before);
      // fetch sees the cut as an error
      await setFaults(sim, { queue: ['truncated'] });
      await expect(get(sim, c.first)).rejects.toThrow();
    });

    it('"timeout": hangs, then the connection is destroyed', async () => {
      await setFaults(sim, { queue: ['timeout'], timeoutMs: 200 });
      const started = Date.now();
      await expect(get(sim, c.first)).rejects.toThrow();
      expect(Date.now() - started).toBeGreaterThanOrEqual(180);
      expect((await get(sim, c.first)).status).toBe(200);
    });

    it('"duplicate_page": asking for the next page gives the previous page again', async () => {
      const first = await get<Json>(sim, c.first);
      const second = await get<Json>(sim, c.next(first.json));
      expect(c.ids(second.json)).not.toEqual(c.ids(first.json));
      const again = await get<Json>(sim, c.first);
      expect(c.ids(again.json)).toEqual(c.ids(first.json));
      await setFaults(sim, { queue: ['duplicate_page'] });
      const dup = await get<Json>(sim, c.next(first.json));
      expect(dup.status).toBe(200);
      expect(dup.text).toBe(again.text);
      expect((await get<Json>(sim, c.next(first.json))).text).toBe(second.text);
    });

    it('"out_of_order": the same page with its items shuffled, the same way for the same seed', async () => {
      const normal = await get<Json>(sim, c.first);
      const shuffled = async () => {
        await call(sim, 'DELETE', '/__sim/faults'); // re-seeds the fault generators
        await setFaults(sim, { queue: ['out_of_order'] });
        return c.ids((await get<Json>(sim, c.first)).json);
      };
      const a = await shuffled();
      expect(a).not.toEqual(c.ids(normal.json));
      expect([...a].sort()).toEqual([...c.ids(normal.json)].sort());
      expect(await shuffled()).toEqual(a);
    });

    it('"ok" and faults set for other endpoints leave it alone', async () => {
      await setFaults(sim, { queue: ['ok'] });
      expect((await get(sim, c.first)).status).toBe(200);
      const others = ['search', 'post', 'mastodon', 'reddit', 'hackernews', 'bluesky'].filter(
        (e) => e !== c.platform,
      );
      await setFaults(sim, { rate5xx: 1, endpoints: others });
      expect((await get(sim, c.first)).status).toBe(200);
      await setFaults(sim, { rate5xx: 1, endpoints: [c.platform] });
      expect([500, 503]).toContain((await get(sim, c.first)).status);
      expect((await search(sim, { query: 'lumio' })).status).toBe(200);
    });
  });

  it('X: "truncated" and "out_of_order" too', async () => {
    const params = { query: 'lumio', max_results: '10' };
    const normal = await search<XSearchBody>(sim, params);
    await setFaults(sim, { queue: ['out_of_order'] });
    const shuffled = await search<XSearchBody>(sim, params);
    const ids = (b: XSearchBody) => (b.data ?? []).map((t) => t.id);
    expect(ids(shuffled.json)).not.toEqual(ids(normal.json));
    expect([...ids(shuffled.json)].sort()).toEqual([...ids(normal.json)].sort());
    expect(shuffled.json.meta).toEqual(normal.json.meta); // the cursors are those of the real order
    await setFaults(sim, { queue: ['truncated'] });
    const cut = await rawGet(sim, `/2/tweets/search/recent?${new URLSearchParams(params).toString()}`);
    expect(cut.complete).toBe(false);
    expect(Buffer.from(normal.text).subarray(0, cut.body.length).equals(cut.body)).toBe(true);
  });

  it('draws truncated, duplicate and out-of-order pages at random rates; the rates add up to 1 at most', async () => {
    await setFaults(sim, { rateOutOfOrder: 1, endpoints: ['mastodon'] });
    const normal = CASES[0];
    await call(sim, 'DELETE', '/__sim/faults');
    const reference = normal.ids((await get<Json>(sim, normal.first)).json);
    await setFaults(sim, { rateOutOfOrder: 1, endpoints: ['mastodon'] });
    for (let i = 0; i < 3; i++)
      expect(normal.ids((await get<Json>(sim, normal.first)).json)).not.toEqual(reference);
    await setFaults(sim, {
      rateTruncated: 0.3,
      rateDuplicate: 0.3,
      rateOutOfOrder: 0.3,
      endpoints: ['hackernews'],
    });
    let failures = 0;
    for (let i = 0; i < 30; i++) {
      try {
        await get(sim, CASES[2].first);
      } catch {
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(2);
    expect(failures).toBeLessThan(20);
    const shown = await call<Json>(sim, 'GET', '/__sim/faults');
    expect(shown.json).toMatchObject({
      rateTruncated: 0.3,
      rateDuplicate: 0.3,
      rateOutOfOrder: 0.3,
      endpoints: ['hackernews'],
    });
    const tooMuch = await call<{ message: string }>(sim, 'POST', '/__sim/faults', {
      rate429: 0.5,
      rateTruncated: 0.3,
      rateOutOfOrder: 0.3,
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.message).toMatch(/add up to more than 1/);
    const badEndpoint = await call(sim, 'POST', '/__sim/faults', { endpoints: ['myspace'] });
    expect(badEndpoint.status).toBe(400);
  });
});
