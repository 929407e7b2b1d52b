import { compareIds, minId } from '../../schema/parse';
import type { FetchedMention } from '../../types';

/** Mastodon ids carry their creation time: `(milliseconds << 16) | sequence`. */
function snowflakeTimeMs(id: string): number | null {
  return /^\d{1,20}$/.test(id) ? Number(BigInt(id) >> 16n) : null;
}

const SNOWFLAKE_TOLERANCE_MS = 60_000;

/**
 * The `max_id` for the page below these statuses. Mastodon ≥ 4.2 turns a search's `max_id` into a
 * whole-second `before:` filter, which would skip the unseen statuses of the oldest status's second: when ids
 * are Mastodon snowflakes, the bound is the first id of the next second instead (that second is read again).
 * Servers whose ids are not snowflakes, and a page that makes no progress that way, get the oldest id itself.
 */
export function boundBelow(page: readonly FetchedMention[], previous: string | null): string | null {
  const oldestId = minId(page.map((m) => m.externalId));
  if (oldestId === null) return previous;
  const oldest = page.find((m) => m.externalId === oldestId);
  const timeMs = snowflakeTimeMs(oldestId);
  if (oldest && timeMs !== null && Math.abs(timeMs - oldest.createdAt.getTime()) < SNOWFLAKE_TOLERANCE_MS) {
    const nextSecond = (Math.floor(timeMs / 1000) + 1) * 1000;
    const bound = (BigInt(nextSecond) << 16n).toString();
    if (previous === null || compareIds(bound, previous) < 0) return bound;
  }
  return oldestId;
}
