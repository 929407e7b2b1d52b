import { ConfigError, loadConfig, startEmbeddedPostgres, type RunningPostgres } from '@ecoute/api-platform';
import { createApp } from './bootstrap';

/**
 * Starts Écoute's API: validates the configuration, starts an embedded PostgreSQL when DATABASE_URL is unset,
 * runs the migrations, then serves the API and the dashboard. SIGINT/SIGTERM stop everything cleanly.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  let pg: RunningPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    pg = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
    databaseUrl = pg.url;
    process.stdout.write(`embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${config.dataDir}\n`);
  }
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping\n`);
    try {
      await app?.close();
    } finally {
      await pg?.stop();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    app = await createApp({ config, databaseUrl });
    await app.listen(config.port, config.host);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    await app?.close().catch(() => undefined);
    await pg?.stop();
    process.exit(1);
  }
  // the port actually bound (PORT=0 picks a free one)
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  process.stdout.write(`Écoute API listening on ${url} (health: ${url}/api/health, docs: ${url}/api/docs)\n`);
}

void main();
