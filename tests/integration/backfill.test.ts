import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { Platform } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-db';

const CLI = join(__dirname, '../../dist/apps/api/apps/api/src/cli/backfill.js');
const PLATFORMS: Platform[] = ['x', 'mastodon', 'bluesky'];
const BRAND_QUERY = '(Lumio OR #Lumio OR @lumio) -is:retweet';

describe('npm run backfill: history as far back as each platform allows, resumable, never duplicated', () => {
  let t: TestApp;
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({ databaseUrl: db.url, platforms: PLATFORMS, env: { INITIAL_BACKFILL_HOURS: '0' } });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const runCli = (args: string[]) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: db.url, DEMO: 'true', SIMULATOR_URL: t.sim.url, LOG_LEVEL: 'silent', DEMO_PLATFORMS: PLATFORMS.join(',') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // a run that hangs is killed, so that its output shows where
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 45_000);
    const exit = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => {
        clearTimeout(watchdog);
        resolve(code);
      }),
    );
    return { child, exit, output: () => out };
  };

  it('refuses bad arguments with a message and the usage', async () => {
    const run = runCli(['--query', 'Lumio', '--since', 'last week']);
    expect(await run.exit).toBe(2);
    expect(run.output()).toMatch(/--since: "last week" is not a date/);
    expect(run.output()).toMatch(/usage: npm run backfill/);
    const missing = runCli(['--query', 'Nope', '--since', '2d']);
    expect(await missing.exit).toBe(1);
    expect(missing.output()).toMatch(/no listening query named "Nope"/);
  });

  it('survives a SIGKILL mid-run, resumes, and stores every post of the period exactly once', async () => {
    // nine days of history on three platforms: X keeps seven of them
    const now = Date.now();
    const posts = Array.from({ length: 450 }, (_, i) => ({
      platform: PLATFORMS[i % 3],
      text: `Lumio story number ${i}: the fibre box blinks orange again`,
      lang: 'en',
      created_at: new Date(now - 60_000 - i * 29 * 60_000).toISOString(),
    }));
    await t.simPost('/__sim/publish', { posts });
    // slow answers, so that the kill lands in the middle
    await t.simPost('/__sim/faults', { delayMs: 40, endpoints: ['search', 'mastodon', 'bluesky'] });

    const first = runCli(['--query', 'Lumio', '--since', '10d']);
    const ds = t.app.get(DataSource);
    for (let i = 0; i < 300; i++) {
      const [row] = await ds.query(`SELECT coalesce(sum(pages), 0)::int AS pages FROM backfill_job`);
      if (row.pages >= 2) break;
      await sleep(50);
    }
    first.child.kill('SIGKILL');
    await first.exit;
    const [partial] = await ds.query(`SELECT count(*)::int AS n FROM mention`);
    expect(partial.n).toBeGreaterThan(0);
    expect(partial.n).toBeLessThan(400);

    await fetch(`${t.sim.url}/__sim/faults`, { method: 'DELETE' });
    await t.simPost('/__sim/faults', { queue: ['503', '429json'], endpoints: ['mastodon'], resetSeconds: 1 });
    const second = runCli(['--query', 'Lumio', '--since', '10d']);
    const code = await second.exit;
    const out = second.output();
    // the output says why, if it failed
    expect(code === 0 ? 'exit 0' : out).toBe('exit 0');
    expect(out).toMatch(/x: done from/);
    expect(out).toMatch(/mastodon: done from/);
    expect(out).toMatch(/x keeps 7 days/);
    expect(out).toMatch(/\d+%/); // the progress bars

    const sevenDaysAgo = new Date(now - 7 * 86_400_000 + 6 * 60_000).toISOString();
    for (const platform of PLATFORMS) {
      const since = platform === 'x' ? `&since=${sevenDaysAgo}` : '';
      const truth = await t.simGet<{ items: Array<{ external_id: string }> }>(`/__sim/published?platform=${platform}&query=${encodeURIComponent(BRAND_QUERY)}${since}`);
      const stored: Array<{ external_id: string }> = await ds.query(
        `SELECT m.external_id FROM mention m JOIN mention_match mm ON mm.mention_id = m.id JOIN listening_query q ON q.id = mm.query_id
         WHERE q.name = 'Lumio' AND m.platform = $1`,
        [platform],
      );
      const ids = stored.map((r) => r.external_id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(truth.items.map((p) => p.external_id)));
    }
    // nine days on Mastodon and Bluesky, seven on X
    const [{ n: mastodon }] = await ds.query(`SELECT count(*)::int AS n FROM mention WHERE platform = 'mastodon' AND text LIKE 'Lumio story%'`);
    expect(mastodon).toBe(150);
    const [{ n: x }] = await ds.query(`SELECT count(*)::int AS n FROM mention WHERE platform = 'x' AND text LIKE 'Lumio story%'`);
    expect(x).toBeLessThan(150);
    expect(x).toBeGreaterThan(100);

    // running it again finds nothing new
    const third = runCli(['--query', 'Lumio', '--since', '10d']);
    const thirdCode = await third.exit;
    expect(thirdCode === 0 ? 'exit 0' : third.output()).toBe('exit 0');
    expect(third.output()).toMatch(/x: done from .*, 0 new/);
  });
});
