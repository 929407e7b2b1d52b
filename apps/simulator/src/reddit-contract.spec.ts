/**
 * Contract test: the simulator's Reddit search answers with the keys and value types of a real Reddit search
 * Listing (tests/fixtures/platform-payloads/reddit, see its README).
 */
import type { RunningSimulator } from './index';
import { get, publish, startTestSimulator } from './testing';
import { contractDiff, fixture, sortedKeys } from './testing-shapes';

type Json = Record<string, unknown>;
interface Listing {
  kind: string;
  data: Json & { children: { kind: string; data: Json }[] };
}
const RATE_CAPTURE = fixture<{ headers: Record<string, string> }>(
  'reddit',
  'ratelimit_headers_from_praw_cassette.json',
);
const CAPTURE = fixture<{ request_uri: string; status: { code: number }; body: Listing }>(
  'reddit',
  'search_listing_from_praw_cassette.json',
);

/** what Reddit has added to links and listings since the 2016 capture */
const NEWER_LINK_KEYS = ['author_fullname', 'subreddit_name_prefixed', 'upvote_ratio', 'subreddit_type'];

describe('Reddit contract (captured payload vs the simulator)', () => {
  let sim: RunningSimulator;
  let actual: Listing;
  let status: number;
  let headers: Headers;

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 9 });
    await publish(sim, {
      posts: [
        { text: 'praw oauth search: is there an easy way?', platform: 'reddit', username: 'GrinningMouth38' },
        { text: 'PRAW oauth search broken after update', platform: 'reddit' },
      ],
    });
    await publish(sim, { count: 40, platform: 'reddit' });
    // the captured request, on the simulator's host
    const url = new URL(CAPTURE.request_uri);
    const r = await get<Listing>(sim, `/reddit${url.pathname}${url.search}`);
    status = r.status;
    headers = r.headers;
    actual = r.json;
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('answers the captured request (/r/all/search/ with its parameters) with the same status and kinds', () => {
    expect(status).toBe(CAPTURE.status.code);
    expect(actual.kind).toBe(CAPTURE.body.kind);
    expect(actual.data.children.length).toBeGreaterThan(0);
    expect(actual.data.children.every((c) => c.kind === 't3')).toBe(true);
  });

  it('sends the content type and x-ratelimit-* headers in the captured formats', () => {
    const format = (v: string | null | undefined) => (v ?? '').replace(/\d+/g, 'N');
    expect(headers.get('content-type')).toBe(RATE_CAPTURE.headers['content-type']);
    for (const name of ['x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used'])
      expect(format(headers.get(name))).toBe(format(RATE_CAPTURE.headers[name]));
  });

  it('has the Listing keys of the capture and of today (dist, geo_filter)', () => {
    for (const key of Object.keys(CAPTURE.body.data)) expect(Object.keys(actual.data)).toContain(key);
    expect(sortedKeys(actual.data)).toEqual(
      ['after', 'before', 'children', 'dist', 'facets', 'geo_filter', 'modhash'].sort(),
    );
  });

  it('has links with every key of the captured links, with the same value types', () => {
    // `edited` is false, or the time of the edit (the first captured link was edited)
    for (const { data: reference } of CAPTURE.body.data.children) {
      const diffs = actual.data.children.flatMap((c) => contractDiff(c.data, reference, ['$.edited']));
      expect(diffs).toEqual([]);
    }
    expect(actual.data.children.every((c) => c.data['edited'] === false)).toBe(true);
    for (const c of actual.data.children) {
      for (const key of NEWER_LINK_KEYS) expect(Object.keys(c.data)).toContain(key);
    }
  });

  it("has the capture's value formats: fullname, permalink, url, created_utc, domain", () => {
    const ref = CAPTURE.body.data.children[1].data;
    for (const c of actual.data.children) {
      const d = c.data;
      expect(d['name']).toBe(`t3_${String(d['id'])}`);
      expect(String(d['id'])).toMatch(/^[0-9a-z]+$/);
      expect(String(d['permalink'])).toMatch(/^\/r\/\w+\/comments\/[0-9a-z]+\/\w*\/$/);
      expect(d['domain']).toBe(`self.${String(d['subreddit'])}`);
      expect(String(d['subreddit_id'])).toMatch(/^t5_[0-9a-z]+$/);
      expect(d['created_utc']).toEqual(expect.any(Number));
      expect(d['is_self']).toBe(ref['is_self']);
    }
    expect(String(ref['url'])).toMatch(/^https:\/\/www\.reddit\.com\/r\//);
  });
});
