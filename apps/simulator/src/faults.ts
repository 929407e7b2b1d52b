/**
 * The fault mix: a queue of faults for the next requests, in order (deterministic, for tests), then random
 * rates drawn from a seeded generator, plus a delay on every response. Which endpoints it hits is configurable.
 */
import { z } from 'zod';
import { float, seededRng, type Rng } from './random';
import type { Endpoint } from './rate-limit';

export const FAULT_KINDS = [
  '429',
  '429json',
  '500',
  '503',
  'malformed',
  'timeout',
  'duplicate_page',
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
    delayMs: z.number().int().min(0).max(120_000).optional(),
    /** how long a "timeout" hangs before the socket is destroyed */
    timeoutMs: z.number().int().min(0).max(600_000).optional(),
    /** how far ahead a faulted 429's x-rate-limit-reset is */
    resetSeconds: z.number().int().min(1).max(3600).optional(),
    queue: z.array(z.enum(FAULT_KINDS)).max(10_000).optional(),
    endpoints: z
      .array(z.enum(['search', 'post']))
      .min(1)
      .optional(),
  })
  .refine((c) => (c.rate429 ?? 0) + (c.rate5xx ?? 0) + (c.rateMalformed ?? 0) + (c.rateTimeout ?? 0) <= 1, {
    message: 'the rates add up to more than 1',
  });
export type FaultConfigInput = z.infer<typeof FaultConfigInput>;

export interface FaultConfig {
  rate429: number;
  rate5xx: number;
  rateMalformed: number;
  rateTimeout: number;
  delayMs: number;
  timeoutMs: number;
  resetSeconds: number;
  queue: FaultKind[];
  endpoints: Endpoint[];
}

export const DEFAULT_FAULTS: Readonly<FaultConfig> = {
  rate429: 0,
  rate5xx: 0,
  rateMalformed: 0,
  rateTimeout: 0,
  delayMs: 0,
  timeoutMs: 30_000,
  resetSeconds: 3,
  queue: [],
  endpoints: ['search', 'post'],
};

export class FaultInjector {
  private config: FaultConfig = { ...DEFAULT_FAULTS, queue: [] };
  private rng: Rng;

  constructor(private readonly seed: number) {
    this.rng = seededRng(seed, 4);
  }

  /** replaces the fault mix */
  set(input: FaultConfigInput): FaultConfig {
    this.config = {
      rate429: input.rate429 ?? 0,
      rate5xx: input.rate5xx ?? 0,
      rateMalformed: input.rateMalformed ?? 0,
      rateTimeout: input.rateTimeout ?? 0,
      delayMs: input.delayMs ?? 0,
      timeoutMs: input.timeoutMs ?? DEFAULT_FAULTS.timeoutMs,
      resetSeconds: input.resetSeconds ?? DEFAULT_FAULTS.resetSeconds,
      queue: [...(input.queue ?? [])],
      endpoints: [...new Set(input.endpoints ?? DEFAULT_FAULTS.endpoints)],
    };
    return this.view();
  }

  clear(): void {
    this.config = { ...DEFAULT_FAULTS, queue: [] };
    this.rng = seededRng(this.seed, 4);
  }

  view(): FaultConfig {
    return { ...this.config, queue: [...this.config.queue], endpoints: [...this.config.endpoints] };
  }

  applies(endpoint: Endpoint): boolean {
    return this.config.endpoints.includes(endpoint);
  }

  /** the fault for the next request to `endpoint`: the queue first, then the random rates */
  next(endpoint: Endpoint): FaultKind {
    if (!this.applies(endpoint)) return 'ok';
    const queued = this.config.queue.shift();
    if (queued !== undefined) return queued;
    const c = this.config;
    if (c.rate429 + c.rate5xx + c.rateMalformed + c.rateTimeout === 0) return 'ok';
    let u = float(this.rng);
    if ((u -= c.rate429) < 0) return '429';
    if ((u -= c.rate5xx) < 0) return float(this.rng) < 0.5 ? '500' : '503';
    if ((u -= c.rateMalformed) < 0) return 'malformed';
    if ((u -= c.rateTimeout) < 0) return 'timeout';
    return 'ok';
  }

  delayMs(endpoint: Endpoint): number {
    return this.applies(endpoint) ? this.config.delayMs : 0;
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  get resetSeconds(): number {
    return this.config.resetSeconds;
  }
}
