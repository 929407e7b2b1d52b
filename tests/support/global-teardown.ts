import type { RunningPostgres } from '@ecoute/api-platform';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __ECOUTE_PG__?: RunningPostgres }).__ECOUTE_PG__;
  await pg?.stop();
}
