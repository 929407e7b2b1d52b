/** X ids are snowflakes: milliseconds since the Twitter epoch in the high bits. Compare them as BigInt. */
const TWITTER_EPOCH_MS = 1288834974657n;

export const isXId = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{1,20}$/.test(value);

/** The largest id, ignoring nulls; null when there is none. */
export function maxXId(ids: ReadonlyArray<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const id of ids) {
    if (!isXId(id)) continue;
    if (best === null || BigInt(id) > BigInt(best)) best = id;
  }
  return best;
}

/** When the post with this id was created. */
export const xIdTimeMs = (id: string): number => Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS);

/** The smallest id a post created at `ms` can have. */
export const xIdAt = (ms: number): string => ((BigInt(Math.floor(ms)) - TWITTER_EPOCH_MS) << 22n).toString();
