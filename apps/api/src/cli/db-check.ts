import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig, startEmbeddedPostgres } from '@ecoute/api-platform';
import { dataSourceOptions } from '../database/data-source-options';
import { findBrokenReferences, REFERENCES } from '../database/integrity';

/**
 * `npm run db:check`: verifies the references that the ingest path guarantees without foreign keys (decision
 * 0013) on DATABASE_URL, or on the embedded database. Exits 1 and lists the offending rows when one is broken.
 */
async function check(): Promise<number> {
  const config = loadConfig({ ...process.env, DEMO: process.env['DEMO'] ?? 'false', X_BEARER_TOKEN: process.env['X_BEARER_TOKEN'] ?? 'unused' });
  const pg = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
  const ds = new DataSource(dataSourceOptions(config.databaseUrl ?? pg?.url ?? ''));
  try {
    await ds.initialize();
    const broken = await findBrokenReferences((sql) => ds.query(sql));
    for (const b of broken) process.stdout.write(`BROKEN ${b.reference}: ${b.rows} rows, e.g. ${b.examples.join(', ')}\n`);
    process.stdout.write(broken.length ? `${broken.length} of ${REFERENCES.length} references broken\n` : `all ${REFERENCES.length} references hold\n`);
    return broken.length ? 1 : 0;
  } finally {
    await ds.destroy().catch(() => undefined);
    await pg?.stop();
  }
}

check().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
