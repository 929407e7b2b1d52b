/**
 * Each platform's own id for a post, assigned once when it is published, deterministically:
 * - X and Mastodon: the post's snowflake (Mastodon ids are snowflake-like too);
 * - Reddit: base36 of (tenths of a second since the X epoch × 8 + a slot), 7 characters, growing with time;
 * - Hacker News: (seconds since the X epoch × 2 + a slot), a numeric string growing with time;
 * - Bluesky: a TID record key, 13 base32-sortable characters of (microseconds << 10 | clock id).
 * Posts created in the same unit of time get the next free slot, so ids stay unique and (nearly always) ordered.
 */
import { TWITTER_EPOCH_MS } from './ids';
import type { Platform } from './platform';

const EPOCH_MS = Number(TWITTER_EPOCH_MS);
export const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** hands out unique integer slots: `slots` per unit of time, borrowing later slots when a unit is full */
export class SlotAllocator {
  private readonly used = new Set<number>();
  private lastBase = -1;
  private lastNext = 0;

  constructor(private readonly slots: number) {}

  allocate(unit: number): number {
    const base = unit * this.slots;
    let v = base === this.lastBase && this.lastNext > base ? this.lastNext : base;
    while (this.used.has(v)) v++;
    this.used.add(v);
    this.lastBase = base;
    this.lastNext = v + 1;
    return v;
  }

  release(value: number): void {
    this.used.delete(value);
  }

  clear(): void {
    this.used.clear();
    this.lastBase = -1;
    this.lastNext = 0;
  }
}

/** a 64-bit TID as 13 characters of the sortable base32 alphabet */
export function encodeTid(value: bigint): string {
  let v = value;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(v & 31n)] + out;
    v >>= 5n;
  }
  return out;
}

export function decodeTid(tid: string): bigint | null {
  if (!/^[234567a-z]{13}$/.test(tid)) return null;
  let v = 0n;
  for (const ch of tid) v = (v << 5n) | BigInt(TID_ALPHABET.indexOf(ch));
  return v;
}

export function tid(micros: number, clockId: number): string {
  return encodeTid((BigInt(micros) << 10n) | BigInt(clockId & 0x3ff));
}

export class NativeIdAllocator {
  private readonly reddit = new SlotAllocator(8);
  private readonly hackernews = new SlotAllocator(2);
  private readonly bluesky = new SlotAllocator(1000);

  constructor(private readonly clockId: number) {}

  /** the platform's id for a post created at `timeMs` whose snowflake is `snowflakeId` */
  allocate(platform: Platform, timeMs: number, snowflakeId: string): string {
    const ms = Math.max(0, Math.floor(timeMs) - EPOCH_MS);
    switch (platform) {
      case 'x':
      case 'mastodon':
        return snowflakeId;
      case 'reddit':
        return this.reddit.allocate(Math.floor(ms / 100)).toString(36);
      case 'hackernews':
        return String(this.hackernews.allocate(Math.floor(ms / 1000)));
      case 'bluesky':
        return tid(this.bluesky.allocate(Math.floor(timeMs)), this.clockId);
    }
  }

  release(platform: Platform, nativeId: string): void {
    switch (platform) {
      case 'reddit':
        this.reddit.release(parseInt(nativeId, 36));
        return;
      case 'hackernews':
        this.hackernews.release(Number(nativeId));
        return;
      case 'bluesky': {
        const v = decodeTid(nativeId);
        if (v !== null) this.bluesky.release(Number(v >> 10n));
        return;
      }
      default:
        return;
    }
  }

  clear(): void {
    this.reddit.clear();
    this.hackernews.clear();
    this.bluesky.clear();
  }
}
