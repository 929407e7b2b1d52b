/**
 * 32-bit hashing for the hashed features of the linear models: FNV-1a over UTF-16 code units, and a murmur3
 * finaliser to spread a combination of hashes over the buckets. Results are signed 32-bit integers (they stay
 * unboxed in optimised code; a bucket is `hash & mask`).
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `s`, continuing from `seed` (so a prefix's hash can be extended one character at a time) */
export function fnv1a(s: string, seed: number = FNV_OFFSET): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** one FNV-1a step: `h` extended with the code unit `c` */
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** murmur3's 32-bit finaliser: a bijection that mixes every input bit into every output bit */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** an order-sensitive combination of two hashes (a bigram from its two words, a feature from its namespace) */
export function combine(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) + b) | 0);
}
