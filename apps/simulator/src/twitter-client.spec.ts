/**
 * The real client library against the simulator: twitter-api-v2 has no base-URL option, so a plugin rewrites
 * each request's URL to the simulator (DESIGN §5), and an http.Agent makes plain HTTP possible.
 */
import * as http from 'node:http';
import {
  ApiResponseError,
  TwitterApi,
  type ITwitterApiClientPlugin,
  type Tweetv2SearchParams,
} from 'twitter-api-v2';
import type { RunningSimulator } from './index';
import { call, publish, published, setFaults, startTestSimulator, type ItemList } from './testing';

const BRAND_QUERY = '(Lumio OR #Lumio OR @lumio) -is:retweet';
const FIELDS: Partial<Tweetv2SearchParams> = {
  'tweet.fields': [
    'author_id',
    'created_at',
    'lang',
    'conversation_id',
    'public_metrics',
    'in_reply_to_user_id',
    'referenced_tweets',
    'entities',
  ],
  expansions: ['author_id', 'referenced_tweets.id'],
  'user.fields': ['name', 'username', 'verified', 'profile_image_url', 'public_metrics'],
};

function toSimulator(baseUrl: string, seenHosts: string[]): ITwitterApiClientPlugin {
  const target = new URL(baseUrl);
  return {
    onBeforeRequest({ computedParams }) {
      seenHosts.push(computedParams.url.host);
      computedParams.url.protocol = target.protocol;
      computedParams.url.host = target.host;
    },
  };
}

describe('twitter-api-v2 against the simulator', () => {
  let sim: RunningSimulator;
  let client: TwitterApi;
  const agent = new http.Agent({ keepAlive: false });
  const hosts: string[] = [];

  beforeAll(async () => {
    sim = await startTestSimulator({ platforms: ['x'] });
    client = new TwitterApi('test-bearer-token', {
      plugins: [toSimulator(sim.url, hosts)],
      httpAgent: agent,
    });
    // enough for the brand query to span three pages of 10 whatever the seed's mix (80 gave 19 to 30)
    await publish(sim, { count: 160 });
  });
  afterAll(async () => {
    await sim?.close();
    agent.destroy();
  });

  it('searches, walks every page with next_token, and finds exactly the ground truth, newest first', async () => {
    const truth = await published(sim, BRAND_QUERY, 'x');
    expect(truth.count).toBeGreaterThan(20);
    const paginator = await client.v2.search(BRAND_QUERY, { max_results: 10, ...FIELDS });
    expect(paginator.tweets).toHaveLength(10);
    expect(paginator.meta.next_token).toEqual(expect.any(String));
    await paginator.fetchLast(1000);
    const ids = paginator.tweets.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(truth.items.map((p) => p.id).sort());
    expect([...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1))).toEqual(ids);
    // the library joins the includes: every author is there
    for (const t of paginator.tweets) expect(paginator.includes.author(t)?.id).toBe(t.author_id);
    expect(paginator.rateLimit).toMatchObject({ limit: 1800 });
    expect(paginator.rateLimit.remaining).toBeLessThan(1800);
    // the URL was built for the real host, and the plugin sent it to the simulator
    expect(new Set(hosts)).toEqual(new Set(['api.x.com']));
  });

  it('polls with since_id: only what is new since', async () => {
    const first = await client.v2.search(BRAND_QUERY, { max_results: 100 });
    const newest = first.meta.newest_id;
    const fresh = await publish(sim, {
      posts: [
        { text: '@lumio my internet is down again', username: 'poller_one' },
        { text: 'Lumio fibre install went smoothly', username: 'poller_two' },
        { text: 'nothing about the brand here', username: 'poller_three' },
      ],
    });
    const next = await client.v2.search(BRAND_QUERY, { since_id: newest, max_results: 10, ...FIELDS });
    expect(next.tweets.map((t) => t.id)).toEqual([fresh[1].id, fresh[0].id]);
    expect(next.meta.next_token).toBeUndefined();
    const none = await client.v2.search(BRAND_QUERY, { since_id: next.meta.newest_id });
    expect(none.tweets).toEqual([]);
    expect(none.meta.result_count).toBe(0);
  });

  it('replies, and the reply shows once in /__sim/replies and in the conversation', async () => {
    const [complaint] = await publish(sim, {
      posts: [{ text: '@lumio no signal since this morning', username: 'julie_dupont' }],
    });
    const text = 'So sorry about this! We are looking into it, could you DM us your postcode?';
    const result = await client.v2.reply(text, complaint.id);
    expect(result.data).toEqual({
      id: expect.stringMatching(/^\d+$/),
      text,
      edit_history_tweet_ids: [result.data.id],
    });
    expect(BigInt(result.data.id) > BigInt(complaint.id)).toBe(true);

    const replies = await call<
      ItemList<{ id: string; text: string; in_reply_to_tweet_id: string; created_at: string }>
    >(sim, 'GET', '/__sim/replies');
    const ours = replies.json.items.filter((r) => r.text === text);
    expect(ours).toEqual([
      { id: result.data.id, text, in_reply_to_tweet_id: complaint.id, created_at: expect.any(String) },
    ]);

    // how the reply connector finds a posted reply again: the brand's posts in that conversation
    const thread = await client.v2.search(`conversation_id:${complaint.conversation_id} from:lumio`, {
      'tweet.fields': ['referenced_tweets', 'conversation_id', 'in_reply_to_user_id', 'author_id'],
    });
    expect(thread.tweets).toHaveLength(1);
    expect(thread.tweets[0]).toMatchObject({
      id: result.data.id,
      text,
      conversation_id: complaint.conversation_id,
      author_id: '1500000000000000001',
      in_reply_to_user_id: complaint.author_id,
      referenced_tweets: [{ type: 'replied_to', id: complaint.id }],
    });
  });

  it('surfaces X errors as the library expects them: 400, 401, 403, 429 with its reset', async () => {
    await expect(client.v2.search('(unbalanced', {})).rejects.toMatchObject({
      code: 400,
      data: { title: 'Invalid Request' },
    });
    const anonymous = new TwitterApi('', { plugins: [toSimulator(sim.url, [])], httpAgent: agent });
    await expect(anonymous.v2.get('tweets/search/recent', { query: 'lumio' })).rejects.toMatchObject({
      code: 401,
    });
    await expect(client.v2.reply('hello', '123')).rejects.toMatchObject({ code: 403 });
    await setFaults(sim, { queue: ['429json'] });
    const error: unknown = await client.v2.search('lumio').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiResponseError);
    const e = error as ApiResponseError;
    expect(e.code).toBe(429);
    expect(e.rateLimitError).toBe(true);
    expect(e.rateLimit?.remaining).toBe(0);
    expect(e.rateLimit?.reset).toBeGreaterThan(Date.now() / 1000);
  });
});
