import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { ListeningQuerySpec, type Platform } from '@ecoute/contracts';
import { compileXQuery } from '@ecoute/api-connectors';
import { ALL_QUERIES } from '@ecoute/api-analytics';
import { startSimulator, type RunningSimulator } from '../../apps/simulator/src/index';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { findBrokenReferences } from '../../apps/api/src/database/integrity';
import { createTestDatabase } from '../support/test-db';

/**
 * The fault-injection suite (issue 3): the simulator serves a mix of 429s (plain-text and JSON bodies, with
 * reset headers), 500s, 503s, timeouts, malformed and truncated JSON, duplicated pages and out-of-order ids on
 * all five platforms, while the real API process is killed with SIGKILL in the middle of polls and restarted.
 * At the end the mentions table must equal the simulator's ground truth for every query and platform.
 */

interface Published {
  items: Array<{ external_id: string; platform: Platform; text: string }>;
  count: number;
}

jest.setTimeout(360_000);

const KILLS = 4;
const PLATFORMS: Platform[] = ['x', 'mastodon', 'reddit', 'hackernews', 'bluesky'];

describe('fault injection: SIGKILL mid-poll and a hostile platform mix lose and duplicate nothing', () => {
  let sim: RunningSimulator;
  let db: { url: string; drop(): Promise<void> };
  let api: ApiProcess | null = null;
  let pg: Client;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 1234 });
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

  const simPost = (path: string, body: unknown) =>
    fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.json();
    });
  const start = () =>
    startApiProcess({
      DATABASE_URL: db.url,
      DEMO: 'true',
      SIMULATOR_URL: sim.url,
      SCHEDULER_ENABLED: 'true',
      SCHEDULER_TICK_MS: '150',
      SCHEDULER_LEASE_SECONDS: '5',
      POLL_INTERVAL_SECONDS: '1',
      X_REQUEST_TIMEOUT_MS: '800',
      PLATFORM_REQUEST_TIMEOUT_MS: '800',
    });

  /** waits until some source is leased (a poll is under way), up to `ms` */
  async function waitForPollInFlight(ms: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const r = await pg.query(`SELECT count(*)::int AS n FROM source WHERE lease_owner IS NOT NULL AND lease_expires_at > now()`);
      if (r.rows[0].n > 0) return true;
      await sleep(20);
    }
    return false;
  }

  async function compare(): Promise<Array<{ query: string; platform: Platform; truth: number; stored: number; missing: number; extra: number; duplicated: number; examples: string[] }>> {
    const queries = await pg.query<{ id: string; name: string; spec: unknown }>(`SELECT id, name, spec FROM listening_query ORDER BY name`);
    const rows = [];
    for (const q of queries.rows) {
      const xQuery = compileXQuery(ListeningQuerySpec.parse(q.spec));
      for (const platform of PLATFORMS) {
        const truth = (await (await fetch(`${sim.url}/__sim/published?platform=${platform}&query=${encodeURIComponent(xQuery)}`)).json()) as Published;
        const stored = await pg.query<{ external_id: string }>(
          `SELECT m.external_id FROM mention m JOIN mention_match mm ON mm.mention_id = m.id WHERE mm.query_id = $1 AND m.platform = $2`,
          [q.id, platform],
        );
        const want = new Set(truth.items.map((i) => i.external_id));
        const got = stored.rows.map((r) => r.external_id);
        const gotSet = new Set(got);
        rows.push({
          query: q.name,
          platform,
          truth: want.size,
          stored: got.length,
          missing: [...want].filter((id) => !gotSet.has(id)).length,
          extra: [...gotSet].filter((id) => !want.has(id)).length,
          duplicated: got.length - gotSet.size,
          examples: truth.items.filter((i) => !gotSet.has(i.external_id)).slice(0, 3).map((i) => `${i.external_id}: ${i.text}`),
        });
      }
    }
    return rows;
  }

  it('ends with the mentions table equal to the ground truth, with 0 missing and 0 duplicated', async () => {
    await simPost('/__sim/publish', { count: 300 });
    await simPost('/__sim/faults', {
      rate429: 0.06,
      rate5xx: 0.08,
      rateMalformed: 0.03,
      rateTruncated: 0.03,
      rateTimeout: 0.03,
      rateDuplicate: 0.05,
      rateOutOfOrder: 0.05,
      timeoutMs: 1500,
      resetSeconds: 1,
      delayMs: 40,
    });
    api = await start();
    let kills = 0;
    for (let round = 0; round < KILLS; round++) {
      await simPost('/__sim/publish', { count: 150 });
      await sleep(500 + round * 300);
      const inFlight = await waitForPollInFlight(10_000);
      await api.kill('SIGKILL');
      if (inFlight) kills++;
      api = await start();
    }
    expect(kills).toBeGreaterThanOrEqual(3);

    // the storm ends; the product must converge on the truth by itself
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
    let rows = await compare();
    const deadline = Date.now() + 120_000;
    while (rows.some((r) => r.missing > 0) && Date.now() < deadline) {
      await sleep(1000);
      rows = await compare();
    }
    const totals = rows.reduce((a, r) => ({ truth: a.truth + r.truth, stored: a.stored + r.stored, missing: a.missing + r.missing, duplicated: a.duplicated + r.duplicated, extra: a.extra + r.extra }), { truth: 0, stored: 0, missing: 0, duplicated: 0, extra: 0 });
    console.log(
      `fault suite: ${kills} SIGKILLs mid-poll; ${totals.truth} posts in the ground truth, ${totals.stored} stored: ${totals.missing} missing, ${totals.duplicated} duplicated, ${totals.extra} not in the truth\n` +
        rows.map((r) => `  ${r.query.padEnd(20)} ${r.platform.padEnd(10)} truth ${String(r.truth).padStart(4)} stored ${String(r.stored).padStart(4)} missing ${r.missing} duplicated ${r.duplicated} extra ${r.extra}${r.examples.length ? `\n      missing: ${r.examples.join('\n      missing: ')}` : ''}`).join('\n'),
    );
    if (totals.missing > 0) {
      // what the sources and look-backs were doing when the wait ended, to tell a stuck walk from a slow one
      const state = await pg.query(
        `SELECT q.name, s.platform, s.state, s.consecutive_failures, s.next_poll_at, s.lease_expires_at, s.last_error, s.cursor,
                j.state AS backfill, j.failures AS backfill_failures, j.next_attempt_at, j.lease_expires_at AS backfill_lease, j.last_error AS backfill_error, j.cursor AS backfill_cursor
         FROM source s JOIN listening_query q ON q.id = s.query_id LEFT JOIN backfill_job j ON j.source_id = s.id ORDER BY q.name, s.platform`,
      );
      console.log(`state at the end (now ${new Date().toISOString()}):\n${state.rows.map((r) => JSON.stringify(r)).join('\n')}`);
    }
    expect(totals.truth).toBeGreaterThan(300);
    expect(rows.filter((r) => r.missing > 0 || r.duplicated > 0 || r.extra > 0)).toEqual([]);
    for (const p of PLATFORMS) expect(rows.filter((r) => r.platform === p).reduce((n, r) => n + r.truth, 0)).toBeGreaterThan(0);

    // nothing downstream duplicated either: one inbound message per mention, rollups equal to the matches
    const dup = await pg.query(`SELECT count(*)::int AS n FROM (SELECT mention_id FROM message WHERE kind = 'inbound' GROUP BY mention_id HAVING count(*) > 1) d`);
    expect(dup.rows[0].n).toBe(0);
    const rollups = await pg.query(
      `SELECT (SELECT coalesce(sum(mentions), 0)::int FROM mention_rollup_hourly WHERE query_id <> '${ALL_QUERIES}') AS rolled,
              (SELECT count(*)::int FROM mention_match) AS matched,
              (SELECT coalesce(sum(mentions), 0)::int FROM mention_rollup_hourly WHERE query_id = '${ALL_QUERIES}') AS rolled_all,
              (SELECT count(*)::int FROM mention) AS mentions`,
    );
    expect(rollups.rows[0].rolled).toBe(rollups.rows[0].matched);
    expect(rollups.rows[0].rolled_all).toBe(rollups.rows[0].mentions);
    // and every reference the ingest path guarantees without a foreign key holds (decision 0013)
    expect(await findBrokenReferences(async (sql) => (await pg.query<{ id: string }>(sql)).rows)).toEqual([]);
  });
});
