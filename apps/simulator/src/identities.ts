/**
 * Who a simulated user is on each platform, derived deterministically from the user: a Mastodon account id, a
 * Reddit account fullname, a Bluesky DID and handle; and the content ids Bluesky gives records (CIDs).
 */
import { createHash } from 'node:crypto';
import type { SimUser } from './model';

/** the lower-case RFC 4648 base32 alphabet of DIDs and CIDs */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

/** an unsigned 48-bit number from a string */
export function hash48(value: string): number {
  return sha256(value).readUIntBE(0, 6);
}

/** a Mastodon account id: like Mastodon's own, milliseconds of the account's creation << 16, then 16 bits */
export function mastodonAccountId(user: SimUser): string {
  const ms = BigInt(Date.parse(user.createdAt));
  return ((ms << 16n) | BigInt(hash48(`mastodon:${user.id}`) & 0xffff)).toString();
}

/** "t2_" and eight base36 characters */
export function redditAccountFullname(user: SimUser): string {
  const n = 36 ** 7 + (hash48(`reddit:${user.id}`) % (35 * 36 ** 7));
  return `t2_${n.toString(36)}`;
}

/** did:plc: and 24 base32 characters */
export function blueskyDid(user: SimUser): string {
  return `did:plc:${base32(sha256(`did:${user.id}`)).slice(0, 24)}`;
}

/** `<username>.bsky.social`, lower case; a handle has no "_", so those become "-" */
export function blueskyHandle(username: string): string {
  const name = username
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${name === '' ? 'user' : name}.bsky.social`;
}

/** a CIDv1 (dag-cbor, sha2-256) as Bluesky shows it: "bafyrei" and 52 base32 characters */
export function cidFor(content: string): string {
  return `bafyrei${base32(sha256(content)).slice(0, 52)}`;
}
