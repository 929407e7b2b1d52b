/**
 * The platforms the simulator serves. Every post lives on exactly one of them; generated posts are spread over
 * the enabled platforms with seeded weights (replies stay on their parent's platform, retweets only exist on X).
 */
import { weighted, type Rng } from './random';

export const PLATFORMS = ['x', 'mastodon', 'reddit', 'hackernews', 'bluesky'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** the share of generated posts on each platform when all are enabled */
export const PLATFORM_WEIGHTS: Readonly<Record<Platform, number>> = {
  x: 0.45,
  mastodon: 0.15,
  reddit: 0.15,
  hackernews: 0.1,
  bluesky: 0.15,
};

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** a platform among `allowed`, with the weights renormalised over them */
export function pickPlatform(rng: Rng, allowed: readonly Platform[]): Platform {
  if (allowed.length === 0) throw new Error('no platform to pick from');
  const weights: Partial<Record<Platform, number>> = {};
  for (const p of allowed) weights[p] = PLATFORM_WEIGHTS[p];
  return weighted(rng, weights as Record<Platform, number>);
}

/**
 * What the fault mix and the rate limiters are keyed by: X's two endpoints (recent search, posting) and one entry
 * per other platform.
 */
export const FAULT_ENDPOINTS = ['search', 'post', 'mastodon', 'reddit', 'hackernews', 'bluesky'] as const;
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];
