import { z } from 'zod';
import { ConnectorError } from '../connector-error';

/** A date the platform wrote as a string (ISO 8601 and its variants). */
export const dateString = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

/** Zero for counts the platform leaves out. */
export const count = z.number().nullish();

/**
 * Validates a platform's payload; a body that does not fit is 'temporary' (a truncated or broken response,
 * retried later), with the first problem named.
 */
export function parsePayload<T>(schema: z.ZodType<T>, value: unknown, platform: string, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new ConnectorError(
    'temporary',
    `${platform} sent a malformed body: ${what}${where}: ${issue?.message ?? 'invalid'}`,
  );
}

/** Compares ids that sort as numbers (Mastodon, HN) or as fixed-width strings (flake ids, ULIDs). */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxId(ids: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const id of ids) if (id && (best === null || compareIds(id, best) > 0)) best = id;
  return best;
}

export function minId(ids: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const id of ids) if (id && (best === null || compareIds(id, best) < 0)) best = id;
  return best;
}
