/**
 * Contract test: the simulator answers the same requests as the captured X API v2 responses
 * (tests/fixtures/platform-payloads/x, see its README) with payloads of the same shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSimulator } from './index';
import { AUTH, call, publish, search, setFaults, startTestSimulator, type XSearchBody } from './testing';

const FIXTURES = join(__dirname, '../../../tests/fixtures/platform-payloads/x');

interface Capture {
  status: number;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

function capture(name: string): Capture {
  const meta = JSON.parse(readFileSync(join(FIXTURES, `${name}.meta.json`), 'utf8')) as {
    status: number;
    url: string;
    headers: Record<string, string>;
  };
  return {
    status: meta.status,
    url: new URL(meta.url),
    headers: meta.headers,
    body: readFileSync(join(FIXTURES, `${name}.body`), 'utf8'),
  };
}

function paramsOf(c: Capture): Record<string, string> {
  return Object.fromEntries(c.url.searchParams.entries());
}

/** the type structure of a JSON value; arrays merge the shapes of their items */
type Shape = string | { array: Shape | null } | { object: Record<string, Shape> };

function shapeOf(value: unknown): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value))
    return { array: value.map(shapeOf).reduce<Shape | null>((a, b) => (a === null ? b : merge(a, b)), null) };
  if (typeof value === 'object') {
    return {
      object: Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shapeOf(v)]),
      ),
    };
  }
  return typeof value;
}

function merge(a: Shape, b: Shape): Shape {
  if (typeof a === 'object' && typeof b === 'object' && 'object' in a && 'object' in b) {
    const out: Record<string, Shape> = { ...a.object };
    for (const [k, v] of Object.entries(b.object)) out[k] = k in out ? merge(out[k], v) : v;
    return { object: out };
  }
  if (typeof a === 'object' && typeof b === 'object' && 'array' in a && 'array' in b) {
    return { array: a.array === null ? b.array : b.array === null ? a.array : merge(a.array, b.array) };
  }
  return a;
}

/**
 * Every key of `actual` exists in `reference` with the same type, recursively; returns the differences.
 * `extra` lists the keys allowed beyond the reference (at any depth, by dotted path).
 */
function shapeDiff(actual: Shape, reference: Shape, path = '$', extra: string[] = []): string[] {
  if (typeof actual === 'string' || typeof reference === 'string') {
    return actual === reference
      ? []
      : [`${path}: ${JSON.stringify(actual)} instead of ${JSON.stringify(reference)}`];
  }
  if ('array' in actual && 'array' in reference) {
    return actual.array === null || reference.array === null
      ? []
      : shapeDiff(actual.array, reference.array, `${path}[]`, extra);
  }
  if ('object' in actual && 'object' in reference) {
    return Object.entries(actual.object).flatMap(([k, v]) => {
      const p = `${path}.${k}`;
      if (!(k in reference.object)) return extra.includes(p) ? [] : [`${p}: not in the capture`];
      return shapeDiff(v, reference.object[k], p, extra);
    });
  }
  return [
    `${path}: ${'array' in actual ? 'array' : 'object'} instead of ${'array' in reference ? 'array' : 'object'}`,
  ];
}

/** keys present in every item */
function alwaysKeys(items: object[]): string[] {
  return Object.keys(items[0]).filter((k) => items.every((i) => k in i));
}
function anyKeys(items: object[]): string[] {
  return [...new Set(items.flatMap((i) => Object.keys(i)))].sort();
}

/** fields the captures show that the simulator never has: no media, no places, nothing withheld */
const NOT_SIMULATED = ['attachments', 'geo', 'withheld'];
/** fields X sends only when they apply (a reply, a post with entities...) */
const CONDITIONAL = ['referenced_tweets', 'entities', 'in_reply_to_user_id', ...NOT_SIMULATED];
const RATE_HEADERS = ['x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset'];
const SEARCH_CAPTURES = [
  'Recent_search__200_Success_Recent_Search_Default_Payload',
  'Recent_search__200_Success_Request_Tweet_Fields',
  'Recent_search__200_Success_Request_Tweet_Fields_with_Expanded_User_Fields',
];

/** the shape of a post object across every captured post (data and includes), e.g. entities.hashtags[] */
function tweetReference(): Shape {
  const tweets = SEARCH_CAPTURES.flatMap((name) => {
    const body = JSON.parse(capture(name).body) as XSearchBody;
    return [...(body.data ?? []), ...(body.includes?.tweets ?? [])];
  });
  return shapeOf(tweets);
}

describe('X API v2 contract (captured payloads vs the simulator)', () => {
  let sim: RunningSimulator;
  let conversationRoot: string;

  beforeAll(async () => {
    sim = await startTestSimulator();
    // posts that the captured requests (query=nyc, conversation_id:…) find, with mentions, hashtags, links, replies
    const nyc = await publish(sim, {
      posts: Array.from({ length: 14 }, (_, i) => ({
        text: [
          `@lumio is the NYC store open today? #LumioFibre`,
          `Fibre in NYC when @lumio @zappmobile?`,
          `NYC office wifi down again https://status.example.com/incidents/${i}`,
          `nyc plan ${i} looks good`,
        ][i % 4],
        username: i % 2 === 0 ? 'happycamper' : 'snowman',
        lang: 'en',
      })),
    });
    const root = nyc[0];
    const reply1 = (
      await publish(sim, {
        posts: [
          { text: '@happycamper NYC too, same here', username: 'snowman', in_reply_to_tweet_id: root.id },
        ],
      })
    )[0];
    await publish(sim, {
      posts: [
        { text: '@snowman thanks! #fresh nyc', username: 'happycamper', in_reply_to_tweet_id: reply1.id },
      ],
    });
    await publish(sim, { count: 20 });
    conversationRoot = root.conversation_id;
  });
  afterAll(async () => {
    await sim?.close();
  });

  describe.each(SEARCH_CAPTURES)('%s', (name) => {
    const c = capture(name);
    const expected = JSON.parse(c.body) as XSearchBody;
    let actual: XSearchBody;
    let headers: Headers;
    let status: number;

    beforeAll(async () => {
      const params = paramsOf(c);
      if (params['query'].startsWith('conversation_id:'))
        params['query'] = `conversation_id:${conversationRoot}`;
      const r = await search<XSearchBody>(sim, params);
      ({ status, headers } = r);
      actual = r.json;
    });

    it('answers with the same status, content type and top-level keys', () => {
      expect(status).toBe(c.status);
      expect(headers.get('content-type')).toBe(c.headers['content-type']);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      expect(Object.keys(actual.includes ?? {}).sort()).toEqual(Object.keys(expected.includes ?? {}).sort());
    });

    it('has data[] items with the keys and value types of the capture, for the requested tweet.fields', () => {
      const ours = actual.data ?? [];
      const theirs = expected.data ?? [];
      expect(ours.length).toBeGreaterThan(0);
      // value types: as in any captured post (this capture's posts may lack e.g. hashtags that others show)
      expect(shapeDiff(shapeOf(ours), tweetReference(), '$', ['$[].edit_history_tweet_ids'])).toEqual([]);
      // what the capture always has, every simulated item has
      for (const item of ours) {
        for (const key of alwaysKeys(theirs).filter((k) => !CONDITIONAL.includes(k)))
          expect(Object.keys(item)).toContain(key);
      }
      // and what it sometimes has shows up too (bar media, places and withholding)
      expect(anyKeys(ours).filter((k) => k !== 'edit_history_tweet_ids')).toEqual(
        anyKeys(theirs).filter((k) => !NOT_SIMULATED.includes(k)),
      );
      // modern X: always the edit history
      for (const item of ours) expect(item['edit_history_tweet_ids']).toEqual([item.id]);
    });

    it('has includes with the same shapes', () => {
      if (!expected.includes) return expect(actual.includes).toBeUndefined();
      const users = actual.includes?.users ?? [];
      expect(users.length).toBeGreaterThan(0);
      for (const u of users) expect(Object.keys(u).sort()).toEqual(anyKeys(expected.includes.users ?? []));
      expect(shapeDiff(shapeOf(users), shapeOf(expected.includes.users ?? []))).toEqual([]);
      expect(
        shapeDiff(shapeOf(actual.includes?.tweets ?? []), tweetReference(), '$', [
          '$[].edit_history_tweet_ids',
        ]),
      ).toEqual([]);
      expect((actual.includes?.tweets ?? []).length).toBeGreaterThan(0);
    });

    it('has meta with the same keys and types', () => {
      expect(shapeDiff(shapeOf(actual.meta), shapeOf(expected.meta))).toEqual([]);
      expect(Object.keys(actual.meta).sort()).toEqual(Object.keys(expected.meta).sort());
      expect(actual.meta.result_count).toBe(actual.data?.length);
      expect(actual.meta.newest_id).toBe(actual.data?.[0].id);
      expect(actual.meta.oldest_id).toBe(actual.data?.[actual.data.length - 1].id);
    });

    it('sends the same rate-limit headers', () => {
      for (const h of RATE_HEADERS) {
        expect(c.headers[h]).toMatch(/^\d+$/);
        expect(headers.get(h)).toMatch(/^\d+$/);
      }
      expect(headers.get('x-rate-limit-limit')).toBe(c.headers['x-rate-limit-limit']);
    });
  });

  it('asks for public_metrics the way X answers them (not in the captures: the fields X documents)', async () => {
    const r = await search<XSearchBody>(sim, {
      query: 'nyc',
      'tweet.fields': 'public_metrics',
      expansions: 'author_id',
      'user.fields': 'public_metrics,verified,profile_image_url',
    });
    const t = r.json.data?.[0] ?? { id: '', text: '' };
    expect(Object.keys(t['public_metrics'] as object).sort()).toEqual([
      'bookmark_count',
      'impression_count',
      'like_count',
      'quote_count',
      'reply_count',
      'retweet_count',
    ]);
    const u = r.json.includes?.users?.[0] ?? {};
    expect(Object.keys(u['public_metrics'] as object).sort()).toEqual([
      'followers_count',
      'following_count',
      'listed_count',
      'tweet_count',
    ]);
    expect(typeof u['verified']).toBe('boolean');
    expect(u['profile_image_url']).toMatch(/^https:\/\/pbs\.twimg\.com\/profile_images\//);
  });

  it('answers a 429 exactly like the captured 429: status, content type, body, rate-limit headers', async () => {
    const c = capture('Single_Tweet__429_Rate_Limit_Exceeded');
    await setFaults(sim, { queue: ['429'] });
    const before = Math.floor(Date.now() / 1000);
    const r = await call(sim, 'GET', '/2/tweets/search/recent?query=nyc', undefined, AUTH);
    expect(r.status).toBe(c.status);
    expect(r.headers.get('content-type')).toBe(c.headers['content-type']);
    expect(r.text).toBe(c.body);
    for (const h of RATE_HEADERS) expect(r.headers.get(h)).toMatch(/^\d+$/);
    expect(r.headers.get('x-rate-limit-remaining')).toBe(c.headers['x-rate-limit-remaining']);
    const reset = Number(r.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThan(before);
    expect(reset).toBeLessThanOrEqual(before + 60);
  });
});
