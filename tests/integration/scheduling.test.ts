import { DataSource } from 'typeorm';
import type { Platform } from '@ecoute/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

const PLATFORMS: Platform[] = ['x', 'mastodon', 'reddit', 'hackernews', 'bluesky'];

interface SourceRow {
  platform: Platform;
  state: string;
  next_poll_at: Date;
  last_error: string | null;
  consecutive_failures: number;
  rate_limit_remaining: number | null;
}

describe('scheduling: rate limits, backoff and re-auth on every platform', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ env: { INITIAL_BACKFILL_HOURS: '0' } });
    ds = t.app.get(DataSource);
    await t.makeSourcesDue();
    await t.tick();
  });
  afterAll(async () => {
    await t?.close();
  });

  const sources = (platform: Platform): Promise<SourceRow[]> =>
    ds.query(`SELECT platform, state, next_poll_at, last_error, consecutive_failures, rate_limit_remaining FROM source WHERE platform = $1`, [platform]);

  it.each(PLATFORMS.flatMap((p) => [[p, '429'], [p, '429json']] as const))(
    '%s: a %s waits for the reset the platform gives, for every source of the platform',
    async (platform, kind) => {
      await fetch(`${t.sim.url}/__sim/faults`, { method: 'DELETE' });
      await t.simPost('/__sim/faults', { queue: [kind], endpoints: [platform === 'x' ? 'search' : platform], resetSeconds: 600 });
      await ds.query(`UPDATE source SET next_poll_at = CASE WHEN platform = $1 THEN now() - interval '1 second' ELSE now() + interval '1 hour' END`, [platform]);
      const before = Date.now();
      await t.tick();
      const rows = await sources(platform);
      const limited = rows.filter((r) => r.last_error?.startsWith('rate_limited'));
      expect(limited).toHaveLength(1);
      expect(limited[0].state).toBe('backing_off');
      expect(limited[0].rate_limit_remaining).toBe(0);
      // every source of the platform waits for the reset (the budget is the token's), well past the 1 s interval
      for (const r of rows) expect(new Date(r.next_poll_at).getTime()).toBeGreaterThan(before + 500_000);
    },
  );

  it.each(PLATFORMS)('%s: 5xx, timeouts, malformed and truncated bodies back off exponentially, then recover', async (platform) => {
    await fetch(`${t.sim.url}/__sim/faults`, { method: 'DELETE' });
    await ds.query(`UPDATE source SET state = 'active', consecutive_failures = 0, last_error = NULL, next_poll_at = now() + interval '1 hour'`);
    const [one] = await ds.query(`SELECT id FROM source WHERE platform = $1 LIMIT 1`, [platform]);
    const endpoint = platform === 'x' ? 'search' : platform;
    const delays: number[] = [];
    for (const kind of ['503', 'malformed', 'truncated', '500']) {
      await t.simPost('/__sim/faults', { queue: [kind], endpoints: [endpoint], timeoutMs: 100 });
      await ds.query(`UPDATE source SET next_poll_at = now() - interval '1 second' WHERE id = $1`, [one.id]);
      const before = Date.now();
      await t.tick();
      const [row] = await ds.query(`SELECT state, consecutive_failures, next_poll_at, last_error FROM source WHERE id = $1`, [one.id]);
      expect(row.state).toBe('backing_off');
      expect(row.last_error).toMatch(/^temporary/);
      delays.push(new Date(row.next_poll_at).getTime() - before);
    }
    const [row] = await ds.query(`SELECT consecutive_failures FROM source WHERE id = $1`, [one.id]);
    expect(row.consecutive_failures).toBe(4);
    // each delay is 1–2 s times 2^(failures-1): the fourth is at least 8 s, the first at most 2 s
    expect(delays[0]).toBeLessThanOrEqual(2500);
    expect(delays[3]).toBeGreaterThanOrEqual(7500);
    await ds.query(`UPDATE source SET next_poll_at = now() - interval '1 second' WHERE id = $1`, [one.id]);
    await t.tick();
    const [recovered] = await ds.query(`SELECT state, consecutive_failures, last_error FROM source WHERE id = $1`, [one.id]);
    expect(recovered).toEqual({ state: 'active', consecutive_failures: 0, last_error: null });
  });

  it.each(PLATFORMS)('%s: rejected credentials park the source in needs re-auth; it is not polled again until resumed', async (platform) => {
    await fetch(`${t.sim.url}/__sim/faults`, { method: 'DELETE' });
    await ds.query(`UPDATE source SET state = 'active', consecutive_failures = 0, last_error = NULL, next_poll_at = now() + interval '1 hour'`);
    const [one] = await ds.query(`SELECT id FROM source WHERE platform = $1 LIMIT 1`, [platform]);
    await t.simPost('/__sim/faults', { queue: ['auth'], endpoints: [platform === 'x' ? 'search' : platform] });
    await ds.query(`UPDATE source SET next_poll_at = now() - interval '1 second' WHERE id = $1`, [one.id]);
    await t.tick();
    const [row] = await ds.query(`SELECT state, last_error, last_polled_at FROM source WHERE id = $1`, [one.id]);
    expect(row.state).toBe('needs_reauth');
    expect(row.last_error).toMatch(/^auth_invalid/);
    await ds.query(`UPDATE source SET next_poll_at = now() - interval '1 second' WHERE id = $1`, [one.id]);
    await t.tick();
    const [again] = await ds.query(`SELECT last_polled_at FROM source WHERE id = $1`, [one.id]);
    expect(new Date(again.last_polled_at).getTime()).toBe(new Date(row.last_polled_at).getTime());
  });
});
