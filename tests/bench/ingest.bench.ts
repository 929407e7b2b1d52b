/**
 * `npm run bench -- ingest [--posts=30000]`: mentions per second through the ingest pipeline, end to end from
 * the platform's response body to committed rows: JSON parse → X mapper → repost folding, enrichment and local
 * matching → authors upserted, then one transaction per batch of pages, as a poll commits them (mentions,
 * matches, conversations, messages, rollups, cursor). Each source walks its own pages in order.
 * The bodies are real X recent-search responses from the simulator, fetched over HTTP beforehand (that time is
 * reported separately). PostgreSQL is the embedded server, on this machine.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import { ListeningQuerySpec } from '@ecoute/contracts';
import { loadConfig, retryTransient, startEmbeddedPostgres } from '@ecoute/api-platform';
import { mapXSearchBody } from '@ecoute/api-connectors';
import { MentionBatchWriter, SourceLeases } from '@ecoute/api-ingestion';
import { RoutingRulesService } from '@ecoute/api-routing';
import { PageCommitter, preparePage } from '@ecoute/api-pipeline';
import { AppModule } from '../../apps/api/src/app.module';
import { startSimulator } from '../../apps/simulator/src/index';
import { machine, percentile } from './machine';

const QUERY = '(Lumio OR #Lumio OR @lumio OR Nordlink OR #Nordlink OR @nordlink OR Zapp OR #ZappMobile OR @zappmobile OR #LumioFibre)';
const FIELDS =
  'tweet.fields=author_id,created_at,lang,conversation_id,public_metrics,in_reply_to_user_id,referenced_tweets,entities&expansions=author_id,referenced_tweets.id&user.fields=name,username,verified,profile_image_url,public_metrics';

async function main(): Promise<void> {
  const posts = Number(/--posts=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 30_000);
  // --profile: time each SQL statement of the page transaction
  const profile = process.argv.includes('--profile');
  const statements = new Map<string, { n: number; ms: number }>();
  // --concurrency=N: sources ingested at once (default 4, as the scheduler polls them)
  const concurrency = Number(/--concurrency=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 4);
  // --batch=N: platform pages committed per transaction (default 5, as a poll commits up to 500 mentions at once)
  const batch = Number(/--batch=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 5);
  const dataDir = mkdtempSync(join(tmpdir(), 'ecoute-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: 54000 + Math.floor(Math.random() * 900), persistent: false });
  const sim = await startSimulator({ port: 0, seed: 11, backfillPosts: posts, backfillHours: 160, platforms: ['x'] });
  const config = loadConfig({ DEMO: 'true', DEMO_PLATFORMS: 'x', SIMULATOR_URL: sim.url, SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, pg.url), { logger: false });
  try {
    const ds = app.get(DataSource);
    // one source per worker, as the scheduler polls several sources at once (SOURCES_PER_TICK)
    const [sources] = (await ds.query(
      `UPDATE source s SET lease_owner = 'bench', lease_expires_at = now() + interval '1 day'
       WHERE s.platform = 'x' RETURNING s.id, s.workspace_id, s.query_id`,
    )) as [Array<{ id: string; workspace_id: string; query_id: string }>, number];
    const spec = ListeningQuerySpec.parse({ include: ['Lumio', 'Nordlink', 'Zapp'], hashtags: ['Lumio', 'Nordlink', 'ZappMobile', 'LumioFibre'], handles: ['lumio', 'nordlink', 'zappmobile'] });
    const rules = await app.get(RoutingRulesService).forWorkspace(sources[0].workspace_id);
    const contexts = sources.slice(0, concurrency).map((source) => ({
      workspaceId: source.workspace_id,
      sourceId: source.id,
      queryId: source.query_id,
      queryKind: 'brand' as const,
      platform: 'x' as const,
      spec,
      rules,
    }));

    // 1. the platform's responses, fetched over HTTP from the simulator
    const fetchStarted = performance.now();
    const bodies: string[] = [];
    let token: string | undefined;
    do {
      const url = `${sim.url}/2/tweets/search/recent?query=${encodeURIComponent(QUERY)}&max_results=100&${FIELDS}${token ? `&next_token=${token}` : ''}`;
      const text = await (await fetch(url, { headers: { authorization: 'Bearer bench' } })).text();
      bodies.push(text);
      token = (JSON.parse(text) as { meta?: { next_token?: string } }).meta?.next_token;
    } while (token);
    const fetchMs = performance.now() - fetchStarted;

    // 2. the pipeline, page by page, as polling runs it
    const committer = app.get(PageCommitter);
    const leases = app.get(SourceLeases);
    const mentionWriter = app.get(MentionBatchWriter);
    const stage = { parse: 0, prepare: 0, commit: 0 };
    const pageMs: number[] = [];
    let mentions = 0;
    let inserted = 0;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    // each source walks its own run of pages in order, as a source's polls follow one another: the scheduler
    // never polls one source twice at once (a source's pages interleaved across workers would make every
    // transaction wait on its neighbour's, over the reposts' originals they share)
    const transactions = Math.ceil(bodies.length / batch);
    const perSource = Math.ceil(transactions / contexts.length);
    const worker = async (ctx: (typeof contexts)[number], w: number) => {
      for (let i = w * perSource; i < Math.min(transactions, (w + 1) * perSource); i++) {
        const t0 = performance.now();
        const fetched = bodies.slice(i * batch, (i + 1) * batch).flatMap((b) => mapXSearchBody(JSON.parse(b)));
        const t1 = performance.now();
        const prepared = preparePage(fetched, spec);
        const t2 = performance.now();
        // as PageCommitter.commit runs it, with each statement timed under --profile
        const items = prepared.items;
        const authorIds = await retryTransient(() => mentionWriter.upsertAuthors(profile ? timedQueries(ds.manager, statements) : ds.manager, ctx.workspaceId, ctx.platform, items));
        const committed = await retryTransient(() =>
          ds.transaction(async (raw) => {
            const tx = profile ? timedQueries(raw, statements) : raw;
            const r = await committer.write(tx, ctx, prepared, authorIds);
            await leases.advanceCursor(tx, ctx.sourceId, 'bench', { page: i }, 86_400);
            return r;
          }),
        );
        const t3 = performance.now();
        stage.parse += t1 - t0;
        stage.prepare += t2 - t1;
        stage.commit += t3 - t2;
        pageMs.push(t3 - t0);
        mentions += fetched.length;
        inserted += committed.inserted;
      }
    };
    await Promise.all(contexts.map((ctx, w) => worker(ctx, w)));
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuMs = (cpu.user + cpu.system) / 1000;
    const [{ version }] = await ds.query(`SELECT current_setting('server_version') AS version`);
    const [{ stored }] = await ds.query(`SELECT count(*)::int AS stored FROM mention`);
    pageMs.sort((a, b) => a - b);
    const rate = (mentions / totalMs) * 1000;
    const lines = [
      `ingest benchmark: ${mentions} mentions in ${bodies.length} pages of up to 100 (X recent-search bodies), ${contexts.length} sources at once, ${batch} page(s) per transaction`,
      `  end to end (parse → enrich → match → route → commit): ${Math.round(rate)} mentions/s, ${(totalMs / 1000).toFixed(2)} s`,
      `  per stage (summed over the workers): parse+map ${Math.round(stage.parse)} ms, enrich+match ${Math.round(stage.prepare)} ms, transaction ${Math.round(stage.commit)} ms`,
      `  CPU of this Node process: ${Math.round(nodeCpuMs)} ms (${Math.round((nodeCpuMs / totalMs) * 100)}% of one core); the rest of the time is PostgreSQL`,
      `  per transaction: p50 ${percentile(pageMs, 50).toFixed(1)} ms, p95 ${percentile(pageMs, 95).toFixed(1)} ms, max ${pageMs[pageMs.length - 1].toFixed(1)} ms`,
      `  stored ${stored} mentions (${inserted} new; every page committed once)`,
      `  fetching the bodies over HTTP from the local simulator took ${(fetchMs / 1000).toFixed(2)} s (not included above)`,
      `  target (issue 3): 5,000 mentions/s in one process → ${rate >= 5000 ? 'met' : 'NOT met'}`,
      `  machine: ${machine({ postgres: String(version) })}`,
    ];
    if (profile) {
      lines.push('  statements (total ms, calls):');
      for (const [sql, v] of [...statements].sort((a, b) => b[1].ms - a[1].ms)) lines.push(`    ${Math.round(v.ms).toString().padStart(6)} ms ${String(v.n).padStart(5)}× ${sql}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await app.close();
    await sim.close();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The transaction's EntityManager with each query() timed, keyed by the statement's first words. */
function timedQueries(m: EntityManager, into: Map<string, { n: number; ms: number }>): EntityManager {
  return new Proxy(m, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return async (sql: string, params?: unknown[]) => {
        const t0 = performance.now();
        const result: unknown = await target.query(sql, params);
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
        const entry = into.get(key) ?? { n: 0, ms: 0 };
        entry.n++;
        entry.ms += performance.now() - t0;
        into.set(key, entry);
        return result;
      };
    },
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
