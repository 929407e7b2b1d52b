import { DataSource } from 'typeorm';
import type { ConversationDetailDto, RoutingRuleDto, TeamDto } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

describe('inbox: teams, fair assignment under capacity, the queue, and stale writes', () => {
  let t: TestApp;
  let ds: DataSource;
  let lead: string;
  let agent: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ platforms: ['x'] });
    ds = t.app.get(DataSource);
    lead = await t.login('lead@example.com');
    agent = await t.login('agent@example.com');
    for (const r of await ds.query(`SELECT u.email, u.id FROM app_user u`)) ids[r.email] = r.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const drain = async (rounds = 4) => {
    for (let i = 0; i < rounds; i++) {
      await t.makeSourcesDue();
      await t.tick();
    }
  };
  const createTeam = (name: string, members: string[]) => t.api<TeamDto & { message?: string }>('/api/teams', { method: 'POST', token: lead, body: { name, memberIds: members } });
  const everything = (teamId: string, strategy: 'round_robin' | 'least_loaded') =>
    t.api<RoutingRuleDto>('/api/routing-rules', {
      method: 'POST',
      token: lead,
      body: { name: `All to team (${strategy})`, conditions: {}, actions: { openConversation: true, teamId, assign: { strategy } } },
    });
  const openedSince = (since: Date): Promise<Array<{ id: string; assignee_id: string | null; team_id: string | null; queued_strategy: string | null; opened_at: Date }>> =>
    ds.query(`SELECT c.id, c.assignee_id, c.team_id, c.queued_strategy, c.opened_at FROM conversation c JOIN mention m ON m.id = c.subject_mention_id WHERE m.fetched_at >= $1 ORDER BY c.opened_at, c.id`, [since]);
  const now = async (): Promise<Date> => (await ds.query(`SELECT now() AS n`))[0].n;

  it('shares new conversations out in turn: three agents, counts within one of each other', async () => {
    const team = await createTeam('Care', [ids['agent@example.com'], ids['lead@example.com'], ids['admin@example.com']]);
    expect(team.status).toBe(201);
    expect(team.body.members.map((m) => m.name).length).toBe(3);
    const rule = await everything(team.body.id, 'round_robin');
    expect(rule.status).toBe(201);
    const since = await now();
    await t.simPost('/__sim/publish', { count: 200 });
    await drain();
    const opened = await openedSince(since);
    expect(opened.length).toBeGreaterThan(20);
    expect(opened.every((c) => c.team_id === team.body.id && c.assignee_id !== null)).toBe(true);
    const counts = new Map<string, number>();
    for (const c of opened) counts.set(c.assignee_id ?? '', (counts.get(c.assignee_id ?? '') ?? 0) + 1);
    expect(counts.size).toBe(3);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
    const [event] = await ds.query(`SELECT kind, actor_user_id, data FROM conversation_event WHERE conversation_id = $1`, [opened[0].id]);
    expect(event).toMatchObject({ kind: 'assigned', actor_user_id: null, data: { strategy: 'round_robin', teamId: team.body.id, ruleId: rule.body.id } });
    await t.api(`/api/routing-rules/${rule.body.id}`, { method: 'DELETE', token: lead });
  });

  it('never gives an agent more than their capacity: the rest waits in the team queue, and freed room takes the oldest', async () => {
    // every conversation so far resolved: loads start at 0
    await ds.query(`UPDATE conversation SET status = 'resolved', resolved_at = now()`);
    const team = await createTeam('Billing', [ids['agent@example.com'], ids['lead@example.com']]);
    expect((await t.api(`/api/members/${ids['agent@example.com']}/capacity`, { method: 'PUT', token: lead, body: { capacity: 2 } })).status).toBe(204);
    expect((await t.api(`/api/members/${ids['lead@example.com']}/capacity`, { method: 'PUT', token: lead, body: { capacity: 1 } })).status).toBe(204);
    const rule = await everything(team.body.id, 'least_loaded');
    const since = await now();
    await t.simPost('/__sim/publish', { count: 150 });
    await drain();
    const opened = await openedSince(since);
    expect(opened.length).toBeGreaterThan(6);
    const held = (user: string) => opened.filter((c) => c.assignee_id === ids[user]).length;
    expect([held('agent@example.com'), held('lead@example.com')]).toEqual([2, 1]);
    const queued = opened.filter((c) => c.assignee_id === null);
    expect(queued.length).toBe(opened.length - 3);
    expect(queued.every((c) => c.queued_strategy === 'least_loaded' && c.team_id === team.body.id)).toBe(true);
    const teams = await t.api<TeamDto[]>('/api/teams', { token: agent });
    expect(teams.body.find((x) => x.id === team.body.id)).toMatchObject({ queued: queued.length });

    // the lead resolves theirs: they take the oldest queued conversation
    const mine = opened.find((c) => c.assignee_id === ids['lead@example.com']);
    const detail = await t.api<ConversationDetailDto>(`/api/conversations/${mine?.id}`, { token: lead });
    const resolved = await t.api<ConversationDetailDto>(`/api/conversations/${mine?.id}`, { method: 'PATCH', token: lead, body: { version: detail.body.version, status: 'resolved' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', version: detail.body.version + 1 });
    const [oldest] = await ds.query(`SELECT assignee_id, queued_strategy FROM conversation WHERE id = $1`, [queued[0].id]);
    expect(oldest).toEqual({ assignee_id: ids['lead@example.com'], queued_strategy: null });
    const trail = await t.api<ConversationDetailDto>(`/api/conversations/${queued[0].id}`, { token: agent });
    expect(trail.body.events.map((e) => [e.kind, e.data['strategy']])).toEqual([
      ['queued', 'least_loaded'],
      ['assigned', 'least_loaded (queue)'],
    ]);

    // more room for the agent: the next two oldest
    await t.api(`/api/members/${ids['agent@example.com']}/capacity`, { method: 'PUT', token: lead, body: { capacity: 4 } });
    const after: Array<{ id: string; assignee_id: string | null }> = await ds.query(`SELECT id, assignee_id FROM conversation WHERE id = ANY($1::uuid[])`, [queued.slice(1, 4).map((c) => c.id)]);
    const byId = new Map(after.map((r) => [r.id, r.assignee_id]));
    expect(queued.slice(1, 4).map((c) => byId.get(c.id))).toEqual([ids['agent@example.com'], ids['agent@example.com'], null]);
    await t.api(`/api/routing-rules/${rule.body.id}`, { method: 'DELETE', token: lead });
  });

  it('lists the members with their role, teams, load and capacity', async () => {
    const members = await t.api<Array<{ id: string; name: string; role: string; capacity: number | null; load: number; teamIds: string[] }>>('/api/members', { token: agent });
    expect(members.status).toBe(200);
    const byRole = Object.fromEntries(members.body.map((m) => [m.role, m]));
    expect(Object.keys(byRole).sort()).toEqual(['admin', 'agent', 'analyst', 'lead']);
    expect(byRole['agent']).toMatchObject({ id: ids['agent@example.com'], capacity: 4, teamIds: expect.arrayContaining([]) });
    expect(byRole['agent'].teamIds.length).toBe(2);
    const [{ load }] = await ds.query(`SELECT count(*)::int AS load FROM conversation WHERE assignee_id = $1 AND status IN ('new', 'open', 'pending')`, [ids['agent@example.com']]);
    expect(byRole['agent'].load).toBe(load);
    expect(byRole['analyst'].teamIds).toEqual([]);
  });

  it('refuses a stale change with 409 saying who changed it, and keeps the trail', async () => {
    const [c] = await ds.query(`SELECT id FROM conversation WHERE status <> 'resolved' ORDER BY opened_at DESC LIMIT 1`);
    const loaded = await t.api<ConversationDetailDto>(`/api/conversations/${c.id}`, { token: agent });
    const v = loaded.body.version;
    const first = await t.api<ConversationDetailDto>(`/api/conversations/${c.id}`, { method: 'PATCH', token: lead, body: { version: v, priority: 'urgent', tags: ['outage', 'outage', 'lyon'] } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ priority: 'urgent', tags: ['outage', 'lyon'], version: v + 1 });
    const stale = await t.api<{ message: string; currentVersion: number }>(`/api/conversations/${c.id}`, { method: 'PATCH', token: agent, body: { version: v, status: 'pending' } });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/changed since you loaded it .*Léa Lead/);
    expect(stale.body.currentVersion).toBe(v + 1);
    const now = await t.api<ConversationDetailDto>(`/api/conversations/${c.id}`, { token: agent });
    expect(now.body.status).toBe(loaded.body.status);
    expect(now.body.events.slice(-2).map((e) => [e.kind, e.actor?.name])).toEqual([
      ['priority', 'Léa Lead'],
      ['tags', 'Léa Lead'],
    ]);
  });

  it.each([
    [{ version: 1, status: 'snoozed' }, 400, 'a snooze needs snoozedUntil'],
    [{ version: 1, status: 'snoozed', snoozedUntil: '2020-01-01T00:00:00Z' }, 400, 'snoozedUntil must be in the future'],
    [{ version: 1 }, 400, 'nothing to change'],
    [{ status: 'open' }, 400, 'version is required'],
    [{ version: 1, assigneeId: 'analyst' }, 400, 'a user id'],
    [{ version: 1, colour: 'red' }, 400, 'colour'],
  ])('answers %j with %i and a message', async (body, status, message) => {
    const [c] = await ds.query(`SELECT id, version FROM conversation WHERE status <> 'resolved' ORDER BY opened_at DESC LIMIT 1`);
    const r = await t.api(`/api/conversations/${c.id}`, { method: 'PATCH', token: agent, body: { ...body, ...('version' in body ? { version: c.version } : {}) } });
    expect(r.status).toBe(status);
    expect(JSON.stringify(r.body)).toContain(message);
  });

  it('will not assign to an analyst or to another workspace\'s team', async () => {
    const [c] = await ds.query(`SELECT id, version FROM conversation WHERE status <> 'resolved' ORDER BY opened_at DESC LIMIT 1`);
    const analyst = await t.api(`/api/conversations/${c.id}`, { method: 'PATCH', token: agent, body: { version: c.version, assigneeId: ids['analyst@example.com'] } });
    expect(analyst.status).toBe(400);
    expect(JSON.stringify(analyst.body)).toContain('cannot work conversations');
    const team = await t.api(`/api/conversations/${c.id}`, { method: 'PATCH', token: agent, body: { version: c.version, teamId: '6f1d2a4e-1111-4a4a-8a8a-123456789abc' } });
    expect(team.status).toBe(400);
    const analystToken = await t.login('analyst@example.com');
    expect((await t.api(`/api/conversations/${c.id}`, { method: 'PATCH', token: analystToken, body: { version: c.version, priority: 'low' } })).status).toBe(403);
  });
});
