import { DataSource } from 'typeorm';
import type { ConversationDetailDto, ConversationSummaryDto, Page, TeamDto } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

describe('inbox: views, filters, sorting, escalation and snoozes', () => {
  let t: TestApp;
  let ds: DataSource;
  let lead: string;
  let agent: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ platforms: ['x', 'mastodon'] });
    ds = t.app.get(DataSource);
    lead = await t.login('lead@example.com');
    agent = await t.login('agent@example.com');
    for (const r of await ds.query(`SELECT email, id FROM app_user`)) ids[r.email] = r.id;
    await t.simPost('/__sim/publish', { count: 250 });
    for (let i = 0; i < 4; i++) {
      await t.makeSourcesDue();
      await t.tick();
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = (query: string, token = agent) => t.api<Page<ConversationSummaryDto> & { message?: string }>(`/api/conversations?${query}`, { token });
  const all = async (query: string, token = agent): Promise<ConversationSummaryDto[]> => {
    const out: ConversationSummaryDto[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`${query}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
      expect(page.status).toBe(200);
      out.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return out;
  };
  const detail = (id: string, token = agent) => t.api<ConversationDetailDto & { message?: string }>(`/api/conversations/${id}`, { token });

  it('pages through every order without losing or repeating a conversation, each order as asked', async () => {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM conversation`);
    expect(n).toBeGreaterThan(15);
    // some conversations get a first-response due date, the others none (they sort last)
    await ds.query(`UPDATE conversation SET first_response_due_at = opened_at + (random() * interval '5 hours') WHERE random() < 0.6`);
    for (const sort of ['recent', 'oldest', 'due']) {
      const got = await all(`sort=${sort}`);
      expect(got.length).toBe(n);
      expect(new Set(got.map((c) => c.id)).size).toBe(n);
    }
    const oldest = await all('sort=oldest');
    expect(oldest.map((c) => c.openedAt)).toEqual([...oldest.map((c) => c.openedAt)].sort());
    const due: Array<{ id: string; due: Date | null }> = await ds.query(
      `SELECT id, first_response_due_at AS due FROM conversation ORDER BY coalesce(first_response_due_at, 'infinity'::timestamptz), id`,
    );
    expect((await all('sort=due')).map((c) => c.id)).toEqual(due.map((r) => r.id));
  });

  it('filters by view, platform, priority, tag and breached SLA, as SQL counts them', async () => {
    const some: Array<{ id: string }> = await ds.query(`SELECT id FROM conversation ORDER BY id LIMIT 6`);
    await ds.query(`UPDATE conversation SET assignee_id = $1 WHERE id = ANY($2::uuid[])`, [ids['agent@example.com'], some.slice(0, 3).map((r) => r.id)]);
    await ds.query(`UPDATE conversation SET tags = '{vip}', priority = 'urgent' WHERE id = ANY($1::uuid[])`, [some.slice(2, 5).map((r) => r.id)]);
    await ds.query(`UPDATE conversation SET first_response_at = NULL, first_response_due_at = now() - interval '1 minute' WHERE id = $1`, [some[5].id]);
    const count = async (sql: string, params: unknown[] = []) => (await ds.query(`SELECT count(*)::int AS n FROM conversation c WHERE ${sql}`, params))[0].n;
    expect((await all('view=mine')).length).toBe(3);
    expect((await all('view=mine', lead)).length).toBe(await count(`assignee_id = $1`, [ids['lead@example.com']]));
    expect((await all('view=unassigned')).length).toBe(await count(`assignee_id IS NULL`));
    expect((await all('platform=mastodon')).length).toBe(await count(`platform = 'mastodon'`));
    expect((await all('priority=urgent,high')).length).toBe(await count(`priority IN ('urgent', 'high')`));
    expect((await all('tag=vip')).map((c) => c.id).sort()).toEqual(some.slice(2, 5).map((r) => r.id).sort());
    expect((await all('view=mine&tag=vip')).length).toBe(1);
    const breached = await all('sla=breached');
    expect(breached.map((c) => c.id)).toContain(some[5].id);
    expect(breached.length).toBe(await count(`(first_response_at IS NULL AND first_response_due_at < now()) OR (resolved_at IS NULL AND resolution_due_at < now())`));
  });

  it.each([
    ['platform=myspace', 'platform must be one or more of x, mastodon, reddit, hackernews, bluesky (got myspace)'],
    ['view=everything', 'view'],
    ['sort=random', 'sort'],
    ['cursor=garbage', 'cursor is invalid'],
  ])('answers ?%s with 400 and a message', async (query, message) => {
    const r = await list(query);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain(message);
  });

  it('escalates to a lead with a reason: it lands in their escalated view, assigned to them, with the trail', async () => {
    const [{ id }] = await ds.query(`SELECT id FROM conversation WHERE status IN ('new', 'open') ORDER BY id LIMIT 1`);
    const before = await detail(id);
    const r = await t.api<ConversationDetailDto>(`/api/conversations/${id}/escalate`, {
      method: 'POST',
      token: agent,
      body: { version: before.body.version, toUserId: ids['lead@example.com'], reason: 'Outage in Lyon, the customer is a journalist' },
    });
    expect(r.status).toBe(200);
    expect(r.body.escalation).toMatchObject({ toUser: { id: ids['lead@example.com'], name: 'Léa Lead' }, toTeam: null, reason: 'Outage in Lyon, the customer is a journalist' });
    expect(r.body.assignee?.id).toBe(ids['lead@example.com']);
    expect(r.body.events.at(-1)).toMatchObject({ kind: 'escalated', actor: { name: 'Sam Agent' }, data: { toUserId: ids['lead@example.com'] } });
    expect((await all('view=escalated', lead)).map((c) => c.id)).toEqual([id]);
    expect(await all('view=escalated', agent)).toEqual([]);
    const stale = await t.api(`/api/conversations/${id}/escalate`, { method: 'POST', token: agent, body: { version: before.body.version, toUserId: ids['lead@example.com'], reason: 'again' } });
    expect(stale.status).toBe(409);
  });

  it('escalates to a team: every member sees it in their escalated view, unassigned', async () => {
    const team = await t.api<TeamDto>('/api/teams', { method: 'POST', token: lead, body: { name: 'Escalations', memberIds: [ids['admin@example.com'], ids['agent@example.com']] } });
    const [{ id }] = await ds.query(`SELECT id FROM conversation WHERE status IN ('new', 'open') AND escalated_at IS NULL ORDER BY id LIMIT 1`);
    const before = await detail(id);
    const r = await t.api<ConversationDetailDto>(`/api/conversations/${id}/escalate`, { method: 'POST', token: lead, body: { version: before.body.version, toTeamId: team.body.id, reason: 'Legal question' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ assignee: null, team: { id: team.body.id }, escalation: { toTeam: { name: 'Escalations' } } });
    expect((await all('view=escalated', agent)).map((c) => c.id)).toEqual([id]);
    expect((await all('view=team', agent)).map((c) => c.id)).toContain(id);
  });

  it.each([
    [{ toUserId: 'x', reason: 'because' }, 'a user id'],
    [{ reason: 'because' }, 'escalate to one person (toUserId) or one team (toTeamId)'],
    [{ toUserId: '6f1d2a4e-1111-4a4a-8a8a-123456789abc', toTeamId: '6f1d2a4e-1111-4a4a-8a8a-123456789abc', reason: 'because' }, 'escalate to one person'],
    [{ toUserId: '6f1d2a4e-1111-4a4a-8a8a-123456789abc', reason: '' }, 'say why'],
  ])('refuses the escalation %j with 400: %s', async (body, message) => {
    const [{ id, version }] = await ds.query(`SELECT id, version FROM conversation WHERE status IN ('new', 'open') ORDER BY id DESC LIMIT 1`);
    const r = await t.api<{ message: string }>(`/api/conversations/${id}/escalate`, { method: 'POST', token: agent, body: { version, ...body } });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain(message);
  });

  it('says where replies cannot be posted, and refuses them there with the reason', async () => {
    const [x] = await ds.query(`SELECT id FROM conversation WHERE platform = 'x' LIMIT 1`);
    const [mastodon] = await ds.query(`SELECT id FROM conversation WHERE platform = 'mastodon' LIMIT 1`);
    expect((await detail(x.id)).body.replies).toEqual({ possible: true });
    const m = await detail(mastodon.id);
    expect(m.body.replies).toEqual({ possible: false, code: 'not_supported', reason: 'replying on Mastodon is not supported yet: answer on Mastodon itself' });
    const r = await t.api<{ message: string }>(`/api/conversations/${mastodon.id}/replies`, { method: 'POST', token: agent, body: { text: 'hello' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('cannot reply here: replying on Mastodon is not supported yet: answer on Mastodon itself');
    expect((await ds.query(`SELECT count(*)::int AS n FROM reply_outbox WHERE conversation_id = $1`, [mastodon.id]))[0].n).toBe(0);
  });

  it('wakes a snoozed conversation when its time comes, once, with the reason in the trail', async () => {
    const [{ id }] = await ds.query(`SELECT id FROM conversation WHERE status IN ('new', 'open') ORDER BY id DESC LIMIT 1`);
    const before = await detail(id);
    const until = new Date(Date.now() + 60_000).toISOString();
    const snoozed = await t.api<ConversationDetailDto>(`/api/conversations/${id}`, { method: 'PATCH', token: agent, body: { version: before.body.version, status: 'snoozed', snoozedUntil: until } });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    await t.tick();
    expect((await detail(id)).body.status).toBe('snoozed');
    await ds.query(`UPDATE conversation SET snoozed_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await t.tick();
    await t.tick();
    const woken = await detail(id);
    expect(woken.body).toMatchObject({ status: 'open', snoozedUntil: null, version: snoozed.body.version + 1 });
    expect(woken.body.events.filter((e) => e.kind === 'status').map((e) => e.data)).toEqual([
      { from: before.body.status, to: 'snoozed', until },
      { from: 'snoozed', to: 'open', reason: 'snooze ended' },
    ]);
  });
});
