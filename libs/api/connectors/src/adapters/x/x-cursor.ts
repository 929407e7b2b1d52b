import type { SourceCursor } from '../../types';
import { asString } from '../../walk/merge';

/**
 * Where an X source stands (the same shape as before the connector interface was revised, so stored cursors
 * keep working). `sinceId` is the newest post already covered. While a poll pages back through older results,
 * `nextToken` and `pendingNewestId` (the newest post of the walk) are kept too, so that a crash resumes the walk.
 */
export type XCursor = { sinceId: string | null; nextToken: string | null; pendingNewestId: string | null };

export function readXCursor(cursor: SourceCursor): XCursor {
  return {
    sinceId: asString(cursor['sinceId']),
    nextToken: asString(cursor['nextToken']),
    pendingNewestId: asString(cursor['pendingNewestId']),
  };
}

/** A history walk's position: the next page's token. */
/** X wants the same parameters with every next_token: the walk keeps the start_time it began with. */
export type XHistoryCursor = { nextToken: string; startTime: string };
