/**
 * Snowflake-like ids, as X makes them: milliseconds since the Twitter epoch in the high bits, then a worker id
 * and a per-millisecond sequence. Ids therefore increase with creation time; compare them as BigInt.
 */
export const TWITTER_EPOCH_MS = 1288834974657n;
const WORKER_BITS = 10n;
const SEQUENCE_BITS = 12n;
const SEQUENCE_MAX = (1n << SEQUENCE_BITS) - 1n;

export function snowflake(timeMs: number, worker: number, sequence: number): string {
  const ms = BigInt(Math.floor(timeMs)) - TWITTER_EPOCH_MS;
  if (ms < 0n) throw new Error('time before the Twitter epoch');
  const w = BigInt(worker) & ((1n << WORKER_BITS) - 1n);
  const s = BigInt(sequence) & SEQUENCE_MAX;
  return ((ms << (WORKER_BITS + SEQUENCE_BITS)) | (w << SEQUENCE_BITS) | s).toString();
}

/** the creation time encoded in a snowflake id */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> (WORKER_BITS + SEQUENCE_BITS)) + TWITTER_EPOCH_MS);
}

/** the smallest id that could have been created at `timeMs` */
export function minSnowflakeAt(timeMs: number): bigint {
  return BigInt(snowflake(timeMs, 0, 0));
}

export function isNumericId(value: string): boolean {
  return /^[0-9]{1,19}$/.test(value);
}

/** hands out unique snowflakes for one worker: a second post in the same millisecond gets the next sequence */
export class SnowflakeAllocator {
  private readonly used = new Set<string>();
  constructor(private readonly worker: number) {}

  allocate(timeMs: number): string {
    for (let sequence = 0; sequence <= Number(SEQUENCE_MAX); sequence++) {
      const id = snowflake(timeMs, this.worker, sequence);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    // 4,096 posts in one millisecond: borrow the next millisecond
    return this.allocate(timeMs + 1);
  }

  release(id: string): void {
    this.used.delete(id);
  }

  clear(): void {
    this.used.clear();
  }
}
