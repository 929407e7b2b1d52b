/**
 * Thin helpers over pure-rand's seeded generator. Each helper advances the generator it is given (pure-rand's
 * "unsafe" API); pure callers clone the generator first and return the advanced clone.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type Rng = RandomGenerator;

/** A generator for `seed`, decorrelated per `salt` (so sub-streams of one seed don't mirror each other). */
export function seededRng(seed: number, salt = 0): Rng {
  const mixed = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(salt | 0, 0x85ebca6b)) | 0;
  const rng = xoroshiro128plus(mixed);
  // the first outputs of a freshly seeded xoroshiro are weakly mixed: skip a few
  for (let i = 0; i < 8; i++) rng.next();
  return rng;
}

/** uniform in [0, 1) */
export function float(rng: Rng): number {
  return uniformFloat64(rng);
}

/** uniform integer in [min, max] */
export function int(rng: Rng, min: number, max: number): number {
  return uniformInt(rng, min, max);
}

/** uniform in [min, max) */
export function between(rng: Rng, min: number, max: number): number {
  return min + float(rng) * (max - min);
}

export function chance(rng: Rng, probability: number): boolean {
  return float(rng) < probability;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[int(rng, 0, items.length - 1)];
}

/** picks a key of `weights` with probability proportional to its weight */
export function weighted<K extends string>(rng: Rng, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let u = float(rng) * total;
  for (const [key, w] of entries) {
    u -= w;
    if (u < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** standard normal variate (Box-Muller) */
export function normal(rng: Rng): number {
  const u1 = 1 - float(rng); // (0, 1]
  const u2 = float(rng);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** log-normal variate with the given median and shape */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** exponential variate with the given mean */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - float(rng)) * mean;
}

/** a string of `length` characters drawn from `alphabet` */
export function chars(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[int(rng, 0, alphabet.length - 1)];
  return out;
}

export const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const DIGITS = '0123456789';
