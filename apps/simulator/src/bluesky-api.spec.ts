import { BLUESKY_POLICY, BLUESKY_RATE_STYLE } from './bluesky-errors';
import type { RunningSimulator } from './index';
import { decodeTid } from './native-ids';
import { get, publish, published, startTestSimulator, type PublishedItem } from './testing';

interface Ref {
  uri: string;
  cid: string;
}
interface PostView {
  uri: string;
  cid: string;
  author: {
    did: string;
    handle: string;
    displayName: string;
    avatar: string;
    labels: unknown[];
    createdAt: string;
  };
  record: {
    $type: string;
    text: string;
    createdAt: string;
    langs: string[];
    reply?: { root: Ref; parent: Ref };
    facets?: { index: { byteStart: number; byteEnd: number }; features: Record<string, string>[] }[];
  };
  replyCount: number;
  repostCount: number;
  likeCount: number;
  quoteCount: number;
  indexedAt: string;
  labels: unknown[];
}
interface SearchBody {
  cursor?: string;
  hitsTotal: number;
  posts: PostView[];
}

function path(params: Record<string, string>): string {
  return `/bluesky/xrpc/app.bsky.feed.searchPosts?${new URLSearchParams(params).toString()}`;
}

const uris = (b: SearchBody) => b.posts.map((p) => p.uri);
const newestFirst = (items: PublishedItem[]) => items.map((p) => p.external_id).reverse();

describe('Bluesky: GET /bluesky/xrpc/app.bsky.feed.searchPosts', () => {
  let sim: RunningSimulator;
  let lumio: string[];
  const hour = 3600_000;
  const at = (msAgo: number) => new Date(Math.floor((Date.now() - msAgo) / 1000) * 1000).toISOString();

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 51, backfillPosts: 300, backfillHours: 5 });
    await publish(sim, { count: 100, platform: 'bluesky' });
    await publish(sim, {
      posts: [
        { text: 'windowed Lumio post, three hours ago', created_at: at(3 * hour), platform: 'bluesky' },
        { text: 'windowed Lumio post, two hours ago', created_at: at(2 * hour), platform: 'bluesky' },
        { text: 'windowed Lumio post, one hour ago', created_at: at(hour), platform: 'bluesky' },
        {
          text: 'Café crème et #LumioFibre ✨ @lumio',
          platform: 'bluesky',
          username: 'julie_dupont',
          lang: 'fr',
        },
      ],
    });
    lumio = newestFirst((await published(sim, 'lumio', 'bluesky')).items);
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('requires a bearer token: 401 in XRPC shape', async () => {
    const none = await get(sim, path({ q: 'lumio' }), {});
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: 'AuthMissing', message: 'Authentication Required' });
    const bad = await get(sim, path({ q: 'lumio' }), { authorization: 'Bearer invalid' });
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
  });

  it('answers {cursor, hitsTotal, posts} of PostViews shaped as the lexicon says (viewer: authenticated)', async () => {
    const r = await get<SearchBody>(sim, path({ q: 'lumio' }));
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual(['cursor', 'hitsTotal', 'posts']);
    expect(r.json.hitsTotal).toBe(lumio.length);
    expect(r.json.posts).toHaveLength(25);
    for (const p of r.json.posts) {
      expect(Object.keys(p).sort()).toEqual(
        [
          'author',
          'cid',
          'indexedAt',
          'labels',
          'likeCount',
          'quoteCount',
          'record',
          'replyCount',
          'repostCount',
          'uri',
          'viewer',
        ].sort(),
      );
      expect(Object.keys(p.author).sort()).toEqual([
        'avatar',
        'createdAt',
        'did',
        'displayName',
        'handle',
        'labels',
        'viewer',
      ]);
      expect(p.uri).toMatch(/^at:\/\/did:plc:[a-z2-7]{24}\/app\.bsky\.feed\.post\/[234567a-z]{13}$/);
      expect(p.uri.startsWith(`at://${p.author.did}/`)).toBe(true);
      expect(p.cid).toMatch(/^bafyrei[a-z2-7]{52}$/);
      expect(p.author.handle).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?\.bsky\.social$/);
      expect(p.record.$type).toBe('app.bsky.feed.post');
      expect(['$type', 'createdAt', 'facets', 'langs', 'reply', 'text']).toEqual(
        expect.arrayContaining(Object.keys(p.record)),
      );
      expect(p.record.langs).toHaveLength(1);
      for (const n of [p.replyCount, p.repostCount, p.likeCount, p.quoteCount])
        expect(Number.isInteger(n)).toBe(true);
      // the record key is a TID of the creation time: microseconds << 10 | clock id
      const tid = decodeTid(p.uri.split('/').pop() ?? '');
      const micros = Number((tid ?? 0n) >> 10n);
      expect(micros).toBeGreaterThanOrEqual(Date.parse(p.record.createdAt) * 1000);
      expect(micros).toBeLessThan(Date.parse(p.record.createdAt) * 1000 + 1_000_000);
    }
  });

  it('sort=latest (the default) is newest first, and the cursor walks to exactly the ground truth', async () => {
    expect(lumio.length).toBeGreaterThan(50);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const params: Record<string, string> = { q: 'lumio', limit: '11', sort: 'latest' };
      if (cursor) params['cursor'] = cursor;
      const r: { json: SearchBody } = await get<SearchBody>(sim, path(params));
      seen.push(...uris(r.json));
      expect(r.json.hitsTotal).toBe(lumio.length);
      cursor = r.json.cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(lumio);
    expect(pages).toBe(Math.ceil(lumio.length / 11));
  });

  it('keeps its pages still while new posts arrive', async () => {
    const first = await get<SearchBody>(sim, path({ q: 'windowed OR lumio', limit: '5' }));
    const page2 = await get<SearchBody>(
      sim,
      path({ q: 'windowed OR lumio', limit: '5', cursor: first.json.cursor ?? '' }),
    );
    await publish(sim, { posts: [{ text: 'windowed newcomer', platform: 'bluesky' }] });
    const again = await get<SearchBody>(
      sim,
      path({ q: 'windowed OR lumio', limit: '5', cursor: first.json.cursor ?? '' }),
    );
    expect(uris(again.json)).toEqual(uris(page2.json));
  });

  it('sort=top orders by engagement, and its cursor covers every match once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let previous = Number.POSITIVE_INFINITY;
    do {
      const params: Record<string, string> = { q: 'lumio', limit: '20', sort: 'top' };
      if (cursor) params['cursor'] = cursor;
      const r: { json: SearchBody } = await get<SearchBody>(sim, path(params));
      for (const p of r.json.posts) {
        const engagement = p.likeCount + p.repostCount;
        expect(engagement).toBeLessThanOrEqual(previous);
        previous = engagement;
      }
      seen.push(...uris(r.json));
      cursor = r.json.cursor;
    } while (cursor);
    expect([...seen].sort()).toEqual([...lumio].sort());
  });

  it('bounds createdAt with since (inclusive) and until (exclusive)', async () => {
    const items = (await published(sim, '"windowed lumio post"', 'bluesky')).items; // oldest first
    expect(items).toHaveLength(3);
    const since = items[1].created_at; // two hours ago
    const until = items[2].created_at; // one hour ago
    const r = await get<SearchBody>(sim, path({ q: 'windowed', since, until }));
    expect(uris(r.json)).toEqual([items[1].external_id]);
    const open = await get<SearchBody>(sim, path({ q: '"windowed lumio post"', since }));
    expect(uris(open.json)).toEqual([items[2].external_id, items[1].external_id]);
    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const dated = await get<SearchBody>(sim, path({ q: '"windowed lumio post"', until: day }));
    expect(dated.json.posts).toHaveLength(3);
  });

  it('understands words, "phrases", -exclusion, #tags, lang:, from:, and the lang/author/tag parameters', async () => {
    const check = async (params: Record<string, string>, x: string) => {
      const r = await get<SearchBody>(sim, path({ limit: '100', ...params }));
      expect(uris(r.json)).toEqual(newestFirst((await published(sim, x, 'bluesky')).items).slice(0, 100));
    };
    await check({ q: 'lumio -zapp' }, 'lumio -zapp');
    await check({ q: '"crème et"' }, '"crème et"');
    await check({ q: '#lumiofibre' }, '#lumiofibre');
    await check({ q: 'lumio lang:fr' }, 'lumio lang:fr');
    await check({ q: 'lumio', lang: 'fr' }, 'lumio lang:fr');
    await check({ q: 'from:julie-dupont.bsky.social' }, 'from:julie_dupont');
    await check({ q: 'lumio', author: 'julie-dupont.bsky.social' }, 'lumio from:julie_dupont');
    await check({ q: 'café', tag: 'LumioFibre' }, 'café #lumiofibre');
    const nobody = await get<SearchBody>(sim, path({ q: 'from:nobody-here.bsky.social' }));
    expect(nobody.json).toEqual({ hitsTotal: 0, posts: [] });
  });

  it('marks up facets with UTF-8 byte offsets', async () => {
    const r = await get<SearchBody>(sim, path({ q: 'café' }));
    const post = r.json.posts[0];
    const bytes = Buffer.from(post.record.text);
    const spans = (post.record.facets ?? []).map((f) => [
      bytes.subarray(f.index.byteStart, f.index.byteEnd).toString(),
      f.features[0]['$type'],
    ]);
    expect(spans).toEqual([
      ['#LumioFibre', 'app.bsky.richtext.facet#tag'],
      ['@lumio', 'app.bsky.richtext.facet#mention'],
    ]);
  });

  it('gives replies their root and parent references', async () => {
    const all = (await published(sim, undefined, 'bluesky')).items;
    const byId = new Map(all.map((p) => [p.id, p]));
    const [root] = await publish(sim, { posts: [{ text: 'thread root about Lumio', platform: 'bluesky' }] });
    const [middle] = await publish(sim, {
      posts: [{ text: 'thread middle', in_reply_to_tweet_id: root.id }],
    });
    await publish(sim, { posts: [{ text: 'thread leaf', in_reply_to_tweet_id: middle.id }] });
    const r = await get<SearchBody>(sim, path({ q: 'thread' }));
    const [leaf, mid, top] = r.json.posts;
    expect(top.record.reply).toBeUndefined();
    expect(mid.record.reply).toEqual({
      root: { uri: top.uri, cid: top.cid },
      parent: { uri: top.uri, cid: top.cid },
    });
    expect(leaf.record.reply).toEqual({
      root: { uri: top.uri, cid: top.cid },
      parent: { uri: mid.uri, cid: mid.cid },
    });
    // and the generated follow-ups too
    const replies = all.filter((p) => p.in_reply_to_tweet_id !== null);
    expect(replies.length).toBeGreaterThan(0);
    for (const p of replies.slice(0, 5)) {
      const found = await get<SearchBody>(sim, path({ q: `"${p.text.replace(/"/g, ' ')}"`, limit: '100' }));
      const hit = found.json.posts.find((v) => v.uri === p.external_id);
      expect(hit?.record.reply?.parent.uri).toBe(byId.get(p.in_reply_to_tweet_id ?? '')?.external_id);
      expect(hit?.record.reply?.root.uri).toBe(byId.get(p.conversation_id)?.external_id);
    }
  });

  it('refuses bad parameters with 400 InvalidRequest', async () => {
    for (const params of [
      {},
      { q: 'lumio', limit: '0' },
      { q: 'lumio', limit: '101' },
      { q: 'lumio', sort: 'oldest' },
      { q: 'lumio', since: 'yesterday' },
      { q: 'lumio', until: '2025-13-45' },
      { q: 'lumio', cursor: 'not-a-cursor' },
    ] as Record<string, string>[]) {
      const r = await get<{ error: string; message: string }>(sim, path(params));
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ error: 'InvalidRequest', message: expect.any(String) });
    }
    const first = await get<SearchBody>(sim, path({ q: 'lumio', limit: '5' }));
    const other = await get(sim, path({ q: 'zapp', limit: '5', cursor: first.json.cursor ?? '' }));
    expect(other.status).toBe(400);
    expect((await get(sim, path({ q: 'lumio', limit: '100' }))).status).toBe(200);
  });

  it('reports ratelimit-limit/-remaining/-reset/-policy, and 429s as RateLimitExceeded', async () => {
    const headers = { authorization: 'Bearer bsky-rate' };
    const a = await get(sim, path({ q: 'lumio' }), headers);
    const b = await get(sim, path({ q: 'lumio' }), headers);
    expect(a.headers.get('ratelimit-limit')).toBe('3000');
    expect(a.headers.get('ratelimit-policy')).toBe('3000;w=300');
    expect(a.headers.get('ratelimit-remaining')).toBe('2999');
    expect(b.headers.get('ratelimit-remaining')).toBe('2998');
    const reset = Number(a.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 301);
    const now = Date.now();
    const spent = { limit: 3000, used: 3000, remaining: 0, reset: 1, resetMs: 1000, exceeded: true };
    expect(BLUESKY_POLICY).toMatchObject({ limit: 3000, windowMs: 300_000 });
    expect(BLUESKY_RATE_STYLE.exceeded(spent, now).body).toEqual({
      error: 'RateLimitExceeded',
      message: 'Rate Limit Exceeded',
    });
  });
});
