import { setTimeout as sleep } from 'node:timers/promises';

const TRANSIENT = new Set(['40P01', '40001']); // deadlock detected, serialization failure

/** A PostgreSQL error that a retry of the whole transaction resolves (a deadlock, a serialization failure). */
export function isTransientDbError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  return TRANSIENT.has(String(e.code ?? e.driverError?.code ?? ''));
}

/** Runs a transaction, and runs it again (up to `attempts` times) when PostgreSQL aborted it as transient. */
export async function retryTransient<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= attempts || !isTransientDbError(e)) throw e;
      await sleep(5 * attempt + Math.random() * 20);
    }
  }
}
