/** When posts arrive: a Poisson process at the configured rate, and incident bursts on top. */
import type { Incident } from './incidents';
import { float, type Rng } from './random';

/** the number of posts to draw in one tick of `seconds` at `perMinute` (a Poisson draw) */
export function arrivals(rng: Rng, perMinute: number, seconds: number): number {
  const mean = (perMinute * seconds) / 60;
  if (mean <= 0) return 0;
  // Knuth's method is fine for the small means of one tick
  const limit = Math.exp(-mean);
  let k = 0;
  let p = float(rng);
  while (p > limit && k < 1000) {
    k++;
    p *= float(rng);
  }
  return k;
}

/** the extra posts per minute an incident adds on top of the normal stream */
export function burstRate(perMinute: number, incident: Incident | null): number {
  return incident ? Math.max(6, perMinute * 1.5) : 0;
}
