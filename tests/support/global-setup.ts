import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// globalSetup runs outside jest's module mapping: relative imports of alias-free modules only
import { startEmbeddedPostgres } from '../../libs/api/platform/src/database/embedded-postgres';
import { TEMPLATE_DB } from './test-db';

const root = join(__dirname, '..', '..');

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
  // the integration and e2e projects share one server
  if (process.env['ECOUTE_TEST_PG_ADMIN_URL']) return;
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'ecoute-test-pg-'));
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port, database: TEMPLATE_DB, persistent: false });
  // the template is migrated by the real `npm run db:migrate` code, freshly built
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'api'], { cwd: root, stdio: 'ignore' });
  execFileSync(process.execPath, [join(root, 'dist/apps/api/apps/api/src/cli/migrate.js')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: pg.url },
    stdio: 'ignore',
  });
  process.env['ECOUTE_TEST_PG_ADMIN_URL'] = pg.urlFor('postgres');
  (globalThis as { __ECOUTE_PG__?: typeof pg }).__ECOUTE_PG__ = pg;
  process.stdout.write(`\nPostgreSQL for tests on 127.0.0.1:${port}, template migrated in ${Date.now() - started} ms\n`);
}
