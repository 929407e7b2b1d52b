import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig, startEmbeddedPostgres } from '@ecoute/api-platform';
import { dataSourceOptions } from '../database/data-source-options';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function migrate(): Promise<void> {
  const config = loadConfig({ ...process.env, DEMO: process.env['DEMO'] ?? 'false', X_BEARER_TOKEN: process.env['X_BEARER_TOKEN'] ?? 'unused' });
  const pg = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
  const ds = new DataSource(dataSourceOptions(config.databaseUrl ?? pg?.url ?? ''));
  try {
    await ds.initialize();
    const applied = await ds.runMigrations({ transaction: 'each' });
    process.stdout.write(applied.length ? applied.map((m) => `applied ${m.name}\n`).join('') : 'the database is up to date\n');
  } finally {
    await ds.destroy().catch(() => undefined);
    await pg?.stop();
  }
}

migrate().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
