import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { MultiBar, Presets } from 'cli-progress';
import { DataSource } from 'typeorm';
import { Platform } from '@ecoute/contracts';
import { attachOrStartEmbeddedPostgres, ConfigError, loadConfig } from '@ecoute/api-platform';
import { BackfillRunner, type BackfillProgress } from '@ecoute/api-pipeline';
import { AppModule } from '../app.module';

const USAGE = `usage: npm run backfill -- --query <name> --since <date | 7d | 48h> [--platform x,mastodon] [--workspace <slug>]

Fetches the query's history back to --since, as far as each platform allows (X recent search: 7 days), through
the same pipeline as polling. Interrupt it at any time: running it again resumes where it stopped, and nothing
is stored twice.`;

/** `--since`: an ISO date or date-time, or a duration back from now such as 7d or 36h. */
export function parseSince(value: string, nowMs = Date.now()): Date {
  const relative = /^(\d+)\s*([dh])$/i.exec(value.trim());
  if (relative) return new Date(nowMs - Number(relative[1]) * (relative[2].toLowerCase() === 'd' ? 86_400_000 : 3_600_000));
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw new Error(`--since: "${value}" is not a date (2026-11-01, 2026-11-01T08:00Z) or a duration (7d, 36h)`);
  if (ms > nowMs) throw new Error(`--since: ${value} is in the future`);
  return new Date(ms);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: { query: { type: 'string' }, since: { type: 'string' }, platform: { type: 'string' }, workspace: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!args.query) fail('--query is required');
  if (!args.since) fail('--since is required');
  let since: Date;
  try {
    since = parseSince(args.since);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const platforms = args.platform?.split(',').map((p) => {
    const parsed = Platform.safeParse(p.trim());
    if (!parsed.success) fail(`--platform: "${p}" is not one of ${Platform.options.join(', ')}`);
    return parsed.data;
  });

  let config;
  try {
    // the backfill polls nothing on its own schedule: the running server (if any) keeps doing that
    // beside `npm start`'s demo, the simulator is where npm start put it
    const simulator = process.env['SIMULATOR_URL'] ?? `http://127.0.0.1:${process.env['SIMULATOR_PORT'] ?? '4010'}`;
    config = loadConfig({ SIMULATOR_URL: simulator, ...process.env, SCHEDULER_ENABLED: 'false', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  const pg = config.databaseUrl ? null : await attachOrStartEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, config.databaseUrl ?? pg?.url ?? ''), { logger: ['error'], abortOnError: false });
  const bars = new MultiBar(
    { format: ' {platform} |{bar}| {percentage}% | {pages} pages, {fetched} fetched, {inserted} new {status}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
    Presets.shades_classic,
  );
  let barsStopped = false;
  const stopBars = () => {
    if (!barsStopped) bars.stop();
    barsStopped = true;
  };
  try {
    const workspaces: Array<{ id: string; slug: string }> = await app.get(DataSource).query(`SELECT id, slug FROM workspace ORDER BY slug`);
    const workspace = args.workspace ? workspaces.find((w) => w.slug === args.workspace) : workspaces.length === 1 ? workspaces[0] : undefined;
    if (!workspace) fail(`--workspace: pick one of ${workspaces.map((w) => w.slug).join(', ') || '(no workspace yet)'}`);
    const perPlatform = new Map<string, ReturnType<MultiBar['create']>>();
    const onProgress = (p: BackfillProgress) => {
      const payload = {
        platform: p.platform.padEnd(10),
        pages: p.pages,
        fetched: p.fetched,
        inserted: p.inserted,
        status: p.waitingUntil ? `| waiting until ${p.waitingUntil.toISOString().slice(11, 19)}: ${p.note ?? ''}` : p.note ? `| ${p.note}` : '',
      };
      let bar = perPlatform.get(p.platform);
      if (!bar) {
        bar = bars.create(1000, 0, payload);
        perPlatform.set(p.platform, bar);
      }
      bar.update(Math.round(p.fraction * 1000), payload);
    };
    const results = await app.get(BackfillRunner).run({ workspaceId: workspace.id, queryName: args.query, since, platforms }, onProgress);
    stopBars();
    for (const r of results) {
      process.stdout.write(`${r.platform}: ${r.state} from ${r.since.toISOString()}: ${r.pages} pages, ${r.fetched} fetched, ${r.inserted} new${r.error ? ` (${r.error})` : ''}\n`);
    }
    if (results.some((r) => r.state === 'failed')) process.exitCode = 1;
  } finally {
    stopBars();
    await app.close();
    await pg?.stop();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`backfill failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
