import { DataSource } from 'typeorm';
import type { ConversationDetailDto, SlaPolicyDto } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

const PARIS_WEEK = {
  timeZone: 'Europe/Paris',
  periods: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })),
  holidays: ['2026-12-25'],
};

describe('SLA policies: due dates on business hours, across a weekend and a DST change', () => {
  let t: TestApp;
  let ds: DataSource;
  let lead: string;
  let agent: string;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp({ platforms: ['x'] });
    ds = t.app.get(DataSource);
    lead = await t.login('lead@example.com');
    agent = await t.login('agent@example.com');
    await t.simPost('/__sim/publish', { count: 120 });
    for (let i = 0; i < 3; i++) {
      await t.makeSourcesDue();
      await t.tick();
    }
    // one conversation, opened on Friday 23 October 2026 at 17:30 in Paris (15:30Z, summer time); the clocks go
    // back on Sunday 25th, so Monday 26th 09:00 in Paris is 08:00Z
    [{ id }] = await ds.query(`SELECT id FROM conversation ORDER BY opened_at LIMIT 1`);
    await ds.query(`UPDATE conversation SET opened_at = '2026-10-23T15:30:00Z', priority = 'high', status = 'open', first_response_at = NULL, resolved_at = NULL WHERE id = $1`, [id]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const put = (priority: string, body: unknown, token = lead) => t.api<SlaPolicyDto & { message?: string }>(`/api/sla-policies/${priority}`, { method: 'PUT', token, body });
  const get = () => t.api<ConversationDetailDto>(`/api/conversations/${id}`, { token: agent });
  const stored = async () => (await ds.query(`SELECT first_response_due_at AS fr, resolution_due_at AS res FROM conversation WHERE id = $1`, [id]))[0];

  it('dates a conversation when its priority gets a policy: 30 minutes on Friday, the rest on Monday after the clocks went back', async () => {
    const r = await put('high', { firstResponseMinutes: 60, resolutionMinutes: 480, businessHours: PARIS_WEEK });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ priority: 'high', firstResponseMinutes: 60, resolutionMinutes: 480 });
    // first response: 17:30–18:00 Friday (30 min), then Monday 09:00 CET + 30 min = 09:30 CET = 08:30Z
    // resolution: 30 min Friday + 450 min Monday from 09:00 = 16:30 CET = 15:30Z
    expect(await stored()).toEqual({ fr: new Date('2026-10-26T08:30:00Z'), res: new Date('2026-10-26T15:30:00Z') });
    const c = await get();
    expect(c.body.sla.firstResponse).toMatchObject({ state: 'breached', dueAt: '2026-10-26T08:30:00.000Z', businessHours: true });
    expect(c.body.sla.firstResponse?.remainingMs).toBeLessThan(0);
    expect(c.body.sla.resolution).toMatchObject({ state: 'breached', dueAt: '2026-10-26T15:30:00.000Z' });
  });

  it('stops the first-response clock at the first reply: late, so missed', async () => {
    const reply = await t.api(`/api/conversations/${id}/replies`, { method: 'POST', token: agent, body: { text: 'Sorry for the wait, we are looking into it.' } });
    expect(reply.status).toBe(201);
    const c = await get();
    expect(c.body.sla.firstResponse?.state).toBe('missed');
    expect(c.body.sla.resolution?.state).toBe('breached');
  });

  it('follows the priority: a priority without a policy has no due dates, and back again', async () => {
    let c = await get();
    const lowered = await t.api<ConversationDetailDto>(`/api/conversations/${id}`, { method: 'PATCH', token: agent, body: { version: c.body.version, priority: 'normal' } });
    expect(lowered.status).toBe(200);
    expect(lowered.body.sla).toEqual({ firstResponse: null, resolution: null });
    expect(await stored()).toEqual({ fr: null, res: null });
    c = await get();
    await t.api(`/api/conversations/${id}`, { method: 'PATCH', token: agent, body: { version: c.body.version, priority: 'high' } });
    expect(await stored()).toEqual({ fr: new Date('2026-10-26T08:30:00Z'), res: new Date('2026-10-26T15:30:00Z') });
  });

  it('counts calendar time without business hours, and runs on track before the due time', async () => {
    const [{ other }] = await ds.query(`SELECT id AS other FROM conversation WHERE id <> $1 ORDER BY opened_at LIMIT 1`, [id]);
    await ds.query(`UPDATE conversation SET priority = 'urgent', status = 'open', opened_at = now() - interval '10 minutes', first_response_at = NULL, resolved_at = NULL WHERE id = $1`, [other]);
    const r = await put('urgent', { firstResponseMinutes: 30, resolutionMinutes: null, businessHours: null });
    expect(r.status).toBe(200);
    const c = await t.api<ConversationDetailDto>(`/api/conversations/${other}`, { token: agent });
    expect(c.body.sla.resolution).toBeNull();
    expect(c.body.sla.firstResponse).toMatchObject({ state: 'on_track', businessHours: false });
    // 20 minutes left, give or take the test's own time
    expect(c.body.sla.firstResponse?.remainingMs).toBeGreaterThan(18 * 60_000);
    expect(c.body.sla.firstResponse?.remainingMs).toBeLessThanOrEqual(20 * 60_000);
  });

  it.each([
    ['high', { firstResponseMinutes: 60, resolutionMinutes: null, businessHours: { ...PARIS_WEEK, periods: [{ day: 1, start: '09:00', end: '12:00' }, { day: 1, start: '11:00', end: '13:00' }] } }, 400, 'overlap'],
    ['high', { firstResponseMinutes: 60, resolutionMinutes: null, businessHours: { ...PARIS_WEEK, timeZone: 'Mars/Olympus' } }, 400, 'Unknown time zone "Mars/Olympus"'],
    ['high', { firstResponseMinutes: null, resolutionMinutes: null, businessHours: null }, 400, 'set a first-response target'],
    ['high', { firstResponseMinutes: 0, resolutionMinutes: null, businessHours: null }, 400, 'at least 1 minute'],
    ['critical', { firstResponseMinutes: 5, resolutionMinutes: null, businessHours: null }, 400, 'priority must be one of low, normal, high, urgent'],
  ])('refuses a %s policy %j with %i: %s', async (priority, body, status, message) => {
    const r = await put(priority, body);
    expect(r.status).toBe(status);
    expect(r.body.message).toContain(message);
  });

  it('lets agents read the policies but not change them; deleting one clears its due dates', async () => {
    expect((await put('low', { firstResponseMinutes: 5, resolutionMinutes: null, businessHours: null }, agent)).status).toBe(403);
    const list = await t.api<SlaPolicyDto[]>('/api/sla-policies', { token: agent });
    expect(list.body.map((p) => p.priority)).toEqual(['high', 'urgent']);
    expect((await t.api('/api/sla-policies/high', { method: 'DELETE', token: lead })).status).toBe(204);
    expect(await stored()).toEqual({ fr: null, res: null });
    expect((await t.api('/api/sla-policies/high', { method: 'DELETE', token: lead })).status).toBe(404);
  });
});
