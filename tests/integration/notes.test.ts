import { DataSource } from 'typeorm';
import type { ConversationDetailDto, MessageDto, NotificationDto, RenderedReplyDto, SavedReplyDto } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

describe('inbox: internal notes with @mentions, notifications, saved replies with variables', () => {
  let t: TestApp;
  let ds: DataSource;
  let lead: string;
  let agent: string;
  let conversationId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ platforms: ['x'] });
    ds = t.app.get(DataSource);
    lead = await t.login('lead@example.com');
    agent = await t.login('agent@example.com');
    for (const r of await ds.query(`SELECT email, id FROM app_user`)) ids[r.email] = r.id;
    await t.simPost('/__sim/publish', { count: 80 });
    for (let i = 0; i < 3; i++) {
      await t.makeSourcesDue();
      await t.tick();
    }
    [{ id: conversationId }] = await ds.query(`SELECT id FROM conversation ORDER BY opened_at LIMIT 1`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adds a note that is never posted, and notifies the teammates it mentions (not the author)', async () => {
    const before = await t.simGet<{ count: number }>('/__sim/replies');
    const note = await t.api<MessageDto>(`/api/conversations/${conversationId}/notes`, {
      method: 'POST',
      token: agent,
      body: { text: '@Léa this one looks like the Lyon outage, can you confirm?', mentions: [ids['lead@example.com'], ids['agent@example.com']] },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'note', sentBy: { name: 'Sam Agent' }, delivery: null });
    await t.tick();
    expect((await t.simGet<{ count: number }>('/__sim/replies')).count).toBe(before.count);
    const detail = await t.api<ConversationDetailDto>(`/api/conversations/${conversationId}`, { token: lead });
    expect(detail.body.messages.filter((m) => m.kind === 'note').map((m) => m.body)).toEqual(['@Léa this one looks like the Lyon outage, can you confirm?']);

    const mine = await t.api<NotificationDto[]>('/api/notifications?unread=true', { token: lead });
    expect(mine.body).toEqual([
      expect.objectContaining({ kind: 'mention', conversationId, messageId: note.body.id, actor: { id: ids['agent@example.com'], name: 'Sam Agent' }, readAt: null }),
    ]);
    expect((await t.api<NotificationDto[]>('/api/notifications', { token: agent })).body).toEqual([]);
    const read = await t.api<{ updated: number }>('/api/notifications/read', { method: 'POST', token: lead, body: {} });
    expect(read.body.updated).toBe(1);
    expect((await t.api<NotificationDto[]>('/api/notifications?unread=true', { token: lead })).body).toEqual([]);
    expect((await t.api<NotificationDto[]>('/api/notifications', { token: lead })).body[0].readAt).not.toBeNull();
  });

  it.each([
    [{ text: '', mentions: [] }, 'the note is empty'],
    [{ text: 'hi', mentions: ['nope'] }, 'a mention is a user id'],
    [{ text: 'hi', mentions: ['6f1d2a4e-1111-4a4a-8a8a-123456789abc'] }, 'not members of this workspace'],
  ])('refuses the note %j with 400: %s', async (body, message) => {
    const r = await t.api<{ message: string }>(`/api/conversations/${conversationId}/notes`, { method: 'POST', token: agent, body });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain(message);
  });

  it('notifies the lead of an escalation', async () => {
    const c = await t.api<ConversationDetailDto>(`/api/conversations/${conversationId}`, { token: agent });
    await t.api(`/api/conversations/${conversationId}/escalate`, { method: 'POST', token: agent, body: { version: c.body.version, toUserId: ids['lead@example.com'], reason: 'Press enquiry' } });
    const mine = await t.api<NotificationDto[]>('/api/notifications?unread=true', { token: lead });
    expect(mine.body.map((n) => [n.kind, n.text])).toEqual([['escalation', 'Press enquiry']]);
  });

  it('saves replies with variables and fills them in for a conversation', async () => {
    const created = await t.api<SavedReplyDto>('/api/saved-replies', {
      method: 'POST',
      token: agent,
      body: { name: 'Outage apology', body: 'Hi {{author.name}}, {{agent.first_name}} from {{brand.name}} here: sorry, we are on it. ({{author.handle}})', language: 'en' },
    });
    expect(created.status).toBe(201);
    expect(created.body.createdBy?.name).toBe('Sam Agent');
    const [author] = await ds.query(`SELECT a.name, a.handle, w.name AS brand FROM conversation c JOIN author a ON a.id = c.author_id JOIN workspace w ON w.id = c.workspace_id WHERE c.id = $1`, [conversationId]);
    const rendered = await t.api<RenderedReplyDto>(`/api/conversations/${conversationId}/render-reply`, { method: 'POST', token: lead, body: { savedReplyId: created.body.id } });
    expect(rendered.status).toBe(200);
    const text = `Hi ${author.name || author.handle}, Léa from ${author.brand} here: sorry, we are on it. (@${author.handle})`;
    expect(rendered.body).toEqual({ text, length: [...text].length, tooLong: [...text].length > 280 });

    const dup = await t.api<{ message: string }>('/api/saved-replies', { method: 'POST', token: agent, body: { name: 'outage APOLOGY', body: 'x' } });
    expect(dup.status).toBe(409);
    const bad = await t.api<{ message: string }>('/api/saved-replies', { method: 'POST', token: agent, body: { name: 'Bad', body: 'Hi {{customer}}' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('unknown variable {{customer}}');
    const long = await t.api<SavedReplyDto>('/api/saved-replies', { method: 'POST', token: agent, body: { name: 'Long', body: `${'a'.repeat(270)} {{agent.name}} {{brand.name}}` } });
    const tooLong = await t.api<RenderedReplyDto>(`/api/conversations/${conversationId}/render-reply`, { method: 'POST', token: agent, body: { savedReplyId: long.body.id } });
    expect(tooLong.body.tooLong).toBe(true);
    expect((await t.api('/api/saved-replies', { token: agent })).body).toHaveLength(2);
    expect((await t.api(`/api/saved-replies/${long.body.id}`, { method: 'DELETE', token: agent })).status).toBe(204);
    const analyst = await t.login('analyst@example.com');
    expect((await t.api('/api/saved-replies', { method: 'POST', token: analyst, body: { name: 'x', body: 'y' } })).status).toBe(403);
  });
});
