import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { startSimulator, type RunningSimulator } from '../../apps/simulator/src/index';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestDatabase } from '../support/test-db';

interface Call {
  key: string;
  start: number;
  end: number;
}

/**
 * A pass-through proxy in front of the simulator that records every platform search: which request, when it
 * started and ended. Two processes polling the same source at once would show as overlapping calls.
 */
async function recordingProxy(target: string): Promise<{ url: string; calls: Call[]; close(): Promise<void> }> {
  const calls: Call[] = [];
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const start = Date.now();
    const url = new URL(req.url ?? '/', target);
    const proxied = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.on('end', () => {
          if (!url.pathname.startsWith('/__sim')) calls.push({ key: `${url.pathname}?${[...url.searchParams].filter(([k]) => /^(q|query|tag)$/.test(k)).map(([k, v]) => `${k}=${v}`).join('&')}`, start, end: Date.now() });
        });
      },
    );
    proxied.on('error', () => res.destroy());
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

describe('two API processes on one database', () => {
  let sim: RunningSimulator;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let db: { url: string; drop(): Promise<void> };
  let pg: Client;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 99 });
    proxy = await recordingProxy(sim.url);
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await Promise.all(apis.map((a) => a.kill('SIGTERM')));
    await pg?.end();
    await proxy?.close();
    await sim?.close();
    await db?.drop();
  });

  it('share the sources through leases and never poll the same source at the same time', async () => {
    await fetch(`${sim.url}/__sim/publish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 300 }) });
    // every response is slow, so that polls last long enough to collide if the leases let them
    await fetch(`${sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delayMs: 60 }) });
    const env = {
      DATABASE_URL: db.url,
      DEMO: 'true',
      SIMULATOR_URL: proxy.url,
      SCHEDULER_ENABLED: 'true',
      SCHEDULER_TICK_MS: '100',
      POLL_INTERVAL_SECONDS: '1',
      // live polling only: a source's look-back runs under a lease of its own and may overlap its polls
      INITIAL_BACKFILL_HOURS: '0',
    };
    apis.push(await startApiProcess(env));
    apis.push(await startApiProcess(env));
    await sleep(8000);

    const polls = await Promise.all(
      apis.map(async (a) => {
        const health = (await (await fetch(`${a.url}/api/health`)).json()) as { components: { scheduler: { polls: number } } };
        return health.components.scheduler.polls;
      }),
    );
    // both processes did part of the work
    expect(polls[0]).toBeGreaterThan(0);
    expect(polls[1]).toBeGreaterThan(0);

    // no two calls of the same request overlapped in time
    const byKey = new Map<string, Call[]>();
    for (const c of proxy.calls) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
    const overlaps: string[] = [];
    for (const [key, calls] of byKey) {
      const sorted = [...calls].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) overlaps.push(key);
    }
    expect(proxy.calls.length).toBeGreaterThan(20);
    expect(overlaps).toEqual([]);

    const dup = await pg.query(`SELECT count(*)::int AS n FROM (SELECT mention_id, query_id FROM mention_match GROUP BY 1, 2 HAVING count(*) > 1) d`);
    expect(dup.rows[0].n).toBe(0);
  });
});
