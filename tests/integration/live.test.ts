import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD, type ConversationDetailDto, type LiveEvent, type PresenceDto } from '@ecoute/contracts';
import { startSimulator, type RunningSimulator } from '../../apps/simulator/src/index';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestDatabase } from '../support/test-db';

/** a server-sent events stream read with fetch, as the dashboard reads it (EventSource cannot send a bearer token) */
async function openStream(url: string, token: string): Promise<{ events: LiveEvent[]; until(pred: (e: LiveEvent) => boolean, ms?: number): Promise<LiveEvent>; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/live`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: LiveEvent[] = [];
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^event: ping/m.test(block)) continue;
        const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (data) events.push(JSON.parse(data) as LiveEvent);
      }
    }
  })();
  return {
    events,
    async until(pred, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const found = events.find(pred);
        if (found) return found;
        await sleep(50);
      }
      throw new Error(`no such live event in ${ms} ms; got ${JSON.stringify(events)}`);
    },
    close: () => controller.abort(),
  };
}

describe('live updates and presence across two API processes (Postgres LISTEN/NOTIFY)', () => {
  let sim: RunningSimulator;
  let db: { url: string; drop(): Promise<void> };
  const apis: ApiProcess[] = [];
  const streams: Array<{ close(): void }> = [];

  const call = async <T>(api: ApiProcess, path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${api.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const login = async (api: ApiProcess, email: string) => {
    const r = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    return ((await r.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 5, platforms: ['x'] });
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, DEMO: 'true', DEMO_PLATFORMS: 'x', SIMULATOR_URL: sim.url, POLL_INTERVAL_SECONDS: '1', INITIAL_BACKFILL_HOURS: '0', SCHEDULER_TICK_MS: '200' };
    // A polls the platform; B only serves the API
    apis.push(await startApiProcess({ ...env, SCHEDULER_ENABLED: 'true' }));
    apis.push(await startApiProcess({ ...env, SCHEDULER_ENABLED: 'false' }));
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await Promise.all(apis.map((a) => a.kill('SIGTERM')));
    await sim?.close();
    await db?.drop();
  });

  it('streams changes made on one process to the clients of the other, and presence both ways', async () => {
    const [a, b] = apis;
    const agentA = await login(a, 'agent@example.com');
    const leadB = await login(b, 'lead@example.com');
    const agentB = await login(b, 'agent@example.com');
    const leadStream = await openStream(b.url, leadB);
    const agentStream = await openStream(b.url, agentB);
    streams.push(leadStream, agentStream);

    // new conversations ingested by A reach B's clients
    await fetch(`${sim.url}/__sim/publish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 60 }) });
    const fresh = await leadStream.until((e) => e.kind === 'conversations', 20_000);
    expect(fresh.kind === 'conversations' && fresh.conversationIds.length).toBeGreaterThan(0);
    const id = fresh.kind === 'conversations' ? fresh.conversationIds[0] : '';

    // a change on A
    const before = await call<ConversationDetailDto>(a, `/api/conversations/${id}`, agentA);
    const changed = await call<ConversationDetailDto>(a, `/api/conversations/${id}`, agentA, { method: 'PATCH', body: { version: before.body.version, priority: 'urgent' } });
    expect(changed.status).toBe(200);
    const event = await leadStream.until((e) => e.kind === 'conversation' && e.conversationId === id);
    expect(event).toEqual({ kind: 'conversation', conversationId: id, version: before.body.version + 1, byUserId: changed.body.events.at(-1)?.actor?.id });

    // presence: the agent views on A, the lead types on B; each process knows both
    await call<PresenceDto[]>(a, `/api/conversations/${id}/presence`, agentA, { method: 'POST', body: { state: 'viewing' } });
    const seen = await leadStream.until((e) => e.kind === 'presence' && e.conversationId === id && e.presence.some((p) => p.user.name === 'Sam Agent'));
    expect(seen.kind === 'presence' && seen.presence.map((p) => [p.user.name, p.state])).toEqual([['Sam Agent', 'viewing']]);
    const both = await call<PresenceDto[]>(b, `/api/conversations/${id}/presence`, leadB, { method: 'POST', body: { state: 'typing' } });
    expect(both.body.map((p) => [p.user.name, p.state]).sort()).toEqual([['Léa Lead', 'typing'], ['Sam Agent', 'viewing']]);
    await sleep(300);
    const onA = await call<PresenceDto[]>(a, `/api/conversations/${id}/presence`, agentA);
    expect(onA.body.map((p) => [p.user.name, p.state]).sort()).toEqual([['Léa Lead', 'typing'], ['Sam Agent', 'viewing']]);
    await call(a, `/api/conversations/${id}/presence`, agentA, { method: 'POST', body: { state: 'left' } });
    await sleep(300);
    expect((await call<PresenceDto[]>(b, `/api/conversations/${id}/presence`, leadB)).body.map((p) => p.user.name)).toEqual(['Léa Lead']);

    // a note mentioning the lead: only the lead's stream hears of the notification
    const leadId = both.body.find((p) => p.user.name === 'Léa Lead')?.user.id ?? '';
    await call(a, `/api/conversations/${id}/notes`, agentA, { method: 'POST', body: { text: 'can you look?', mentions: [leadId] } });
    await leadStream.until((e) => e.kind === 'notification' && e.userId === leadId);
    await sleep(300);
    expect(agentStream.events.some((e) => e.kind === 'notification')).toBe(false);
  }, 60_000);

  it('warns before a second answer: a reply after a teammate\'s is refused with 409 naming them, unless confirmed', async () => {
    const [a, b] = apis;
    const agentA = await login(a, 'agent@example.com');
    const leadB = await login(b, 'lead@example.com');
    const list = await call<{ items: Array<{ id: string }> }>(b, '/api/conversations?limit=1', leadB);
    const id = list.body.items[0].id;
    const seen = await call<ConversationDetailDto>(b, `/api/conversations/${id}`, leadB);
    const lastSeen = seen.body.messages.at(-1)?.id;
    const first = await call(a, `/api/conversations/${id}/replies`, agentA, { method: 'POST', body: { text: 'We are on it, sorry!' } });
    expect(first.status).toBe(201);
    const second = await call<{ message: string }>(b, `/api/conversations/${id}/replies`, leadB, { method: 'POST', body: { text: 'Hello, looking into it', lastSeenMessageId: lastSeen } });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/^Sam Agent replied \d+ seconds ago: "We are on it, sorry!"\. Send yours anyway with confirm: true\.$/);
    const confirmed = await call(b, `/api/conversations/${id}/replies`, leadB, { method: 'POST', body: { text: 'Hello, looking into it', lastSeenMessageId: lastSeen, confirm: true } });
    expect(confirmed.status).toBe(201);
    // having seen the agent's reply, no warning
    const now = await call<ConversationDetailDto>(b, `/api/conversations/${id}`, leadB);
    const third = await call(b, `/api/conversations/${id}/replies`, leadB, { method: 'POST', body: { text: 'One more detail', lastSeenMessageId: now.body.messages.at(-1)?.id } });
    expect(third.status).toBe(201);
  }, 60_000);
});
