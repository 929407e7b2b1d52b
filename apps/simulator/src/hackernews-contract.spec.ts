/**
 * Contract test: the simulator's Hacker News search answers with the keys and value types of a real Algolia
 * response (tests/fixtures/platform-payloads/hackernews, see its README).
 */
import type { RunningSimulator } from './index';
import { get, publish, startTestSimulator } from './testing';
import { contractDiff, fixture, sortedKeys } from './testing-shapes';

type Json = Record<string, unknown>;
const CAPTURE = fixture<Json & { hits: Json[] }>('hackernews', 'hn_algolia_search_hello_hitsPerPage1.json');

describe('Hacker News contract (captured payload vs the simulator)', () => {
  let sim: RunningSimulator;
  let actual: Json & { hits: Json[] };

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 3 });
    const [story] = await publish(sim, {
      posts: [{ text: 'Bye Bye Mongo, Hello Postgres', platform: 'hackernews', username: 'philliphaydon' }],
    });
    await publish(sim, {
      posts: [{ text: 'Hello <again> & welcome', in_reply_to_tweet_id: story.id, username: 'pg' }],
    });
    await publish(sim, { count: 20, platform: 'hackernews' });
    // the captured request
    const params = new URLSearchParams(String(CAPTURE['params']));
    const r = await get<Json & { hits: Json[] }>(
      sim,
      `/hackernews/api/v1/search?query=${encodeURIComponent(params.get('query') ?? '')}&hitsPerPage=${params.get('hitsPerPage') ?? ''}`,
      {},
    );
    actual = r.json;
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('has the top-level keys of the capture, with the same value types', () => {
    expect(sortedKeys(actual)).toEqual(sortedKeys(CAPTURE));
    expect(contractDiff({ ...actual, hits: [] }, { ...CAPTURE, hits: [] })).toEqual([]);
    expect(actual['query']).toBe('"hello"');
    expect(actual['hitsPerPage']).toBe(1);
    expect(String(actual['params'])).toMatch(/advancedSyntax=true&analyticsTags=backend$/);
  });

  it('has story hits with every key of the captured hit (url and story_text null: a text post)', () => {
    expect(actual.hits).toHaveLength(1);
    const hit = actual.hits[0];
    expect(contractDiff(hit, CAPTURE.hits[0], ['$._highlightResult.url'])).toEqual([]);
    expect(sortedKeys(hit)).toEqual([...sortedKeys(CAPTURE.hits[0]), 'story_text'].sort());
    expect(hit).toMatchObject({ title: 'Bye Bye Mongo, Hello Postgres', author: 'philliphaydon', url: null });
    const title = (hit['_highlightResult'] as Record<string, Json>)['title'];
    expect(title).toEqual({
      fullyHighlighted: false,
      matchLevel: 'full',
      matchedWords: ['hello'],
      value: 'Bye Bye Mongo, <em>Hello</em> Postgres',
    });
    // the same author, highlighted the same way
    expect((hit['_highlightResult'] as Record<string, Json>)['author']).toEqual(
      (CAPTURE.hits[0]['_highlightResult'] as Record<string, Json>)['author'],
    );
  });

  it('has comment hits with the common keys, the comment fields, and HTML-escaped text', async () => {
    const r = await get<{ hits: Json[] }>(
      sim,
      '/hackernews/api/v1/search_by_date?tags=comment&query=hello',
      {},
    );
    expect(r.json.hits).toHaveLength(1);
    const c = r.json.hits[0];
    const common = [
      '_highlightResult',
      '_tags',
      'author',
      'children',
      'created_at',
      'created_at_i',
      'objectID',
      'updated_at',
    ];
    for (const key of common) expect(Object.keys(c)).toContain(key);
    expect(contractDiff(c, CAPTURE.hits[0], ['$._highlightResult.title', '$._highlightResult.url'])).toEqual(
      [],
    );
    expect(c).toMatchObject({
      comment_text: 'Hello &lt;again&gt; &amp; welcome',
      story_title: 'Bye Bye Mongo, Hello Postgres',
      title: null,
      author: 'pg',
      parent_id: expect.any(Number),
      story_id: expect.any(Number),
    });
    expect(c['story_id']).toBe(c['parent_id']);
    expect(c['_tags']).toEqual(['comment', 'author_pg', `story_${String(c['story_id'])}`]);
  });
});
