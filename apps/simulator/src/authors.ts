/**
 * The seeded pool of people who post: plausible English and French names and handles, log-normally distributed
 * followers, a few verified accounts, a handful of spam bots. Pure: the same seed gives the same pool.
 */
import { DEMO_WORLD } from '@ecoute/contracts';
import type { Lang, SimUser } from './model';
import { BIO_PARTS, FIRST_NAMES, LAST_NAMES, NAME_EMOJI, SPAMMER_HANDLE_STEMS, SPAMMER_NAMES } from './names';
import { ALNUM, chance, chars, DIGITS, float, int, logNormal, pick, seededRng, type Rng } from './random';
import { snowflake } from './ids';

export interface AuthorPool {
  people: Record<Lang, readonly SimUser[]>;
  /** cumulative activity weights, parallel to `people[lang]`: some people post far more than others */
  activity: Record<Lang, readonly number[]>;
  spammers: readonly SimUser[];
  brand: SimUser;
  all: readonly SimUser[];
}

export const POOL_SIZE = { en: 230, fr: 100, spammers: 14 } as const;

const HANDLE_MAX = 15;

function slug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]/g, '');
}

function handleFor(rng: Rng, first: string, last: string): string {
  const f = slug(first);
  const l = slug(last);
  const year = String(int(rng, 70, 99)).padStart(2, '0');
  const forms = [
    `${f}${l}`,
    `${f}_${l}`,
    `${f.toLowerCase()}${l.toLowerCase()}`,
    `${f}${int(rng, 1, 999)}`,
    `${f[0]}${l}`,
    `${f.toLowerCase()}_${year}`,
    `the${f}${l[0]}`,
    `${l.toLowerCase()}${f[0].toLowerCase()}`,
    `${f}${l[0]}_${int(rng, 1, 99)}`,
    `real${f}`,
    `${f.toLowerCase()}.${l.toLowerCase()}`.replace('.', '_'),
  ];
  return pick(rng, forms).slice(0, HANDLE_MAX);
}

function displayName(rng: Rng, first: string, last: string): string {
  const roll = float(rng);
  if (roll < 0.55) return `${first} ${last}`;
  if (roll < 0.7) return `${first} ${last[0]}.`;
  if (roll < 0.8) return `${first} ${pick(rng, NAME_EMOJI)}`;
  if (roll < 0.9) return `${first.toLowerCase()} ${last.toLowerCase()}`;
  return first;
}

function bio(rng: Rng, lang: Lang): string {
  if (chance(rng, 0.15)) return '';
  const parts = BIO_PARTS[lang];
  const role = pick(rng, parts.roles);
  const a = pick(rng, parts.interests);
  let b = pick(rng, parts.interests);
  if (b === a) b = pick(rng, parts.interests);
  const tail = pick(rng, parts.tails);
  const joiner = lang === 'fr' ? 'et' : '&';
  const middle =
    lang === 'fr' ? `Fan de ${a} ${joiner} ${b}.` : `${a[0].toUpperCase()}${a.slice(1)} ${joiner} ${b}.`;
  return [`${role}.`, middle, tail].filter((s) => s !== '').join(' ');
}

function accountCreatedAt(rng: Rng, fromYear: number, toYear: number): Date {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  const ms = from + Math.floor(float(rng) * (to - from));
  return new Date(Math.floor(ms / 1000) * 1000);
}

function userId(rng: Rng, createdAt: Date): string {
  // accounts from before 2014 have short sequential ids, later ones snowflakes
  if (createdAt.getUTCFullYear() < 2014) return String(int(rng, 10_000_000, 2_400_000_000));
  return snowflake(createdAt.getTime(), int(rng, 0, 1023), int(rng, 0, 4095));
}

function profileImage(rng: Rng): string {
  return `https://pbs.twimg.com/profile_images/${chars(rng, DIGITS, 19).replace(/^0/, '1')}/${chars(rng, ALNUM, 8)}_normal.jpg`;
}

function person(rng: Rng, lang: Lang, taken: Set<string>): SimUser {
  const first = pick(rng, FIRST_NAMES[lang]);
  const last = pick(rng, LAST_NAMES[lang]);
  let username = handleFor(rng, first, last);
  while (taken.has(username.toLowerCase()))
    username = `${username.slice(0, HANDLE_MAX - 3)}${int(rng, 10, 999)}`;
  taken.add(username.toLowerCase());
  const createdAt = accountCreatedAt(rng, 2008, 2024);
  const followers = Math.max(0, Math.round(logNormal(rng, 260, 1.7)));
  const verified = followers > 40_000 ? chance(rng, 0.7) : chance(rng, 0.015);
  const ageYears = (Date.UTC(2025, 0, 1) - createdAt.getTime()) / (365.25 * 86_400_000);
  return {
    id: userId(rng, createdAt),
    username,
    name: displayName(rng, first, last),
    createdAt: createdAt.toISOString(),
    description: bio(rng, lang),
    verified,
    profileImageUrl: profileImage(rng),
    metrics: {
      followers_count: followers,
      following_count: Math.round(logNormal(rng, 320, 1.1)),
      tweet_count: Math.round(logNormal(rng, 900, 1.3) * Math.max(1, ageYears / 3)),
      listed_count: Math.round((followers / 180) * float(rng) * 2),
    },
    lang,
    kind: 'person',
  };
}

function spammer(rng: Rng, index: number, taken: Set<string>): SimUser {
  let username = `${SPAMMER_HANDLE_STEMS[index % SPAMMER_HANDLE_STEMS.length]}${int(rng, 10, 9999)}`.slice(
    0,
    HANDLE_MAX,
  );
  while (taken.has(username.toLowerCase()))
    username = `${username.slice(0, HANDLE_MAX - 2)}${int(rng, 10, 99)}`;
  taken.add(username.toLowerCase());
  const createdAt = accountCreatedAt(rng, 2024, 2025);
  return {
    id: userId(rng, createdAt),
    username,
    name: SPAMMER_NAMES[index % SPAMMER_NAMES.length],
    createdAt: createdAt.toISOString(),
    description: pick(rng, [
      'DM for collabs 💸',
      '100x gems daily 🚀',
      'Free rewards every day',
      'Gagnez des cadeaux 🎁',
    ]),
    verified: chance(rng, 0.2), // paid checkmarks
    profileImageUrl: profileImage(rng),
    metrics: {
      followers_count: Math.round(logNormal(rng, 40, 1.2)),
      following_count: Math.round(logNormal(rng, 2500, 0.6)),
      tweet_count: Math.round(logNormal(rng, 8000, 0.8)),
      listed_count: 0,
    },
    lang: chance(rng, 0.8) ? 'en' : 'fr',
    kind: 'spammer',
  };
}

export function brandUser(): SimUser {
  const account = DEMO_WORLD.replyAccount;
  return {
    id: account.id,
    username: account.username,
    name: account.name,
    createdAt: '2012-03-14T09:00:00.000Z',
    description: 'Internet, mobile & TV. We reply 8am–10pm, 7 days a week. Fibre is here: #LumioFibre',
    verified: true,
    profileImageUrl: 'https://pbs.twimg.com/profile_images/1500000000000000001/lumioLgo_normal.jpg',
    metrics: { followers_count: 184_302, following_count: 412, tweet_count: 96_410, listed_count: 1_203 },
    lang: 'en',
    kind: 'brand',
  };
}

function cumulative(rng: Rng, count: number): number[] {
  const out: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += logNormal(rng, 1, 1);
    out.push(total);
  }
  return out;
}

/** the author pool for a seed (pure) */
export function buildAuthorPool(seed: number): AuthorPool {
  const rng = seededRng(seed, 1);
  const taken = new Set<string>([DEMO_WORLD.brand.handle, ...DEMO_WORLD.competitors.map((c) => c.handle)]);
  const en = Array.from({ length: POOL_SIZE.en }, () => person(rng, 'en', taken));
  const fr = Array.from({ length: POOL_SIZE.fr }, () => person(rng, 'fr', taken));
  const spammers = Array.from({ length: POOL_SIZE.spammers }, (_, i) => spammer(rng, i, taken));
  const brand = brandUser();
  return {
    people: { en, fr },
    activity: { en: cumulative(rng, en.length), fr: cumulative(rng, fr.length) },
    spammers,
    brand,
    all: [...en, ...fr, ...spammers, brand],
  };
}

/** picks a person who writes in `lang`, weighted by how active they are */
export function pickAuthor(rng: Rng, pool: AuthorPool, lang: Lang): SimUser {
  const weights = pool.activity[lang];
  const target = float(rng) * weights[weights.length - 1];
  let lo = 0;
  let hi = weights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (weights[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return pool.people[lang][lo];
}

function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** a person who is not in the pool (a post published by username through the admin endpoint); pure */
export function adHocUser(seed: number, username: string, lang: Lang): SimUser {
  const rng = seededRng(seed, hashString(username.toLowerCase()));
  const words = username.split(/[_.\d]+/).filter((w) => w !== '');
  const name = words.length > 0 ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : username;
  const createdAt = accountCreatedAt(rng, 2010, 2024);
  const followers = Math.max(0, Math.round(logNormal(rng, 260, 1.7)));
  return {
    id: userId(rng, createdAt),
    username,
    name,
    createdAt: createdAt.toISOString(),
    description: bio(rng, lang),
    verified: false,
    profileImageUrl: profileImage(rng),
    metrics: {
      followers_count: followers,
      following_count: Math.round(logNormal(rng, 320, 1.1)),
      tweet_count: Math.round(logNormal(rng, 900, 1.3)),
      listed_count: Math.round(followers / 300),
    },
    lang,
    kind: 'person',
  };
}
