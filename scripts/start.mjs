#!/usr/bin/env node
// `npm start`: builds what is missing or stale, then runs the whole product on one machine: the platform
// simulator (demo mode), and the API with its embedded PostgreSQL, scheduler and the dashboard, on
// http://127.0.0.1:3000. Ctrl-C stops everything, the database included.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const demo = env.DEMO ? env.DEMO === 'true' : !env.X_BEARER_TOKEN;
const host = env.HOST ?? '127.0.0.1';
const port = env.PORT ?? '3000';
const simPort = env.SIMULATOR_PORT ?? '4010';

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const webIndex = join(root, 'dist/apps/web/index.html');
const webStale =
  !existsSync(webIndex) ||
  Math.max(newest(join(root, 'apps/web')), newest(join(root, 'libs/web')), newest(join(root, 'libs/shared'))) > statSync(webIndex).mtimeMs;
const targets = ['api', 'simulator', ...(webStale ? ['web'] : [])];
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), ...targets], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
function run(name, script, childEnv) {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, script)], { cwd: root, env: childEnv, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping everything`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  let left = children.filter((c) => c.exitCode === null && c.signalCode === null).length;
  if (left === 0) process.exit(code);
  for (const c of children) {
    c.once('exit', () => {
      if (--left === 0) process.exit(code);
    });
    c.kill('SIGTERM');
  }
  setTimeout(() => process.exit(code), 15_000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (demo) {
  run('simulator', 'dist/apps/simulator/apps/simulator/src/main.js', {
    ...env,
    SIMULATOR_HOST: '127.0.0.1',
    SIMULATOR_PORT: simPort,
    SIMULATOR_BACKFILL_POSTS: env.SIMULATOR_BACKFILL_POSTS ?? '1200',
    SIMULATOR_BACKFILL_HOURS: env.SIMULATOR_BACKFILL_HOURS ?? '72',
  });
}
run('api', 'dist/apps/api/apps/api/src/main.js', {
  ...env,
  HOST: host,
  PORT: port,
  WEB_DIST_DIR: env.WEB_DIST_DIR ?? join(root, 'dist/apps/web'),
  ...(demo ? { DEMO: 'true', SIMULATOR_URL: env.SIMULATOR_URL ?? `http://127.0.0.1:${simPort}`, POLL_INTERVAL_SECONDS: env.POLL_INTERVAL_SECONDS ?? '10', INITIAL_BACKFILL_HOURS: env.INITIAL_BACKFILL_HOURS ?? '72' } : {}),
});

const url = `http://${host}:${port}`;
const deadline = Date.now() + 120_000;
(async () => {
  while (!stopping && Date.now() < deadline) {
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) {
        console.log(`\n  Écoute is running on ${url}\n`);
        if (demo) {
          console.log('  Demo logins (password: ecoute-demo):');
          console.log('    admin@example.com · lead@example.com · agent@example.com · analyst@example.com');
          console.log(`  Platform simulator (stands in for X, Mastodon, Reddit, Hacker News and Bluesky): http://127.0.0.1:${simPort}`);
        }
        console.log(`  API docs: ${url}/api/docs\n  Press Ctrl-C to stop.\n`);
        return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!stopping) console.error(`the API did not become healthy at ${url}/api/health within 2 minutes`);
})();
