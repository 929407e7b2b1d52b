/**
 * `npm run bench -- inbox [--conversations=100000] [--requests=200]`: the inbox list API (`GET
 * /api/conversations`) over HTTP on 127.0.0.1, with a workspace of 100,000 conversations (and their mentions,
 * authors, teams and SLA due dates) in an embedded PostgreSQL. Issue 5's target: p95 under 50 ms.
 * Each view, filter and order the inbox screen uses is timed, first pages and later pages (keyset cursors).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, type ConversationSummaryDto, type Page } from '@ecoute/contracts';
import { loadConfig, startEmbeddedPostgres } from '@ecoute/api-platform';
import { createApp } from '../../apps/api/src/bootstrap';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { startSimulator } from '../../apps/simulator/src/index';
import { machine, percentile } from './machine';

const QUERIES = [
  ['all, recent', 'limit=50'],
  ['mine', 'view=mine&limit=50'],
  ['unassigned', 'view=unassigned&limit=50'],
  ['my teams', 'view=team&limit=50'],
  ['escalated to me', 'view=escalated&limit=50'],
  ['open and new, oldest first', 'status=new,open&sort=oldest&limit=50'],
  ['first response due', 'sort=due&status=new,open&limit=50'],
  ['SLA breached', 'sla=breached&limit=50'],
  ['urgent and high on X', 'priority=urgent,high&platform=x&limit=50'],
  ['tag', 'tag=billing&limit=50'],
] as const;

async function main(): Promise<void> {
  const conversations = Number(/--conversations=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 100_000);
  const requests = Number(/--requests=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 200);
  const dataDir = mkdtempSync(join(tmpdir(), 'ecoute-bench-inbox-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: 54000 + Math.floor(Math.random() * 900), persistent: false });
  const sim = await startSimulator({ port: 0, seed: 3, platforms: ['x'] });
  const config = loadConfig({ DEMO: 'true', DEMO_PLATFORMS: 'x', SIMULATOR_URL: sim.url, SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'silent' });
  const app = await createApp({ config, databaseUrl: pg.url, bufferLogs: false });
  try {
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const workspaceId = await app.get(DemoSeeder).seed();
    const ds = app.get(DataSource);

    // the workspace: authors, mentions, and one conversation per mention, spread over 90 days and every state
    const seeded = performance.now();
    const [{ agent }] = await ds.query(`SELECT user_id AS agent FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = 'agent@example.com'`);
    const users: Array<{ user_id: string }> = await ds.query(`SELECT user_id FROM membership WHERE workspace_id = $1`, [workspaceId]);
    const [{ team }] = await ds.query(`INSERT INTO team (workspace_id, name) VALUES ($1, 'Care') RETURNING id AS team`, [workspaceId]);
    await ds.query(`INSERT INTO team_member (team_id, user_id, workspace_id) VALUES ($1, $2, $3)`, [team, agent, workspaceId]);
    await ds.query(
      `INSERT INTO author (workspace_id, platform, external_id, handle, name, followers)
       SELECT $1, 'x', 'bench-a' || g, 'user' || g, 'User ' || g, (g * 37) % 50000 FROM generate_series(1, 20000) g`,
      [workspaceId],
    );
    await ds.query(
      `INSERT INTO mention (workspace_id, platform, external_id, author_id, text, url, language, created_at, sentiment_score, sentiment_label, intents)
       SELECT $1, CASE WHEN g % 5 = 0 THEN 'mastodon' ELSE 'x' END, 'bench-m' || g, a.id,
              'Lumio support ticket number ' || g || ' is still waiting, any news?', 'https://x.com/i/' || g, 'en',
              now() - (g * interval '77 seconds'), -0.5, 'negative', '{complaint,question}'
       FROM generate_series(1, $2) g JOIN author a ON a.workspace_id = $1 AND a.external_id = 'bench-a' || (g % 20000 + 1)`,
      [workspaceId, conversations],
    );
    await ds.query(
      `INSERT INTO conversation (workspace_id, platform, thread_key, status, priority, author_id, subject_mention_id, assignee_id, team_id,
         tags, opened_at, last_message_at, waiting_since, message_count, first_response_due_at, resolution_due_at, escalated_at, escalated_to_user_id)
       SELECT m.workspace_id, m.platform, m.external_id,
              (ARRAY['new', 'open', 'pending', 'snoozed', 'resolved', 'resolved', 'resolved', 'ignored'])[n % 8 + 1],
              (ARRAY['low', 'normal', 'normal', 'high', 'urgent'])[n % 5 + 1], m.author_id, m.id,
              CASE WHEN n % 3 = 0 THEN NULL ELSE ($3::uuid[])[n % array_length($3::uuid[], 1) + 1] END,
              CASE WHEN n % 4 = 0 THEN $4::uuid END,
              CASE WHEN n % 10 = 0 THEN '{billing}'::text[] ELSE '{}' END,
              m.created_at, m.created_at + interval '5 minutes', m.created_at, 2,
              CASE WHEN n % 2 = 0 THEN m.created_at + interval '1 hour' END, CASE WHEN n % 2 = 0 THEN m.created_at + interval '1 day' END,
              CASE WHEN n % 200 = 0 THEN m.created_at END, CASE WHEN n % 200 = 0 THEN $5::uuid END
       FROM (SELECT m.*, row_number() OVER (ORDER BY m.id) AS n FROM mention m WHERE m.workspace_id = $1 AND m.external_id LIKE 'bench-m%') m
       WHERE $2 > 0`,
      [workspaceId, conversations, users.map((u) => u.user_id), team, agent],
    );
    await ds.query(`ANALYZE`);
    const seedMs = performance.now() - seeded;

    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'agent@example.com', password: DEMO_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const get = async (query: string): Promise<{ ms: number; page: Page<ConversationSummaryDto> }> => {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/conversations?${query}`, { headers: { authorization: `Bearer ${token}` } });
      const page = (await res.json()) as Page<ConversationSummaryDto>;
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(page)}`);
      return { ms, page };
    };
    // warm up
    for (const [, q] of QUERIES) await get(q);

    const lines = [`inbox list benchmark: ${conversations.toLocaleString('en')} conversations (seeded in ${(seedMs / 1000).toFixed(1)} s), ${requests} requests per query over HTTP on 127.0.0.1, pages of 50`];
    const all: number[] = [];
    for (const [name, q] of QUERIES) {
      const times: number[] = [];
      let cursor: string | null = null;
      let items = 0;
      for (let i = 0; i < requests; i++) {
        // first pages and the next ones, as an agent scrolls (then back to the top)
        const { ms, page } = await get(`${q}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        times.push(ms);
        items += page.items.length;
        cursor = i % 10 === 9 ? null : page.nextCursor;
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      lines.push(`  ${name.padEnd(28)} p50 ${percentile(times, 50).toFixed(1).padStart(5)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(5)} ms  max ${times[times.length - 1].toFixed(1).padStart(6)} ms  (${(items / requests).toFixed(0)} items a page)`);
    }
    all.sort((a, b) => a - b);
    const p95 = percentile(all, 95);
    lines.push(`  every query: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${all.length} requests`);
    lines.push(`  target (issue 5): p95 under 50 ms with 100,000 conversations → ${p95 < 50 && conversations >= 100_000 ? 'met' : 'NOT met'}`);
    const [{ version }] = await ds.query(`SELECT current_setting('server_version') AS version`);
    lines.push(`  machine: ${machine()} | postgres: ${version}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await app.close();
    await sim.close();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
