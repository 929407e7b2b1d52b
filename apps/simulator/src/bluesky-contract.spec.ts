/**
 * Contract test: the simulator's Bluesky search answers with the keys and value types of a real
 * app.bsky.feed.searchPosts response (tests/fixtures/platform-payloads/bluesky, see its README).
 */
import type { RunningSimulator } from './index';
import { get, publish, startTestSimulator } from './testing';
import { contractDiff, fixture, sortedKeys } from './testing-shapes';

type Json = Record<string, unknown>;
const CAPTURE = fixture<{
  request_uri: string;
  status: { code: number };
  headers: Record<string, string>;
  body: { posts: Json[]; cursor: string };
}>('bluesky', 'searchPosts_redistricting_bskyr_cassette.json');

/**
 * what only some posts have: media embeds (never simulated), the author's associated counts, rich-text facets,
 * reply references; and facet features, a union (link, tag, mention) checked apart
 */
const CONDITIONAL = [
  '$.embed',
  '$.record.embed',
  '$.author.associated',
  '$.record.facets',
  '$.record.reply',
  '$.facets[].features',
];

describe('Bluesky contract (captured payload vs the simulator)', () => {
  let sim: RunningSimulator;
  let posts: Json[];
  let headers: Headers;
  let status: number;
  let body: Json;

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 13 });
    const [root] = await publish(sim, {
      posts: [
        {
          text: 'Texas redistricting trial starts today https://drive.example.com/brief #redistricting',
          platform: 'bluesky',
          username: 'mcpli',
        },
      ],
    });
    await publish(sim, {
      posts: [{ text: 'redistricting: day two', in_reply_to_tweet_id: root.id, username: 'mcpli' }],
    });
    const url = new URL(CAPTURE.request_uri);
    const r = await get<{ posts: Json[] }>(sim, `/bluesky${url.pathname}${url.search}`);
    ({ status, headers } = r);
    body = r.json;
    posts = r.json.posts;
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('answers the captured request with the same status, content type and rate-limit headers', () => {
    expect(status).toBe(CAPTURE.status.code);
    expect(headers.get('content-type')).toBe(CAPTURE.headers['Content-Type']);
    for (const name of ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'])
      expect(headers.get(name)).toMatch(/^[\d;w=]+$/);
    expect(headers.get('RateLimit-Policy')).toBe(CAPTURE.headers['RateLimit-Policy']);
    expect(headers.get('RateLimit-Limit')).toBe(CAPTURE.headers['RateLimit-Limit']);
  });

  it("has the body keys of the capture (and the lexicon's optional hitsTotal)", () => {
    expect(sortedKeys(body)).toEqual(['hitsTotal', 'posts']); // two posts: no next page, so no cursor
    for (const key of Object.keys(CAPTURE.body)) expect(['cursor', 'posts']).toContain(key);
  });

  it('has PostViews with every key of the captured ones, with the same value types', () => {
    expect(posts).toHaveLength(2);
    for (const reference of CAPTURE.body.posts) {
      expect(posts.flatMap((p) => contractDiff(p, reference, CONDITIONAL))).toEqual([]);
      const record = reference['record'] as Json;
      for (const p of posts) {
        const ours = p['record'] as Json;
        if ('facets' in ours)
          expect(contractDiff(ours['facets'], record['facets'], ['$[].features'])).toEqual([]);
      }
    }
    const always = (items: Json[]) =>
      Object.keys(items[0]).filter((k) => items.every((i) => k in i) && !CONDITIONAL.includes(`$.${k}`));
    for (const p of posts) {
      for (const key of always(CAPTURE.body.posts)) expect(Object.keys(p)).toContain(key);
      for (const key of always(CAPTURE.body.posts.map((c) => c['author'] as Json)))
        expect(Object.keys(p['author'] as Json)).toContain(key);
    }
  });

  it('has records like the captured ones: link facets, langs, and reply references on a reply', () => {
    const [reply, root] = posts as Array<Json & { record: Json; uri: string; cid: string }>;
    const capturedReply = CAPTURE.body.posts[2]['record'] as Json;
    expect(sortedKeys(reply.record)).toEqual(
      sortedKeys(capturedReply).filter((k) => k !== 'embed' && k !== 'facets'),
    );
    expect(reply.record['reply']).toEqual({
      root: { uri: root.uri, cid: root.cid },
      parent: { uri: root.uri, cid: root.cid },
    });
    expect(contractDiff(root.record, CAPTURE.body.posts[1]['record'], CONDITIONAL)).toEqual([]);
    const facets = root.record['facets'] as Array<{ index: Json; features: Json[] }>;
    expect(facets.map((f) => f.features[0]['$type'])).toEqual([
      'app.bsky.richtext.facet#link',
      'app.bsky.richtext.facet#tag',
    ]);
    // a link feature as in the capture
    const capturedLink = (CAPTURE.body.posts[0]['record'] as { facets: Array<{ features: Json[] }> })
      .facets[0].features[0];
    expect(sortedKeys(facets[0].features[0])).toEqual(sortedKeys(capturedLink));
    expect(root.record['langs']).toEqual(['en']);
  });
});
