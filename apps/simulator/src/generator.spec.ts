import { buildAuthorPool, POOL_SIZE } from './authors';
import { generatePost, initialGeneratorState, type GeneratorContext } from './generator';
import { incidentAt, incidentInWindow, INCIDENT_WINDOW_MS } from './incidents';
import { seededRng } from './random';
import { arrivals, burstRate } from './schedule';
import type { PostIntent, SimPost } from './model';
import { matches, matchTarget } from './query-matcher';
import { parseQuery } from './query-parser';
import { Simulation } from './simulation';
import { textLength } from './text';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);

/** `count` posts, `stepMs` apart from `startMs` */
function stream(
  seed: number,
  count: number,
  startMs = T0,
  stepMs = 4000,
): { sim: Simulation; posts: SimPost[] } {
  const sim = new Simulation(seed);
  const posts = Array.from({ length: count }, (_, i) => sim.generate(startMs + i * stepMs));
  return { sim, posts };
}

function share<T>(items: T[], pred: (item: T) => boolean): number {
  return items.filter(pred).length / items.length;
}

describe('generatePost (pure)', () => {
  const pool = buildAuthorPool(42);
  const ctx: GeneratorContext = { seed: 42, pool, threads: [] };

  it('returns the same post for the same state, time and context, and leaves the state untouched', () => {
    const state = initialGeneratorState(42);
    const before = [...state.getState()];
    const at = new Date(T0);
    const a = generatePost(state, at, ctx);
    const b = generatePost(state, at, ctx);
    expect(a.post).toEqual(b.post);
    expect([...state.getState()]).toEqual(before);
    expect([...a.state.getState()]).not.toEqual(before);
  });

  it('chains: feeding back the returned state gives the next post', () => {
    const first = generatePost(initialGeneratorState(42), new Date(T0), ctx);
    const second = generatePost(first.state, new Date(T0 + 1000), ctx);
    expect(second.post.text).not.toBe(first.post.text);
    expect(second.post.createdAt).toBe(new Date(T0 + 1000).toISOString());
  });
});

describe('the seeded stream', () => {
  it('is deterministic: the same seed gives the same posts, another seed others', () => {
    const view = (p: SimPost) => [p.id, p.text, p.lang, p.intent, p.authorId, p.inReplyTo?.tweetId ?? null];
    const a = stream(42, 300).posts.map(view);
    const b = stream(42, 300).posts.map(view);
    const c = stream(43, 300).posts.map(view);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    const sameText = c.filter((p, i) => p[1] === a[i][1]).length;
    expect(sameText / c.length).toBeLessThan(0.05);
  });

  describe('mix', () => {
    // two days of posts, so that incident bursts weigh as they do over time
    const { sim, posts } = stream(42, 3000, T0, 60_000);

    it('is about 70% English and 30% French', () => {
      const en = share(posts, (p) => p.lang === 'en');
      expect(en).toBeGreaterThan(0.64);
      expect(en).toBeLessThan(0.78);
      expect(share(posts, (p) => p.lang === 'fr')).toBeCloseTo(1 - en, 5);
    });

    it('has every intent in roughly the designed proportions', () => {
      const expected: Record<PostIntent, [number, number]> = {
        complaint: [0.24, 0.42],
        question: [0.13, 0.28],
        praise: [0.08, 0.22],
        neutral: [0.12, 0.3],
        spam: [0.04, 0.14],
        abuse: [0.01, 0.08],
      };
      for (const [intent, [lo, hi]] of Object.entries(expected)) {
        const s = share(posts, (p) => p.intent === intent);
        expect([intent, s >= lo && s <= hi, s]).toEqual([intent, true, s]);
      }
    });

    it('mostly mentions the brand, sometimes the competitors or the campaign; all of it is findable', () => {
      const q = (query: string) => {
        const node = parseQuery(query);
        return share(posts, (p) => {
          const author = sim.store.user(p.authorId);
          const parent = p.inReplyTo ? sim.store.user(p.inReplyTo.userId) : undefined;
          return matches(
            node,
            matchTarget(p, author ?? { username: '', verified: false }, parent?.username ?? null),
          );
        });
      };
      const brand = q('Lumio OR #Lumio OR @lumio');
      const competitors = q('Nordlink OR #Nordlink OR @nordlink OR Zapp OR #ZappMobile OR @zappmobile');
      const campaign = q('#LumioFibre');
      expect(brand).toBeGreaterThan(0.7);
      expect(competitors).toBeGreaterThan(0.12);
      expect(competitors).toBeLessThan(0.4);
      expect(campaign).toBeGreaterThan(0.05);
      expect(
        q(
          'Lumio OR #Lumio OR @lumio OR Nordlink OR @nordlink OR #Nordlink OR Zapp OR #ZappMobile OR @zappmobile OR #LumioFibre',
        ),
      ).toBe(1);
    });

    it('writes texts of at most 280 characters that rarely repeat verbatim', () => {
      expect(posts.every((p) => textLength(p.text) >= 3 && textLength(p.text) <= 280)).toBe(true);
      const originals = posts.filter((p) => p.retweetOf === undefined);
      expect(new Set(originals.map((p) => p.text)).size / originals.length).toBeGreaterThan(0.9);
    });

    it('writes French posts in French and English posts in English', () => {
      const fr = posts.filter((p) => p.lang === 'fr' && p.retweetOf === undefined && p.intent !== 'spam');
      const en = posts.filter((p) => p.lang === 'en' && p.retweetOf === undefined && p.intent !== 'spam');
      const frenchWords =
        /\b(je|j’|le|la|les|des|est|pas|ça|à|chez|depuis|toujours|merci|encore|vous|une|un|du)\b/i;
      expect(share(fr, (p) => frenchWords.test(p.text))).toBeGreaterThan(0.8);
      expect(
        share(en, (p) => /\b(the|my|is|and|to|in|on|for|with|it|i|you|of|a)\b/i.test(p.text)),
      ).toBeGreaterThan(0.8);
    });

    it('includes follow-ups by the same author in the same conversation', () => {
      const byId = new Map(posts.map((p) => [p.id, p]));
      const followUps = posts.filter(
        (p) => p.inReplyTo && byId.get(p.inReplyTo.tweetId)?.authorId === p.authorId,
      );
      expect(followUps.length).toBeGreaterThan(20);
      for (const f of followUps) {
        const parent = byId.get(f.inReplyTo?.tweetId ?? '');
        expect(f.conversationId).toBe(parent?.conversationId);
        expect(f.inReplyTo?.userId).toBe(f.authorId);
        expect(BigInt(f.id) > BigInt(parent?.id ?? '0')).toBe(true);
        expect(Date.parse(f.createdAt) - Date.parse(parent?.createdAt ?? '')).toBeGreaterThanOrEqual(
          3 * 60_000,
        );
      }
    });

    it('includes some retweets and spam with links', () => {
      expect(share(posts, (p) => p.retweetOf !== undefined)).toBeGreaterThan(0.01);
      const spam = posts.filter((p) => p.intent === 'spam');
      expect(
        share(
          spam,
          (p) =>
            (p.entities.urls ?? []).length === 1 &&
            /^https:\/\/t\.co\//.test(p.text.split(' ').find((w) => w.startsWith('https://')) ?? ''),
        ),
      ).toBe(1);
      expect(spam.every((p) => sim.store.user(p.authorId)?.kind === 'spammer')).toBe(true);
    });
  });

  it('bursts with complaints about an incident while one is on', () => {
    let windowIndex = Math.floor(T0 / INCIDENT_WINDOW_MS);
    let incident = incidentInWindow(42, windowIndex);
    while (!incident) incident = incidentInWindow(42, ++windowIndex);
    const during = stream(
      42,
      200,
      incident.startMs,
      Math.floor((incident.endMs - incident.startMs) / 200),
    ).posts;
    const about = during.filter((p) => p.incidentId === incident.id);
    expect(about.length / during.length).toBeGreaterThan(0.4);
    expect(about.every((p) => p.intent === 'complaint')).toBe(true);
    const city = incident.city.toLowerCase();
    expect(share(about, (p) => p.text.toLowerCase().includes(city))).toBeGreaterThan(0.5);
    const before = stream(42, 200, incident.startMs - 3 * 3600_000, 1000).posts;
    expect(before.some((p) => p.incidentId === incident.id)).toBe(false);
  });

  it('has people answer the brand when it replies', () => {
    const { sim, posts } = stream(42, 60);
    // the brand answers on X
    const complaint = posts.find(
      (p) => p.platform === 'x' && p.intent === 'complaint' && !p.inReplyTo && !p.retweetOf,
    );
    if (!complaint) throw new Error('no complaint to answer');
    const reply = sim.postAsBrand(
      'So sorry! Could you DM us your account number?',
      complaint.id,
      T0 + 61 * 4000,
    );
    const soon = Array.from({ length: 10 }, (_, i) => sim.generate(T0 + 62 * 4000 + i * 4000));
    expect(soon.some((p) => p.inReplyTo?.tweetId === reply.id)).toBe(false); // not within seconds
    const later = Array.from({ length: 40 }, (_, i) => sim.generate(T0 + 61 * 4000 + 60_000 + i * 4000));
    const answers = later.filter((p) => p.inReplyTo?.tweetId === reply.id);
    expect(answers).toHaveLength(1);
    expect(answers[0].authorId).toBe(complaint.authorId);
    expect(answers[0].conversationId).toBe(complaint.conversationId);
    expect(answers[0].text.startsWith('@lumio ')).toBe(true);
  });
});

describe('the author pool', () => {
  const pool = buildAuthorPool(42);
  const people = [...pool.people.en, ...pool.people.fr];

  it('is a few hundred people, English and French, plus spam bots and the brand', () => {
    expect(pool.people.en).toHaveLength(POOL_SIZE.en);
    expect(pool.people.fr).toHaveLength(POOL_SIZE.fr);
    expect(pool.spammers.length).toBeGreaterThan(5);
    expect(pool.brand).toMatchObject({ id: '1500000000000000001', username: 'lumio' });
  });

  it('has unique ids and valid, unique handles', () => {
    expect(new Set(pool.all.map((u) => u.id)).size).toBe(pool.all.length);
    expect(new Set(pool.all.map((u) => u.username.toLowerCase())).size).toBe(pool.all.length);
    for (const u of pool.all) {
      expect(u.username).toMatch(/^[A-Za-z0-9_]{1,15}$/);
      expect(u.id).toMatch(/^[0-9]{5,19}$/);
    }
  });

  it('has log-normally spread followers and a few verified accounts', () => {
    const followers = people.map((u) => u.metrics.followers_count).sort((a, b) => a - b);
    const median = followers[Math.floor(followers.length / 2)];
    expect(median).toBeGreaterThan(100);
    expect(median).toBeLessThan(800);
    expect(followers[followers.length - 1]).toBeGreaterThan(10_000);
    expect(followers[0]).toBeLessThan(30);
    const verified = share(people, (u) => u.verified);
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThan(0.1);
  });

  it('is the same for the same seed', () => {
    expect(buildAuthorPool(42)).toEqual(pool);
    expect(buildAuthorPool(43).people.en[0]).not.toEqual(pool.people.en[0]);
  });
});

describe('arrivals', () => {
  it('draws about postsPerMinute posts a minute, and more during an incident', () => {
    const rng = seededRng(1, 9);
    const perSecond = Array.from({ length: 6000 }, () => arrivals(rng, 20, 1));
    expect(perSecond.reduce((a, b) => a + b, 0) / 100).toBeGreaterThan(18); // per minute, over 100 minutes
    expect(perSecond.reduce((a, b) => a + b, 0) / 100).toBeLessThan(22);
    expect(arrivals(rng, 0, 1)).toBe(0);
    const incident = incidentAt(42, T0) ?? {
      id: 'x',
      kind: 'outage' as const,
      city: 'Lyon',
      brand: { name: 'Lumio', handle: 'lumio' },
      startMs: 0,
      endMs: 1,
    };
    expect(burstRate(20, incident)).toBe(30);
    expect(burstRate(20, null)).toBe(0);
  });
});
