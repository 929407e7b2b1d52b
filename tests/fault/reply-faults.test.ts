import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '@ecoute/contracts';
import { startSimulator, type RunningSimulator } from '../../apps/simulator/src/index';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestDatabase } from '../support/test-db';

/**
 * Issue 5's reply fault test: the simulator fails, delays and drops the answers of `POST /2/tweets` (a "lost
 * answer" posts the reply, then closes the connection), and the API is killed with SIGKILL while replies are
 * being sent, several times. Every reply queued must end up on the platform exactly once.
 */
jest.setTimeout(300_000);

const REPLIES = 30;
const KILLS = 4;

interface SimReplies {
  count: number;
  items: Array<{ id: string; text: string; in_reply_to_tweet_id: string }>;
}

describe('replies under platform faults and SIGKILL: each posted exactly once', () => {
  let sim: RunningSimulator;
  let db: { url: string; drop(): Promise<void> };
  let api: ApiProcess | null = null;
  let pg: Client;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 4321, platforms: ['x'] });
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await api?.kill('SIGKILL');
    await pg?.end();
    await sim?.close();
    await db?.drop();
  });

  const simCall = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${sim.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r.json();
  };
  const start = () =>
    startApiProcess({
      DATABASE_URL: db.url,
      DEMO: 'true',
      DEMO_PLATFORMS: 'x',
      SIMULATOR_URL: sim.url,
      SCHEDULER_ENABLED: 'true',
      SCHEDULER_TICK_MS: '150',
      SCHEDULER_LEASE_SECONDS: '5',
      POLL_INTERVAL_SECONDS: '1',
      INITIAL_BACKFILL_HOURS: '0',
      X_REQUEST_TIMEOUT_MS: '700',
      REPLY_STALE_SENDING_SECONDS: '2',
    });

  it('posts every reply once, whatever the platform answers and however often the API dies', async () => {
    await simCall('POST', '/__sim/publish', { count: 120 });
    api = await start();
    // conversations to answer
    let conversations: string[] = [];
    for (let i = 0; i < 100 && conversations.length < REPLIES; i++) {
      conversations = (await pg.query(`SELECT id FROM conversation ORDER BY opened_at LIMIT $1`, [REPLIES])).rows.map((r) => r.id);
      await sleep(200);
    }
    expect(conversations.length).toBe(REPLIES);

    // the storm on the post endpoint: errors (nothing posted), timeouts (nothing posted), lost answers (posted,
    // the API never hears so), and every answer late by 400 ms (posted; a SIGKILL meanwhile leaves it unknown)
    await simCall('POST', '/__sim/faults', { rate5xx: 0.15, rateTimeout: 0.05, rateLostAnswer: 0.2, answerDelayMs: 400, timeoutMs: 1000, endpoints: ['post'] });
    const login = async () => {
      const r = await fetch(`${api?.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'agent@example.com', password: DEMO_PASSWORD }) });
      return ((await r.json()) as { token: string }).token;
    };
    const texts = conversations.map((_, i) => `Sorry about that, case ${i + 1} is on its way (${Date.now() % 100000})`);
    let token = await login();
    let queued = 0;
    let kills = 0;
    for (let k = 0; k < KILLS; k++) {
      // a batch of replies, then a SIGKILL while they are being sent
      const batch = conversations.slice((k * REPLIES) / KILLS, ((k + 1) * REPLIES) / KILLS);
      for (const id of batch) {
        const i = conversations.indexOf(id);
        const r = await fetch(`${api.url}/api/conversations/${id}/replies`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `fault-reply-${i}` },
          body: JSON.stringify({ text: texts[i] }),
        });
        expect(r.status).toBe(201);
        queued++;
      }
      // kill while a reply is on its way: posted or not, the process never learns which
      let sending = 0;
      for (const until = Date.now() + 10_000; sending === 0 && Date.now() < until; await sleep(15)) {
        sending = (await pg.query(`SELECT count(*)::int AS n FROM reply_outbox WHERE state = 'sending'`)).rows[0].n;
      }
      await sleep(k * 60);
      await api.kill('SIGKILL');
      if (sending > 0) kills++;
      api = await start();
      token = await login();
    }
    expect(queued).toBe(REPLIES);
    expect(kills).toBeGreaterThanOrEqual(3);

    // the storm ends; the outbox must converge by itself (checking the platform before every ambiguous retry)
    await simCall('DELETE', '/__sim/faults');
    const deadline = Date.now() + 150_000;
    let states: Record<string, number> = {};
    while (Date.now() < deadline) {
      states = Object.fromEntries((await pg.query(`SELECT state, count(*)::int AS n FROM reply_outbox GROUP BY state`)).rows.map((r) => [r.state, r.n]));
      if ((states['sent'] ?? 0) === REPLIES) break;
      await sleep(500);
    }
    const replies = (await simCall('GET', '/__sim/replies')) as SimReplies;
    const counts = texts.map((text) => replies.items.filter((r) => r.text === text).length);
    const duplicated = counts.filter((n) => n > 1).length;
    const missing = counts.filter((n) => n === 0).length;
    console.log(
      `reply fault test: ${kills} SIGKILLs while sending; ${REPLIES} replies queued, ${replies.count} on the platform: ${missing} missing, ${duplicated} duplicated; outbox ${JSON.stringify(states)}`,
    );
    expect({ missing, duplicated }).toEqual({ missing: 0, duplicated: 0 });
    expect(states).toEqual({ sent: REPLIES });
    // every outbox row knows its post
    const ids = (await pg.query(`SELECT platform_post_id FROM reply_outbox`)).rows.map((r) => r.platform_post_id).sort();
    expect(ids).toEqual(replies.items.filter((r) => texts.includes(r.text)).map((r) => r.id).sort());
  });
});
