/**
 * The fault mix: a queue of faults for the next requests, in order (deterministic, for tests), then random
 * rates drawn from a seeded generator, plus a delay on every response. Which endpoints it hits is configurable:
 * X's search and post, and each other platform as a whole.
 */
import { z } from 'zod';
import { FAULT_ENDPOINTS, type FaultEndpoint } from './platform';
import { float, int, seededRng, type Rng } from './random';

export const FAULT_KINDS = [
  '429',
  '429json',
  '500',
  '503',
  'malformed',
  'timeout',
  'duplicate_page',
  'truncated',
  'out_of_order',
  /** rejected credentials: 401 (Algolia: 403) in the platform's shape */
  'auth',
  /** posting endpoints: the post is stored, then the connection drops before any answer */
  'lost_answer',
  'ok',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const rate = z.number().min(0).max(1);
export const FaultConfigInput = z
  .strictObject({
    rate429: rate.optional(),
    rate5xx: rate.optional(),
    rateMalformed: rate.optional(),
    rateTimeout: rate.optional(),
    rateTruncated: rate.optional(),
    rateDuplicate: rate.optional(),
    rateOutOfOrder: rate.optional(),
    /** posting endpoints: the post is stored, then the connection drops before any answer */
    rateLostAnswer: rate.optional(),
    /** posting endpoints: the post is stored, then the answer waits this long (a client may die meanwhile) */
    answerDelayMs: z.number().int().min(0).max(120_000).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    /** how long a "timeout" hangs before the socket is destroyed */
    timeoutMs: z.number().int().min(0).max(600_000).optional(),
    /** how far ahead a faulted 429's x-rate-limit-reset is */
    resetSeconds: z.number().int().min(1).max(3600).optional(),
    queue: z.array(z.enum(FAULT_KINDS)).max(10_000).optional(),
    endpoints: z.array(z.enum(FAULT_ENDPOINTS)).min(1).optional(),
  })
  .refine(
    (c) =>
      (c.rate429 ?? 0) +
        (c.rate5xx ?? 0) +
        (c.rateMalformed ?? 0) +
        (c.rateTimeout ?? 0) +
        (c.rateTruncated ?? 0) +
        (c.rateDuplicate ?? 0) +
        (c.rateOutOfOrder ?? 0) +
        (c.rateLostAnswer ?? 0) <=
      1 + 1e-9,
    { message: 'the rates add up to more than 1' },
  );
export type FaultConfigInput = z.infer<typeof FaultConfigInput>;

export interface FaultConfig {
  rate429: number;
  rate5xx: number;
  rateMalformed: number;
  rateTimeout: number;
  rateTruncated: number;
  rateDuplicate: number;
  rateOutOfOrder: number;
  rateLostAnswer: number;
  answerDelayMs: number;
  delayMs: number;
  timeoutMs: number;
  resetSeconds: number;
  queue: FaultKind[];
  endpoints: FaultEndpoint[];
}

export const DEFAULT_FAULTS: Readonly<FaultConfig> = {
  rate429: 0,
  rate5xx: 0,
  rateMalformed: 0,
  rateTimeout: 0,
  rateTruncated: 0,
  rateDuplicate: 0,
  rateOutOfOrder: 0,
  rateLostAnswer: 0,
  answerDelayMs: 0,
  delayMs: 0,
  timeoutMs: 30_000,
  resetSeconds: 3,
  queue: [],
  endpoints: [...FAULT_ENDPOINTS],
};

export class FaultInjector {
  private config: FaultConfig = { ...DEFAULT_FAULTS, queue: [], endpoints: [...DEFAULT_FAULTS.endpoints] };
  private rng: Rng;
  /** for the shapes of faults: shuffled pages, where a body is cut */
  private shapeRng: Rng;

  constructor(private readonly seed: number) {
    this.rng = seededRng(seed, 4);
    this.shapeRng = seededRng(seed, 8);
  }

  /** replaces the fault mix */
  set(input: FaultConfigInput): FaultConfig {
    this.config = {
      rate429: input.rate429 ?? 0,
      rate5xx: input.rate5xx ?? 0,
      rateMalformed: input.rateMalformed ?? 0,
      rateTimeout: input.rateTimeout ?? 0,
      rateTruncated: input.rateTruncated ?? 0,
      rateDuplicate: input.rateDuplicate ?? 0,
      rateOutOfOrder: input.rateOutOfOrder ?? 0,
      rateLostAnswer: input.rateLostAnswer ?? 0,
      answerDelayMs: input.answerDelayMs ?? 0,
      delayMs: input.delayMs ?? 0,
      timeoutMs: input.timeoutMs ?? DEFAULT_FAULTS.timeoutMs,
      resetSeconds: input.resetSeconds ?? DEFAULT_FAULTS.resetSeconds,
      queue: [...(input.queue ?? [])],
      endpoints: [...new Set(input.endpoints ?? DEFAULT_FAULTS.endpoints)],
    };
    return this.view();
  }

  clear(): void {
    this.config = { ...DEFAULT_FAULTS, queue: [], endpoints: [...DEFAULT_FAULTS.endpoints] };
    this.rng = seededRng(this.seed, 4);
    this.shapeRng = seededRng(this.seed, 8);
  }

  view(): FaultConfig {
    return { ...this.config, queue: [...this.config.queue], endpoints: [...this.config.endpoints] };
  }

  applies(endpoint: FaultEndpoint): boolean {
    return this.config.endpoints.includes(endpoint);
  }

  /** the fault for the next request to `endpoint`: the queue first, then the random rates */
  next(endpoint: FaultEndpoint): FaultKind {
    if (!this.applies(endpoint)) return 'ok';
    const queued = this.config.queue.shift();
    if (queued !== undefined) return queued;
    const c = this.config;
    const total =
      c.rate429 +
      c.rate5xx +
      c.rateMalformed +
      c.rateTimeout +
      c.rateTruncated +
      c.rateDuplicate +
      c.rateOutOfOrder +
      c.rateLostAnswer;
    if (total === 0) return 'ok';
    let u = float(this.rng);
    if ((u -= c.rate429) < 0) return '429';
    if ((u -= c.rate5xx) < 0) return float(this.rng) < 0.5 ? '500' : '503';
    if ((u -= c.rateMalformed) < 0) return 'malformed';
    if ((u -= c.rateTimeout) < 0) return 'timeout';
    if ((u -= c.rateTruncated) < 0) return 'truncated';
    if ((u -= c.rateDuplicate) < 0) return 'duplicate_page';
    if ((u -= c.rateOutOfOrder) < 0) return 'out_of_order';
    if ((u -= c.rateLostAnswer) < 0) return 'lost_answer';
    return 'ok';
  }

  /** `items` in another order (seeded); with two or more items, never the same order */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(this.shapeRng, 0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    if (out.length > 1 && out.every((item, i) => item === items[i])) out.push(out.shift() as T);
    return out;
  }

  /** where a truncated body is cut: a seeded point between a fifth and four fifths of `length` */
  cutPoint(length: number): number {
    if (length <= 2) return 1;
    return Math.max(1, Math.min(length - 1, Math.floor(length * (0.2 + 0.6 * float(this.shapeRng)))));
  }

  delayMs(endpoint: FaultEndpoint): number {
    return this.applies(endpoint) ? this.config.delayMs : 0;
  }

  /** how long a posting endpoint waits between storing the post and answering */
  answerDelayMs(endpoint: FaultEndpoint): number {
    return this.applies(endpoint) ? this.config.answerDelayMs : 0;
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  get resetSeconds(): number {
    return this.config.resetSeconds;
  }
}
