import { HACKERNEWS_POLICY, HACKERNEWS_RATE_STYLE } from './hackernews-errors';
import type { RunningSimulator } from './index';
import { get, publish, published, startTestSimulator, type PublishedItem } from './testing';

interface Hit {
  objectID: string;
  created_at: string;
  created_at_i: number;
  author: string;
  points: number | null;
  num_comments: number | null;
  title: string | null;
  comment_text?: string;
  story_id: number | null;
  parent_id?: number | null;
  story_title?: string | null;
  _tags: string[];
  [key: string]: unknown;
}
interface Result {
  hits: Hit[];
  nbHits: number;
  page: number;
  nbPages: number;
  hitsPerPage: number;
  query: string;
  params: string;
}

function byDate(params: Record<string, string>): string {
  return `/hackernews/api/v1/search_by_date?${new URLSearchParams(params).toString()}`;
}

const newestFirst = (items: PublishedItem[]) => items.map((p) => p.external_id).reverse();

describe('Hacker News (Algolia): GET /hackernews/api/v1/search(_by_date)', () => {
  let sim: RunningSimulator;
  let lumio: string[];

  beforeAll(async () => {
    sim = await startTestSimulator({ seed: 41, backfillPosts: 400, backfillHours: 6 });
    await publish(sim, { count: 80, platform: 'hackernews' });
    lumio = newestFirst((await published(sim, 'lumio', 'hackernews')).items);
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('needs no token, and sends no rate-limit headers', async () => {
    const r = await get<Result>(sim, byDate({ query: 'lumio' }), {});
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect([...r.headers.keys()].filter((h) => /rate|retry/i.test(h))).toEqual([]);
  });

  it('search_by_date: Hacker News posts only, newest first, 20 a page by default, with nbHits and nbPages', async () => {
    expect(lumio.length).toBeGreaterThan(40);
    const r = await get<Result>(sim, byDate({ query: 'lumio' }));
    expect(r.json).toMatchObject({ nbHits: lumio.length, page: 0, hitsPerPage: 20, query: 'lumio' });
    expect(r.json.nbPages).toBe(Math.ceil(lumio.length / 20));
    expect(r.json.hits.map((h) => h.objectID)).toEqual(lumio.slice(0, 20));
    expect(r.json.params).toBe('query=lumio&advancedSyntax=true&analyticsTags=backend');
    const times = r.json.hits.map((h) => h.created_at_i);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const h of r.json.hits) {
      expect(h.created_at).toBe(new Date(h.created_at_i * 1000).toISOString().replace('.000Z', 'Z'));
      expect(h.objectID).toMatch(/^\d+$/);
    }
    const max = await get<Result>(sim, byDate({ query: 'lumio', hitsPerPage: '5000' }));
    expect(max.json.hitsPerPage).toBe(1000);
    expect(max.json.hits).toHaveLength(lumio.length);
  });

  it('objectIDs grow with time', async () => {
    const all = (await published(sim, undefined, 'hackernews')).items;
    const ids = all.map((p) => Number(p.external_id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('walks every page: exactly the ground truth, no gap, no duplicate', async () => {
    const ids: string[] = [];
    let page = 0;
    let nbPages = 1;
    while (page < nbPages) {
      const r = await get<Result>(sim, byDate({ query: 'lumio', hitsPerPage: '7', page: String(page) }));
      nbPages = r.json.nbPages;
      ids.push(...r.json.hits.map((h) => h.objectID));
      page++;
    }
    expect(ids).toEqual(lumio);
    const beyond = await get<Result>(
      sim,
      byDate({ query: 'lumio', hitsPerPage: '7', page: String(nbPages) }),
    );
    expect(beyond.json.hits).toEqual([]);
  });

  it('matches words (AND), "phrases" and -exclusions; an empty query matches everything', async () => {
    for (const [q, x] of [
      ['lumio nordlink', 'lumio nordlink'],
      ['"fibre" -zapp', '"fibre" -zapp'],
      ['LUMIO', 'lumio'],
    ]) {
      const r = await get<Result>(sim, byDate({ query: q, hitsPerPage: '1000' }));
      expect(r.json.hits.map((h) => h.objectID)).toEqual(
        newestFirst((await published(sim, x, 'hackernews')).items),
      );
    }
    const everything = await get<Result>(sim, byDate({ query: '', hitsPerPage: '1000' }));
    expect(everything.json.nbHits).toBe((await published(sim, undefined, 'hackernews')).count);
  });

  it("renders follow-ups as comments on the conversation's story, and the rest as stories", async () => {
    const r = await get<Result>(sim, byDate({ query: '', hitsPerPage: '1000' }));
    const byId = new Map(r.json.hits.map((h) => [h.objectID, h]));
    const comments = r.json.hits.filter((h) => h._tags[0] === 'comment');
    const stories = r.json.hits.filter((h) => h._tags[0] === 'story');
    expect(comments.length).toBeGreaterThan(0);
    expect(stories.length).toBeGreaterThan(comments.length);
    for (const s of stories) {
      expect(s).toMatchObject({
        title: expect.any(String),
        url: null,
        story_text: null,
        points: expect.any(Number),
      });
      expect(s.story_id).toBe(Number(s.objectID));
      expect(s._tags).toEqual(['story', `author_${s.author}`, `story_${s.objectID}`]);
    }
    for (const c of comments) {
      expect(c).toMatchObject({
        title: null,
        comment_text: expect.any(String),
        parent_id: expect.any(Number),
      });
      const story = byId.get(String(c.story_id));
      expect(story?._tags[0]).toBe('story');
      expect(c.story_title).toBe(story?.title);
      expect(c._tags).toEqual(['comment', `author_${c.author}`, `story_${c.story_id}`]);
      const parent = byId.get(String(c.parent_id));
      expect(parent?.['children']).toContain(Number(c.objectID));
    }
  });

  it('filters by tags: story, comment, (story,comment), author_…, story_…', async () => {
    const count = async (tags: string) =>
      (await get<Result>(sim, byDate({ query: '', tags, hitsPerPage: '1000' }))).json.hits;
    const stories = await count('story');
    const comments = await count('comment');
    const both = await count('(story,comment)');
    expect(stories.every((h) => h._tags[0] === 'story')).toBe(true);
    expect(comments.every((h) => h._tags[0] === 'comment')).toBe(true);
    expect(both.length).toBe(stories.length + comments.length);
    const author = stories[0].author;
    const mine = await count(`story,author_${author}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((h) => h.author === author && h._tags[0] === 'story')).toBe(true);
    const thread = comments[0].story_id;
    const inThread = await count(`story_${thread}`);
    expect(inThread.map((h) => h.objectID)).toContain(String(thread));
    expect(inThread.every((h) => h.story_id === thread)).toBe(true);
  });

  it('filters by numericFilters on created_at_i (>, >=, <, <=, comma = AND), points, num_comments', async () => {
    const all = (await get<Result>(sim, byDate({ query: 'lumio', hitsPerPage: '1000' }))).json.hits;
    const pivot = all[Math.floor(all.length / 2)].created_at_i;
    const check = async (filter: string, keep: (h: Hit) => boolean) => {
      const r = await get<Result>(
        sim,
        byDate({ query: 'lumio', numericFilters: filter, hitsPerPage: '1000' }),
      );
      expect(r.json.hits.map((h) => h.objectID)).toEqual(all.filter(keep).map((h) => h.objectID));
    };
    await check(`created_at_i>${pivot}`, (h) => h.created_at_i > pivot);
    await check(`created_at_i>=${pivot}`, (h) => h.created_at_i >= pivot);
    await check(`created_at_i<${pivot}`, (h) => h.created_at_i < pivot);
    await check(`created_at_i<=${pivot}`, (h) => h.created_at_i <= pivot);
    await check(
      `created_at_i>${pivot - 3600},created_at_i<${pivot}`,
      (h) => h.created_at_i > pivot - 3600 && h.created_at_i < pivot,
    );
    await check('points>=3', (h) => (h.points ?? -1) >= 3);
    const bad = await get<{ message: string; status: number }>(
      sim,
      byDate({ query: 'lumio', numericFilters: 'created_at_i>>3' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ message: expect.stringMatching(/numeric/), status: 400 });
  });

  it('search (by relevance) orders by points', async () => {
    const r = await get<Result>(sim, `/hackernews/api/v1/search?query=lumio&tags=story&hitsPerPage=1000`);
    const points = r.json.hits.map((h) => h.points ?? 0);
    expect(points.length).toBeGreaterThan(10);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
  });

  it('highlights the query words in _highlightResult', async () => {
    const r = await get<Result>(sim, byDate({ query: 'lumio', tags: 'story', hitsPerPage: '5' }));
    for (const h of r.json.hits) {
      const title = (h['_highlightResult'] as Record<string, { value: string; matchLevel: string }>)['title'];
      expect(title.matchLevel).toBe('full');
      expect(title.value).toMatch(/<em>lumio<\/em>/i);
    }
  });

  it('reaches at most 1,000 hits by paging, like Algolia', async () => {
    const big = await startTestSimulator({ seed: 41 });
    try {
      await publish(big, { count: 1100, platform: 'hackernews' });
      const first = await get<Result>(big, byDate({ query: '', hitsPerPage: '100' }));
      expect(first.json.nbHits).toBe(1100);
      expect(first.json.nbPages).toBe(10);
      const last = await get<Result>(big, byDate({ query: '', hitsPerPage: '100', page: '9' }));
      expect(last.json.hits).toHaveLength(100);
      const over = await get<Result>(big, byDate({ query: '', hitsPerPage: '100', page: '10' }));
      expect(over.json.hits).toEqual([]);
    } finally {
      await big.close();
    }
  });

  it('says when to retry in Retry-After when the hourly limit is spent (no other rate headers)', () => {
    const now = 1_700_000_000_000;
    const state = {
      limit: HACKERNEWS_POLICY.limit,
      used: HACKERNEWS_POLICY.limit,
      remaining: 0,
      reset: (now + 90_000) / 1000,
      resetMs: now + 90_000,
      exceeded: true,
    };
    expect(HACKERNEWS_POLICY).toMatchObject({ limit: 10_000, windowMs: 3600_000 });
    expect(HACKERNEWS_RATE_STYLE.headers(state, now)).toEqual({});
    expect(HACKERNEWS_RATE_STYLE.exceeded(state, now)).toEqual({
      headers: { 'Retry-After': '90' },
      body: { message: 'Too many requests', status: 429 },
    });
  });
});
