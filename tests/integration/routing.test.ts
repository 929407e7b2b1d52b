import { DataSource } from 'typeorm';
import type { DryRunRoutingRuleResult, RoutingRuleDto } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

type Rule = RoutingRuleDto & { message?: string };

describe('routing rules: editing, dry run, and what ingestion does with them', () => {
  let t: TestApp;
  let lead: string;
  let agent: string;

  beforeAll(async () => {
    t = await startTestApp({ platforms: ['x', 'reddit'] });
    lead = await t.login('lead@example.com');
    agent = await t.login('agent@example.com');
  });
  afterAll(async () => {
    await t?.close();
  });

  const rules = (token = lead) => t.api<Rule[]>('/api/routing-rules', { token });
  const create = (body: unknown, token = lead) => t.api<Rule>('/api/routing-rules', { method: 'POST', token, body });
  const drain = async (rounds = 4) => {
    for (let i = 0; i < rounds; i++) {
      await t.makeSourcesDue();
      await t.tick();
    }
  };

  it('lists the default rules to agents, and lets only leads and admins change them', async () => {
    const list = await rules(agent);
    expect(list.status).toBe(200);
    expect(list.body.map((r) => r.name)).toEqual(['Ignore spam', 'Complaints and negative mentions', 'Questions']);
    const refused = await create({ name: 'Mine', conditions: {}, actions: { openConversation: true } }, agent);
    expect(refused.status).toBe(403);
  });

  it('answers bad rules with 400 and a message, and unknown ids with 404', async () => {
    const bad = await create({ name: 'Bad', conditions: { sentimentScore: { min: 0.5, max: -0.5 } }, actions: { openConversation: true } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('the minimum score is above the maximum');
    const unknown = await create({ name: 'Bad', conditions: { colour: 'red' }, actions: { openConversation: true } });
    expect(unknown.status).toBe(400);
    const missing = await t.api('/api/routing-rules/6f1d2a4e-1111-4a4a-8a8a-123456789abc', { method: 'PATCH', token: lead, body: { name: 'x' } });
    expect(missing.status).toBe(404);
    const notUuid = await t.api('/api/routing-rules/nope', { method: 'DELETE', token: lead });
    expect(notUuid.status).toBe(400);
  });

  it('replays a rule over stored mentions: the counts equal SQL over the same mentions, and nothing is stored', async () => {
    await t.simPost('/__sim/publish', { count: 150 });
    await drain();
    const ds = t.app.get(DataSource);
    const before = await ds.query(`SELECT (SELECT count(*)::int FROM conversation) AS c, (SELECT count(*)::int FROM routing_rule) AS r`);
    const r = await t.api<DryRunRoutingRuleResult>('/api/routing-rules/dry-run', {
      method: 'POST',
      token: lead,
      body: { conditions: { platforms: ['x'], sentimentLabels: ['negative'] }, actions: { openConversation: true, priority: 'high' }, days: 7 },
    });
    expect(r.status).toBe(200);
    const [expected] = await ds.query(
      `SELECT count(*)::int AS caught, count(DISTINCT coalesce(thread_id, external_id))::int AS threads, (SELECT count(*)::int FROM mention WHERE created_at >= now() - interval '7 days') AS replayed
       FROM mention WHERE platform = 'x' AND sentiment_label = 'negative' AND created_at >= now() - interval '7 days'`,
    );
    expect(expected.caught).toBeGreaterThan(0);
    expect(r.body).toMatchObject({ days: 7, replayed: expected.replayed, caught: expected.caught, wouldOpen: expected.threads, wouldIgnore: 0, truncated: false });
    expect(r.body.byPlatform).toEqual({ x: expected.caught });
    expect(r.body.examples.length).toBe(Math.min(20, expected.caught));
    expect(r.body.examples.every((e) => e.platform === 'x' && e.sentiment === 'negative')).toBe(true);
    const after = await ds.query(`SELECT (SELECT count(*)::int FROM conversation) AS c, (SELECT count(*)::int FROM routing_rule) AS r`);
    expect(after).toEqual(before);

    const bad = await t.api<{ message: string }>('/api/routing-rules/dry-run', { method: 'POST', token: lead, body: { conditions: {}, actions: { openConversation: true }, days: 365 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('replay at most 90 days');
  });

  it('applies new rules at ingest: an ignore rule first keeps a platform out, a tagging rule tags what it opens', async () => {
    const ignore = await create({ name: 'No Reddit', conditions: { platforms: ['reddit'] }, actions: { openConversation: false, ignore: true } });
    expect(ignore.status).toBe(201);
    const tag = await create({ name: 'Tag X questions', conditions: { platforms: ['x'], intents: ['question'] }, actions: { openConversation: true, priority: 'urgent', tags: ['from-rule'] } });
    expect(tag.status).toBe(201);
    // the ignore rule goes first
    const ids = (await rules()).body.map((r) => r.id);
    const order = [ignore.body.id, ...ids.filter((id) => id !== ignore.body.id)];
    const reordered = await t.api<Rule[]>('/api/routing-rules/reorder', { method: 'POST', token: lead, body: { ids: order } });
    expect(reordered.status).toBe(200);
    expect(reordered.body.map((r) => r.id)).toEqual(order);
    expect(reordered.body.map((r) => r.position)).toEqual(order.map((_, i) => i));

    const ds = t.app.get(DataSource);
    const [{ since }] = await ds.query(`SELECT now() AS since`);
    await t.simPost('/__sim/publish', { count: 200 });
    await drain();
    const opened: Array<{ platform: string; priority: string; tags: string[]; intents: string[]; rule: string }> = await ds.query(
      `SELECT c.platform, c.priority, c.tags, m.intents, r.name AS rule FROM conversation c JOIN mention m ON m.id = c.subject_mention_id
       LEFT JOIN routing_rule r ON r.id = c.routing_rule_id WHERE m.fetched_at >= $1`,
      [since],
    );
    const [{ reddit }] = await ds.query(`SELECT count(*)::int AS reddit FROM mention WHERE platform = 'reddit' AND fetched_at >= $1`, [since]);
    expect(reddit).toBeGreaterThan(0);
    expect(opened.filter((c) => c.platform === 'reddit')).toEqual([]);
    const questions = opened.filter((c) => c.platform === 'x' && c.intents.includes('question'));
    expect(questions.length).toBeGreaterThan(0);
    for (const c of questions) expect(c).toMatchObject({ priority: 'urgent', tags: ['from-rule'] });
  });

  it('refuses an order that leaves a rule out or names another workspace\'s rule', async () => {
    const ids = (await rules()).body.map((r) => r.id);
    const short = await t.api<{ message: string }>('/api/routing-rules/reorder', { method: 'POST', token: lead, body: { ids: ids.slice(1) } });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/list every rule once/);
    const foreign = await t.api<{ message: string }>('/api/routing-rules/reorder', { method: 'POST', token: lead, body: { ids: [...ids.slice(1), '6f1d2a4e-1111-4a4a-8a8a-123456789abc'] } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toMatch(/not rules of this workspace/);
    const removed = await t.api(`/api/routing-rules/${ids[0]}`, { method: 'DELETE', token: lead });
    expect(removed.status).toBe(204);
    expect((await rules()).body.map((r) => r.id)).toEqual(ids.slice(1));
  });
});
