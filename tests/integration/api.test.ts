import type { ConversationDetailDto, ConversationSummaryDto, HealthResponse, MentionDto, MessageDto, Page } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

interface Published {
  items: Array<{ id: string; text: string; intent: string }>;
  count: number;
}

describe('API (real PostgreSQL, platform simulator over HTTP)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ platforms: ['x'] });
    token = await t.login('agent@example.com');
    await t.simPost('/__sim/publish', { count: 60 });
    await t.tick();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('health and docs', () => {
    it('reports the database and the scheduler', async () => {
      const r = await t.api<HealthResponse>('/api/health');
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('ok');
      expect(r.body.components['database']).toMatchObject({ status: 'ok', pendingMigrations: false });
      expect(r.body.components['scheduler']).toMatchObject({ status: 'ok' });
    });

    it('serves the OpenAPI document and Swagger UI', async () => {
      const doc = await t.api<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/api/mentions', '/api/conversations', '/api/conversations/{id}', '/api/conversations/{id}/replies', '/api/auth/login']),
      );
      const ui = await fetch(`${t.url}/api/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
    });
  });

  describe('sign-in', () => {
    it('signs in every demo role', async () => {
      for (const email of ['admin@example.com', 'lead@example.com', 'agent@example.com', 'analyst@example.com']) {
        await expect(t.login(email)).resolves.toEqual(expect.any(String));
      }
    });

    it('refuses a wrong password with 401 and a message', async () => {
      const r = await t.api<{ message: string }>('/api/auth/login', { method: 'POST', body: { email: 'agent@example.com', password: 'nope' } });
      expect(r.status).toBe(401);
      expect(r.body.message).toMatch(/incorrect/);
    });

    it('rejects an invalid login body with 400 naming the field', async () => {
      const r = await t.api<{ message: string }>('/api/auth/login', { method: 'POST', body: { email: 'not-an-email' } });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/email/);
      expect(r.body.message).toMatch(/password/);
    });

    it('requires sign-in everywhere else', async () => {
      for (const path of ['/api/mentions', '/api/conversations', '/api/reports/overview', '/api/auth/me']) {
        const r = await t.api(path);
        expect(r.status).toBe(401);
      }
      const bad = await t.api('/api/mentions', { token: 'forged-token' });
      expect(bad.status).toBe(401);
    });

    it('answers /api/auth/me and ends the session on logout', async () => {
      const own = await t.login('lead@example.com');
      const me = await t.api<{ user: { email: string; role: string } }>('/api/auth/me', { token: own });
      expect(me.body.user).toMatchObject({ email: 'lead@example.com', role: 'lead' });
      expect((await t.api('/api/auth/logout', { method: 'POST', token: own })).status).toBe(204);
      expect((await t.api('/api/auth/me', { token: own })).status).toBe(401);
    });
  });

  describe('mentions', () => {
    it('stores every published brand post, once', async () => {
      const truth = await t.simGet<Published>(`/__sim/published?query=${encodeURIComponent('(Lumio OR #Lumio OR @lumio) -is:retweet')}`);
      expect(truth.count).toBeGreaterThan(10);
      const seen: MentionDto[] = [];
      let cursor: string | null = null;
      do {
        const r: { status: number; body: Page<MentionDto> } = await t.api<Page<MentionDto>>(
          `/api/mentions?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { token },
        );
        expect(r.status).toBe(200);
        seen.push(...r.body.items);
        cursor = r.body.nextCursor;
      } while (cursor);
      const ids = seen.map((m) => m.externalId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(truth.items.map((p) => p.id)));
      // newest first
      const times = seen.map((m) => m.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const m = seen[0];
      expect(m.sentiment.label).toMatch(/^(negative|neutral|positive)$/);
      expect(m.author.handle).toBeTruthy();
      expect(m.url).toContain(m.externalId);
    });

    it('rejects bad paging parameters with 400', async () => {
      expect((await t.api('/api/mentions?limit=0', { token })).status).toBe(400);
      expect((await t.api('/api/mentions?limit=abc', { token })).status).toBe(400);
      const r = await t.api<{ message: string }>('/api/mentions?cursor=garbage', { token });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/cursor/);
    });
  });

  describe('inbox', () => {
    let conversations: ConversationSummaryDto[];

    beforeAll(async () => {
      conversations = (await t.api<Page<ConversationSummaryDto>>('/api/conversations?limit=200', { token })).body.items;
    });

    it('opens conversations for negative mentions and questions only', async () => {
      expect(conversations.length).toBeGreaterThan(0);
      for (const c of conversations) {
        const opened = c.subject.sentiment.label === 'negative' || c.subject.intents.includes('question') || c.subject.intents.includes('complaint');
        expect(opened).toBe(true);
      }
    });

    it('filters by status, and rejects an unknown status', async () => {
      const open = await t.api<Page<ConversationSummaryDto>>('/api/conversations?status=new,open', { token });
      expect(open.status).toBe(200);
      expect(open.body.items.every((c) => c.status === 'new' || c.status === 'open')).toBe(true);
      const resolved = await t.api<Page<ConversationSummaryDto>>('/api/conversations?status=resolved', { token });
      expect(resolved.body.items).toEqual([]);
      const bad = await t.api<{ message: string }>('/api/conversations?status=weird', { token });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/status/);
    });

    it('returns one conversation, 404 for an unknown id and 400 for a malformed one', async () => {
      const c = conversations[0];
      const r = await t.api<ConversationDetailDto>(`/api/conversations/${c.id}`, { token });
      expect(r.status).toBe(200);
      expect(r.body.messages[0]).toMatchObject({ kind: 'inbound' });
      expect(r.body.messages[0].mention?.id).toBe(c.subject.id);
      expect((await t.api('/api/conversations/7d3c0a64-1111-4222-8333-944445555666', { token })).status).toBe(404);
      expect((await t.api('/api/conversations/not-a-uuid', { token })).status).toBe(400);
    });

    it('posts a reply to the platform exactly once, even when the request is repeated', async () => {
      const c = conversations[0];
      const key = 'test-reply-0001';
      const first = await t.api<MessageDto>(`/api/conversations/${c.id}/replies`, {
        method: 'POST',
        token,
        body: { text: 'Sorry about that! We are on it.' },
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(201);
      expect(first.body.kind).toBe('reply');
      const again = await t.api<MessageDto>(`/api/conversations/${c.id}/replies`, {
        method: 'POST',
        token,
        body: { text: 'Sorry about that! We are on it.' },
        headers: { 'idempotency-key': key },
      });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      await t.tick();
      const replies = await t.simGet<{ items: Array<{ text: string; in_reply_to_tweet_id: string }> }>('/__sim/replies');
      const ours = replies.items.filter((r) => r.text === 'Sorry about that! We are on it.');
      expect(ours).toHaveLength(1);
      expect(ours[0].in_reply_to_tweet_id).toBe(c.subject.externalId);
      const detail = await t.api<ConversationDetailDto>(`/api/conversations/${c.id}`, { token });
      const reply = detail.body.messages.find((m) => m.id === first.body.id);
      expect(reply?.delivery).toMatchObject({ state: 'sent' });
      expect(detail.body.firstResponseAt).not.toBeNull();
      expect(detail.body.status).toBe('open');
    });

    it('rejects an empty reply, a 10 kB reply and a malformed body with 4xx and a message', async () => {
      const path = `/api/conversations/${conversations[0].id}/replies`;
      const empty = await t.api<{ message: string }>(path, { method: 'POST', token, body: { text: '   ' } });
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/empty/);
      const huge = await t.api<{ message: string }>(path, { method: 'POST', token, body: { text: 'x'.repeat(10_240) } });
      expect(huge.status).toBe(400);
      expect(huge.body.message).toMatch(/280/);
      const malformed = await t.api<{ message: string }>(path, { method: 'POST', token, rawBody: '{"text": "unterminated' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(/JSON/);
      const missing = await t.api<{ message: string }>(path, { method: 'POST', token, body: {} });
      expect(missing.status).toBe(400);
      const tooLarge = await t.api(path, { method: 'POST', token, body: { text: 'y'.repeat(100_000) } });
      expect(tooLarge.status).toBe(413);
    });

    it('does not let an analyst reply', async () => {
      const analyst = await t.login('analyst@example.com');
      const r = await t.api<{ message: string }>(`/api/conversations/${conversations[0].id}/replies`, {
        method: 'POST',
        token: analyst,
        body: { text: 'hello' },
      });
      expect(r.status).toBe(403);
      expect(r.body.message).toMatch(/inbox.reply/);
    });
  });

  describe('overview report', () => {
    it('counts mentions by sentiment over time, matching the stored mentions', async () => {
      const r = await t.api<{ totals: { total: number; positive: number; negative: number }; series: Array<{ total: number }>; netSentiment: number | null }>(
        '/api/reports/overview?bucket=day',
        { token },
      );
      expect(r.status).toBe(200);
      const all = await t.api<Page<MentionDto>>('/api/mentions?limit=200', { token });
      expect(r.body.totals.total).toBe(all.body.items.length);
      expect(r.body.series.reduce((s, b) => s + b.total, 0)).toBe(r.body.totals.total);
      expect((await t.api('/api/reports/overview?bucket=week', { token })).status).toBe(400);
      expect((await t.api('/api/reports/overview?from=yesterday', { token })).status).toBe(400);
    });
  });
});
