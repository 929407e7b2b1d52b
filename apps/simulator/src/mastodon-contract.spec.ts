/**
 * Contract test: the simulator's Mastodon routes answer with the keys and value types of real Mastodon payloads
 * (tests/fixtures/platform-payloads/mastodon, see its README).
 */
import type { RunningSimulator } from './index';
import { get, publish, startTestSimulator } from './testing';
import { contractDiff, fixture, sortedKeys } from './testing-shapes';

interface Cassette<T> {
  request_uri: string;
  status: { code: number };
  headers: Record<string, string[]>;
  body: T;
}
type Json = Record<string, unknown>;

const TAG_TIMELINE = fixture<Cassette<Json[]>>('mastodon', 'test_hashtag_tl_2.json');
const SEARCH = fixture<Cassette<Json>>('mastodon', 'test_search_2.json');
const STATUS = fixture<Json>('mastodon', 'docs_Status_example.json');

describe('Mastodon contract (captured payloads vs the simulator)', () => {
  let sim: RunningSimulator;
  let statuses: Json[];
  let tagTimeline: { body: Json[]; headers: Headers };

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 5 });
    const [root] = await publish(sim, {
      posts: [{ text: '#hoot (hashtag toot)', platform: 'mastodon', username: 'hoot_tester' }],
    });
    await publish(sim, {
      posts: [
        {
          text: '@hoot_tester "I lost my inheritance" & more: https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance #hoot',
          in_reply_to_tweet_id: root.id,
          username: 'Gargron',
        },
      ],
    });
    await publish(sim, { count: 40, platform: 'mastodon' });
    statuses = (
      await get<{ statuses: Json[] }>(sim, '/mastodon/api/v2/search?q=lumio&type=statuses&limit=40')
    ).json.statuses;
    const r = await get<Json[]>(sim, '/mastodon/api/v1/timelines/tag/hoot');
    tagTimeline = { body: r.json, headers: r.headers };
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('search answers with the keys of a real search body', async () => {
    const r = await get<Json>(
      sim,
      '/mastodon/api/v2/search?q=mastodonpy_test&resolve=1&exclude_unreviewed=1&type=statuses',
    );
    expect(r.status).toBe(SEARCH.status.code);
    expect(sortedKeys(r.json)).toEqual(sortedKeys(SEARCH.body));
    expect(r.headers.get('content-type')).toBe(SEARCH.headers['content-type'][0]);
  });

  it('statuses have every key of the real Status entities, with the same value types', () => {
    expect(statuses.length).toBeGreaterThan(5);
    const all = [...statuses, ...tagTimeline.body];
    for (const reference of [STATUS, TAG_TIMELINE.body[0]]) {
      // the captures carry a link card and a Patreon field; simulated posts have none (null / [] are fine)
      expect(all.flatMap((s) => contractDiff(s, reference))).toEqual([]);
    }
    const refKeys = new Set([...Object.keys(STATUS), ...Object.keys(TAG_TIMELINE.body[0])]);
    for (const s of all) expect(sortedKeys(s)).toEqual([...refKeys].sort());
  });

  it('accounts have every key of the real Account entities', () => {
    const refKeys = new Set([
      ...Object.keys(STATUS['account'] as Json),
      ...Object.keys(TAG_TIMELINE.body[0]['account'] as Json),
    ]);
    for (const s of statuses) {
      const account = s['account'] as Json;
      expect(sortedKeys(account)).toEqual([...refKeys].sort());
      expect(account['id']).toMatch(/^\d+$/);
      expect(account['acct']).toBe(account['username']);
    }
  });

  it('renders a hashtag post exactly as the real server did (bar the host)', () => {
    const real = TAG_TIMELINE.body[0];
    const ours = tagTimeline.body[tagTimeline.body.length - 1];
    const host = (s: unknown) => String(JSON.stringify(s)).replace(/http:\/\/localhost:3000/g, 'HOST');
    const simHost = (s: unknown) => String(JSON.stringify(s)).replace(/https:\/\/mastodon\.example/g, 'HOST');
    expect(simHost(ours['content'])).toBe(host(real['content']));
    expect(simHost(ours['tags'])).toBe(host(real['tags']));
    expect(ours['visibility']).toBe('public');
    expect(ours['url']).toMatch(/^https:\/\/mastodon\.example\/@hoot_tester\/\d+$/);
  });

  it('marks up mentions, links and escapes text like Mastodon, and links a reply to its parent', () => {
    const reply = tagTimeline.body[0];
    const parent = tagTimeline.body[1];
    expect(reply['in_reply_to_id']).toBe(parent['id']);
    expect(reply['in_reply_to_account_id']).toBe((parent['account'] as Json)['id']);
    expect(reply['content']).toBe(
      '<p><span class="h-card" translate="no"><a href="https://mastodon.example/@hoot_tester" class="u-url mention">@<span>hoot_tester</span></a></span>' +
        ' &quot;I lost my inheritance&quot; &amp; more: ' +
        '<a href="https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance" target="_blank" rel="nofollow noopener" translate="no">' +
        '<span class="invisible">https://www.</span><span class="ellipsis">theguardian.com/money/2019/dec</span>' +
        '<span class="invisible">/07/i-lost-my-193000-inheritance</span></a> ' +
        '<a href="https://mastodon.example/tags/hoot" class="mention hashtag" rel="tag">#<span>hoot</span></a></p>',
    );
    expect(reply['mentions']).toEqual([
      expect.objectContaining({ username: 'hoot_tester', acct: 'hoot_tester' }),
    ]);
  });

  it('sends the Link and X-RateLimit-* headers the real server sends', () => {
    for (const name of Object.keys(TAG_TIMELINE.headers))
      expect(tagTimeline.headers.get(name)).not.toBeNull();
    const shape = (link: string) =>
      link.replace(/<[^>]*\/api\/v1\/timelines\/tag\/hoot\?(max_id|min_id)=\d+>/g, '<URL?$1=ID>');
    expect(shape(tagTimeline.headers.get('link') ?? '')).toBe(shape(TAG_TIMELINE.headers['link'][0]));
    expect(tagTimeline.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(TAG_TIMELINE.headers['x-ratelimit-reset'][0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });
});
