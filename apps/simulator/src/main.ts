/**
 * Runs the simulator for the demo: SIMULATOR_HOST (127.0.0.1), SIMULATOR_PORT (4010), SIMULATOR_SEED (42),
 * SIMULATOR_POSTS_PER_MINUTE (20), SIMULATOR_BACKFILL_POSTS (0) over SIMULATOR_BACKFILL_HOURS (6),
 * SIMULATOR_PLATFORMS (comma-separated, default all: x,mastodon,reddit,hackernews,bluesky); publishes on a timer;
 * closes on SIGINT/SIGTERM.
 */
import { startSimulator } from './index';
import { isPlatform, PLATFORMS, type Platform } from './platform';

function platformsEnv(): Platform[] {
  const raw = process.env['SIMULATOR_PLATFORMS'];
  if (raw === undefined || raw.trim() === '') return [...PLATFORMS];
  const list = raw.split(',').map((p) => p.trim().toLowerCase());
  const unknown = list.filter((p) => !isPlatform(p));
  if (unknown.length > 0) throw new Error(`SIMULATOR_PLATFORMS: unknown ${unknown.join(', ')}`);
  return list.filter(isPlatform);
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name}: not a number: ${raw}`);
  return value;
}

async function main(): Promise<void> {
  const sim = await startSimulator({
    host: process.env['SIMULATOR_HOST'] || '127.0.0.1',
    port: intEnv('SIMULATOR_PORT', 4010),
    seed: intEnv('SIMULATOR_SEED', 42),
    postsPerMinute: intEnv('SIMULATOR_POSTS_PER_MINUTE', 20),
    backfillPosts: intEnv('SIMULATOR_BACKFILL_POSTS', 0),
    backfillHours: intEnv('SIMULATOR_BACKFILL_HOURS', 6),
    platforms: platformsEnv(),
    autoPublish: true,
    logger: (line) => process.stdout.write(`[simulator] ${line}\n`),
  });
  process.stdout.write(
    `platform simulator: ${sim.url} (X), ${sim.url}/mastodon, /reddit, /hackernews, /bluesky` +
      `  (admin: ${sim.url}/__sim/health)\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`[simulator] ${signal}: closing\n`);
    sim.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`[simulator] close failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`[simulator] failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
