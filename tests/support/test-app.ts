import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD, type LoginResponse, type Platform } from '@ecoute/contracts';
import { loadConfig, type AppConfig } from '@ecoute/api-platform';
import { PollScheduler } from '@ecoute/api-pipeline';
import { ReplyDispatcher } from '@ecoute/api-inbox';
import { startSimulator, type RunningSimulator } from '../../apps/simulator/src/index';
import { createApp } from '../../apps/api/src/bootstrap';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { createTestDatabase } from './test-db';

export interface TestApp {
  app: NestExpressApplication;
  /** http://127.0.0.1:<port> */
  url: string;
  sim: RunningSimulator;
  config: AppConfig;
  workspaceId: string;
  /** runs one scheduler round (poll due sources, send replies) and waits for it */
  tick(): Promise<void>;
  /** makes every source due now */
  makeSourcesDue(): Promise<void>;
  login(email?: string): Promise<string>;
  api<T = unknown>(path: string, init?: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: T }>;
  simGet<T = unknown>(path: string): Promise<T>;
  simPost<T = unknown>(path: string, body: unknown): Promise<T>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** a simulator already running (to share between apps) */
  sim?: RunningSimulator;
  databaseUrl?: string;
  /** the platforms the simulator publishes on and the demo workspace listens on (default: all five) */
  platforms?: Platform[];
}

/**
 * The real API on a real PostgreSQL database of its own, talking to the platform simulator over HTTP on
 * 127.0.0.1, with the demo workspace seeded and the scheduler driven by the test.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const sim = options.sim ?? (await startSimulator({ port: 0, seed: 7, platforms: options.platforms }));
  const db = options.databaseUrl ? null : await createTestDatabase();
  const databaseUrl = options.databaseUrl ?? db?.url ?? '';
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO: 'true',
    SIMULATOR_URL: sim.url,
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    POLL_INTERVAL_SECONDS: '1',
    X_REQUEST_TIMEOUT_MS: '2000',
    PLATFORM_REQUEST_TIMEOUT_MS: '2000',
    ...(options.platforms ? { DEMO_PLATFORMS: options.platforms.join(',') } : {}),
    ...options.env,
  });
  const app = await createApp({ config, databaseUrl, bufferLogs: false });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const workspaceId = await app.get(DemoSeeder).seed();
  const scheduler = app.get(PollScheduler);
  const dispatcher = app.get(ReplyDispatcher);

  const api: TestApp['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    } else if (init.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as never };
  };

  return {
    app,
    url,
    sim,
    config,
    workspaceId,
    tick: async () => {
      // the scheduler's own round, as the interval would run it
      await scheduler.tick();
      await dispatcher.sweep();
    },
    makeSourcesDue: async () => {
      const ds = app.get((await import('typeorm')).DataSource);
      await ds.query(`UPDATE source SET next_poll_at = now() - interval '1 second'`);
    },
    login: async (email = 'agent@example.com') => {
      const r = await api<LoginResponse>('/api/auth/login', { method: 'POST', body: { email, password: DEMO_PASSWORD } });
      if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token;
    },
    api,
    simGet: async (path) => (await (await fetch(`${sim.url}${path}`)).json()) as never,
    simPost: async (path, body) =>
      (await (
        await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      ).json()) as never,
    close: async () => {
      await app.close();
      if (!options.sim) await sim.close();
      await db?.drop();
    },
  };
}
