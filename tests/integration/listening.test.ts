import { DataSource } from 'typeorm';
import type { CompiledQueryDto, ListeningQueryDto, MentionDto, Page, PreviewResultDto, SourceDto } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

const ALL = ['x', 'mastodon', 'reddit', 'hackernews', 'bluesky'];

describe('listening queries, compile, preview and sources', () => {
  let t: TestApp;
  let lead: string;
  let agent: string;

  beforeAll(async () => {
    t = await startTestApp();
    lead = await t.login('lead@example.com');
    agent = await t.login('agent@example.com');
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: unknown, token = lead) => t.api<ListeningQueryDto & { message?: string }>('/api/listening/queries', { method: 'POST', token, body });

  it('creates a query with a source per platform, compiled into each platform syntax', async () => {
    const r = await create({
      name: 'Skyline launch',
      kind: 'campaign',
      spec: { include: ['Skyline', 'skyline phone'], exclude: ['job'], hashtags: ['SkylineLaunch'], handles: [], languages: ['en'] },
      platforms: ALL,
      pollIntervalSeconds: 120,
    });
    expect(r.status).toBe(201);
    expect(r.body.platforms).toEqual([...ALL].sort());
    expect(r.body.pollIntervalSeconds).toBe(120);
    const byPlatform = Object.fromEntries(r.body.compiled.map((c) => [c.platform, c]));
    expect(byPlatform['x'].requests).toEqual(['(Skyline OR "skyline phone" OR #SkylineLaunch) -job lang:en -is:retweet']);
    for (const p of ALL) {
      expect(byPlatform[p].error).toBeNull();
      expect(byPlatform[p].requests.length).toBeGreaterThan(0);
    }
    const sources = await t.api<SourceDto[]>('/api/listening/sources', { token: agent });
    const mine = sources.body.filter((s) => s.queryId === r.body.id);
    expect(mine.map((s) => s.platform).sort()).toEqual([...ALL].sort());
    expect(mine.every((s) => s.state === 'active' && s.pollIntervalSeconds === 120)).toBe(true);
  });

  it('refuses a query over the X length limit with a message naming the limit, and stores nothing', async () => {
    // 12 long terms: over X's 512 characters, within Mastodon's 20 searches
    const include = Array.from({ length: 12 }, (_, i) => `long-product-name-number-${i}-with-a-long-suffix`);
    const r = await create({ name: 'Too long', kind: 'brand', spec: { include }, platforms: ['x', 'mastodon'] });
    expect(r.status).toBe(400);
    expect(String(r.body.message)).toMatch(/X allows at most 512/);
    const list = await t.api<ListeningQueryDto[]>('/api/listening/queries', { token: lead });
    expect(list.body.some((q) => q.name === 'Too long')).toBe(false);
    const compiled = await t.api<CompiledQueryDto[]>('/api/listening/compile', { method: 'POST', token: agent, body: { spec: { include }, platforms: ['x', 'mastodon'] } });
    expect(compiled.status).toBe(200);
    expect(compiled.body.find((c) => c.platform === 'x')?.error).toMatch(/512/);
    expect(compiled.body.find((c) => c.platform === 'mastodon')?.error).toBeNull();
  });

  it('answers bad input with 4xx and a message, and keeps agents read-only', async () => {
    expect((await create({ name: '', kind: 'brand', spec: { include: ['a'] }, platforms: ['x'] })).status).toBe(400);
    expect((await create({ name: 'No platforms', kind: 'brand', spec: { include: ['a'] }, platforms: [] })).status).toBe(400);
    expect((await create({ name: 'Bad kind', kind: 'rival', spec: { include: ['a'] }, platforms: ['x'] })).status).toBe(400);
    expect((await create({ name: 'Empty', kind: 'brand', spec: {}, platforms: ['x'] })).body.message).toMatch(/at least one term/);
    expect((await create({ name: 'Lumio', kind: 'brand', spec: { include: ['x'] }, platforms: ['x'] })).status).toBe(409);
    expect((await create({ name: 'By agent', kind: 'brand', spec: { include: ['a'] }, platforms: ['x'] }, agent)).status).toBe(403);
    expect((await t.api('/api/listening/queries/not-a-uuid', { token: lead })).status).toBe(400);
    expect((await t.api('/api/listening/queries/8a3f1a7e-2b5c-4d6e-9f00-1a2b3c4d5e6f', { token: lead })).status).toBe(404);
    expect((await t.api('/api/listening/queries', {})).status).toBe(401);
  });

  it('previews a query on every platform and stores nothing', async () => {
    await t.simPost('/__sim/publish', {
      posts: ALL.map((platform) => ({ platform, text: `Loving the new Quasarphone camera, great night shots (${platform})`, lang: 'en' })),
    });
    const ds = t.app.get(DataSource);
    const before = await ds.query(`SELECT count(*)::int AS n FROM mention`);
    const r = await t.api<PreviewResultDto>('/api/listening/preview', {
      method: 'POST',
      token: agent,
      body: { spec: { include: ['Quasarphone'], exclude: [] }, platforms: ALL, limit: 10 },
    });
    expect(r.status).toBe(200);
    for (const p of r.body.platforms) {
      expect(p.error).toBeNull();
      const hit = p.mentions.find((m) => m.text.includes(`(${p.platform})`));
      expect(hit).toBeDefined();
      expect(hit?.matchedTerms).toEqual(['Quasarphone']);
      expect(hit?.filteredOut).toBe(false);
    }
    const after = await ds.query(`SELECT count(*)::int AS n FROM mention`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('polls a new query on every platform, records the matched terms, and lists its mentions', async () => {
    const q = await create({ name: 'Orbitab', kind: 'competitor', spec: { include: ['Orbitab'], exclude: ['giveaway'] }, platforms: ALL });
    expect(q.status).toBe(201);
    await t.makeSourcesDue();
    await t.tick();
    await t.simPost('/__sim/publish', {
      posts: ALL.flatMap((platform) => [
        { platform, text: `My Orbitab tablet froze again, support please (${platform})`, lang: 'en' },
        { platform, text: `Orbitab giveaway! follow and retweet (${platform})`, lang: 'en' },
      ]),
    });
    for (let i = 0; i < 4; i++) {
      await t.makeSourcesDue();
      await t.tick();
    }
    const page = await t.api<Page<MentionDto>>(`/api/mentions?queryId=${q.body.id}&limit=50`, { token: agent });
    expect(page.status).toBe(200);
    const texts = page.body.items.map((m) => m.text);
    for (const p of ALL) {
      expect(texts).toContain(`My Orbitab tablet froze again, support please (${p})`);
      expect(texts.some((x) => x.startsWith('Orbitab giveaway') && x.includes(`(${p})`))).toBe(false);
    }
    const first = page.body.items[0];
    expect(first.matches).toEqual([{ queryId: q.body.id, queryName: 'Orbitab', terms: ['Orbitab'] }]);
    const reddit = await t.api<Page<MentionDto>>(`/api/mentions?queryId=${q.body.id}&platform=reddit`, { token: agent });
    expect(reddit.body.items.map((m) => m.platform)).toEqual(['reddit']);
    const sources = await t.api<SourceDto[]>('/api/listening/sources', { token: agent });
    const mine = sources.body.filter((s) => s.queryId === q.body.id);
    expect(mine).toHaveLength(5);
    for (const s of mine) {
      expect(s.lastSuccessAt).not.toBeNull();
      expect(s.mentionsLastHour).toBe(1);
    }
  });

  it('pauses a query, and pauses and resumes a source; rejected credentials park a source in needs re-auth', async () => {
    const q = await create({ name: 'Pausable', kind: 'brand', spec: { include: ['Pausable'] }, platforms: ['x', 'bluesky'] });
    const paused = await t.api<ListeningQueryDto>(`/api/listening/queries/${q.body.id}`, { method: 'PATCH', token: lead, body: { active: false } });
    expect(paused.body.active).toBe(false);
    const ds = t.app.get(DataSource);
    await ds.query(`UPDATE source SET last_polled_at = NULL WHERE query_id = $1`, [q.body.id]);
    await t.makeSourcesDue();
    await t.tick();
    const polled = await ds.query(`SELECT count(*)::int AS n FROM source WHERE query_id = $1 AND last_polled_at IS NOT NULL`, [q.body.id]);
    expect(polled[0].n).toBe(0);
    await t.api(`/api/listening/queries/${q.body.id}`, { method: 'PATCH', token: lead, body: { active: true } });

    // the platform rejects the token: the source stops retrying and says so
    const sources = await t.api<SourceDto[]>('/api/listening/sources', { token: lead });
    const bsky = sources.body.find((s) => s.queryId === q.body.id && s.platform === 'bluesky');
    await ds.query(`UPDATE source SET next_poll_at = now() + interval '1 hour' WHERE id <> $1`, [bsky?.id]);
    await t.simPost('/__sim/faults', { queue: ['auth'], endpoints: ['bluesky'] });
    await ds.query(`UPDATE source SET next_poll_at = now() - interval '1 second' WHERE id = $1`, [bsky?.id]);
    await t.tick();
    const parked = await t.api<SourceDto[]>('/api/listening/sources', { token: agent });
    const after = parked.body.find((s) => s.id === bsky?.id);
    expect(after?.state).toBe('needs_reauth');
    expect(after?.lastError).toMatch(/^auth_invalid/);
    // an agent may not resume it; a lead may
    expect((await t.api(`/api/listening/sources/${bsky?.id}`, { method: 'PATCH', token: agent, body: { state: 'active' } })).status).toBe(403);
    const resumed = await t.api<SourceDto>(`/api/listening/sources/${bsky?.id}`, { method: 'PATCH', token: lead, body: { state: 'active' } });
    expect(resumed.body).toMatchObject({ state: 'active', lastError: null, consecutiveFailures: 0 });
    expect((await t.api(`/api/listening/sources/${bsky?.id}`, { method: 'PATCH', token: lead, body: { state: 'exploded' } })).status).toBe(400);
  });

  it('restarts the sources of a query whose terms change, with a new look-back', async () => {
    const q = await create({ name: 'Retune', kind: 'brand', spec: { include: ['Retune'] }, platforms: ['x', 'reddit'] });
    const ds = t.app.get(DataSource);
    const jobs = async () => (await ds.query(`SELECT count(*)::int AS n FROM backfill_job j JOIN source s ON s.id = j.source_id WHERE s.query_id = $1`, [q.body.id]))[0].n;
    expect(await jobs()).toBe(2);
    await new Promise((r) => setTimeout(r, 1100)); // a look-back starting a second later is a new job
    const r = await t.api<ListeningQueryDto>(`/api/listening/queries/${q.body.id}`, { method: 'PATCH', token: lead, body: { spec: { include: ['Retune', 'Retuned'] } } });
    expect(r.status).toBe(200);
    expect(r.body.compiled.find((c) => c.platform === 'x')?.requests).toEqual(['(Retune OR Retuned) -is:retweet']);
    expect(await jobs()).toBe(4);
    const cursors = await ds.query(`SELECT cursor FROM source WHERE query_id = $1`, [q.body.id]);
    expect(cursors.map((c: { cursor: unknown }) => c.cursor)).toEqual([{}, {}]);
  });

  it('deletes a query and its sources, keeping the mentions', async () => {
    const list = await t.api<ListeningQueryDto[]>('/api/listening/queries', { token: lead });
    const orbitab = list.body.find((q) => q.name === 'Orbitab');
    const ds = t.app.get(DataSource);
    const mentions = await ds.query(`SELECT count(*)::int AS n FROM mention`);
    expect((await t.api(`/api/listening/queries/${orbitab?.id}`, { method: 'DELETE', token: lead })).status).toBe(204);
    expect((await ds.query(`SELECT count(*)::int AS n FROM source WHERE query_id = $1`, [orbitab?.id]))[0].n).toBe(0);
    expect((await ds.query(`SELECT count(*)::int AS n FROM mention`))[0].n).toBe(mentions[0].n);
  });
});
