/**
 * The platform simulator: a local HTTP server that imitates the X API v2 (recent search, posting replies), and
 * under their own prefixes Mastodon (/mastodon), Reddit (/reddit), Hacker News's Algolia API (/hackernews) and
 * Bluesky (/bluesky), all serving one seeded stream of posts about the demo world, with fault injection and
 * admin endpoints under /__sim.
 */
import type { AddressInfo } from 'node:net';
import type { SimulatorContext } from './context';
import { FaultInjector } from './faults';
import { isPlatform, PLATFORMS, type Platform } from './platform';
import { Publisher } from './publisher';
import { RateLimiter } from './rate-limit';
import { closeServer, createApp, listen } from './server';
import { Simulation } from './simulation';
import { Timers } from './timers';

export interface SimulatorOptions {
  host?: string; // default '127.0.0.1'
  port?: number; // default 4010; 0 = any free port
  seed?: number; // default 42
  /** publish posts on a timer (the demo); tests pass false and publish on demand */
  autoPublish?: boolean; // default false
  /** mean posts per minute while auto-publishing, default 20; bursts come on top */
  postsPerMinute?: number;
  /** posts to backfill at start, spread over the previous `backfillHours` (default 0 posts, 6 hours) */
  backfillPosts?: number;
  backfillHours?: number;
  /** the platforms generated posts go to (weights renormalised); default all five */
  platforms?: Platform[];
  logger?: (line: string) => void; // default: no logging
}

export interface RunningSimulator {
  url: string; // e.g. http://127.0.0.1:4010
  port: number;
  close(): Promise<void>;
}

function check(name: string, value: number, ok: boolean): void {
  if (!Number.isFinite(value) || !ok)
    throw new RangeError(`simulator option ${name}: invalid value ${value}`);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4010;
  const seed = options.seed ?? 42;
  const postsPerMinute = options.postsPerMinute ?? 20;
  const backfillPosts = options.backfillPosts ?? 0;
  const backfillHours = options.backfillHours ?? 6;
  check('port', port, Number.isInteger(port) && port >= 0 && port <= 65535);
  check('seed', seed, Number.isInteger(seed));
  check('postsPerMinute', postsPerMinute, postsPerMinute >= 0);
  check('backfillPosts', backfillPosts, Number.isInteger(backfillPosts) && backfillPosts >= 0);
  check('backfillHours', backfillHours, backfillHours > 0 && backfillHours <= 7 * 24);
  const platforms = options.platforms ?? [...PLATFORMS];
  if (platforms.length === 0 || !platforms.every(isPlatform)) {
    throw new RangeError(
      `simulator option platforms: give one or more of ${PLATFORMS.join(', ')}, not ${JSON.stringify(platforms)}`,
    );
  }
  const log = options.logger ?? (() => undefined);

  const timers = new Timers();
  const ctx: SimulatorContext = {
    sim: new Simulation(seed, platforms),
    faults: new FaultInjector(seed),
    limiter: new RateLimiter(),
    timers,
    lastPages: new Map(),
    log,
    now: () => Date.now(),
  };
  const publisher = new Publisher(ctx.sim, timers, postsPerMinute, log, ctx.now);
  publisher.backfill(backfillPosts, backfillHours);

  const server = await listen(createApp(ctx), host, port);
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  if (options.autoPublish) publisher.start();
  log(
    `simulator listening on ${url} (seed ${seed}${options.autoPublish ? `, ${postsPerMinute} posts/min` : ''})`,
  );

  let closing: Promise<void> | null = null;
  return {
    url,
    port: actualPort,
    close() {
      closing ??= (async () => {
        publisher.stop();
        timers.clearAll();
        await closeServer(server);
        log('simulator closed');
      })();
      return closing;
    },
  };
}

// the seeded generator, for reuse (e.g. backfilling weeks of history through another path)
export {
  generatePost,
  initialGeneratorState,
  type GeneratorContext,
  type ThreadCandidate,
} from './generator';
export { buildAuthorPool, type AuthorPool } from './authors';
export { incidentAt, type Incident } from './incidents';
export { updateThreads } from './threads';
export type { PostDraft, PostIntent, SimUser } from './model';
export { PLATFORMS, type Platform } from './platform';
