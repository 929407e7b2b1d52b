/** What the routes share: the simulated world, the fault mix, the rate limiter, timers and the log. */
import type { FaultInjector } from './faults';
import type { CachedPage } from './page-responder';
import type { RateLimiter } from './rate-limit';
import type { Simulation } from './simulation';
import type { Timers } from './timers';

export interface SimulatorContext {
  sim: Simulation;
  faults: FaultInjector;
  limiter: RateLimiter;
  timers: Timers;
  /** the last page per search (platform and query), for the duplicate_page fault */
  lastPages: Map<string, CachedPage>;
  log: (line: string) => void;
  now: () => number;
}

/** back to the state at start: no posts, replies, faults, rate-limit windows (the seed stays) */
export function resetContext(ctx: SimulatorContext): void {
  ctx.sim.reset();
  ctx.faults.clear();
  ctx.limiter.reset();
  ctx.lastPages.clear();
}
