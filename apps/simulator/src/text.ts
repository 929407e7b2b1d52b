/**
 * Composes post texts from the phrase banks: an opener, a core sentence, an extra, a closer, emoji and hashtags,
 * with slots filled from the seeded generator, so that texts read like real posts and rarely repeat verbatim.
 */
import { DEMO_WORLD } from '@ecoute/contracts';
import type { Lang, PostIntent } from './model';
import { CITIES } from './names';
import { PHRASES, type PhraseBank } from './phrases';
import { ALNUM, chance, chars, int, pick, weighted, type Rng } from './random';

export interface BrandRef {
  name: string;
  handle: string;
  hashtags: readonly string[];
}

export const BRAND: BrandRef = DEMO_WORLD.brand;
export const COMPETITORS: readonly BrandRef[] = DEMO_WORLD.competitors;
export const CAMPAIGN_TAG = `#${DEMO_WORLD.campaign.hashtag}`;

export const MAX_TEXT_LENGTH = 280;

export function textLength(text: string): number {
  return Array.from(text).length;
}

/** how a post names a brand: by handle, name, hashtag, in lower or upper case */
export function brandForm(rng: Rng, brand: BrandRef): string {
  const form = weighted(rng, { handle: 40, name: 36, hashtag: 10, lower: 10, upper: 4 });
  switch (form) {
    case 'handle':
      return `@${brand.handle}`;
    case 'hashtag':
      return `#${pick(rng, brand.hashtags)}`;
    case 'lower':
      return brand.name.toLowerCase();
    case 'upper':
      return brand.name.toUpperCase();
    default:
      return brand.name;
  }
}

export interface SlotValues {
  b: string;
  c?: string;
  city?: string;
  hourUtc: number;
}

/** replaces every {slot} of a template */
export function fill(rng: Rng, template: string, lang: Lang, slots: SlotValues): string {
  const bank = PHRASES[lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    switch (name) {
      case 'b':
        return slots.b;
      case 'c':
        return slots.c ?? slots.b;
      case 'tag':
        return CAMPAIGN_TAG;
      case 'city':
        return slots.city ?? cityFor(rng, lang);
      case 'hour':
        return bank.hour((slots.hourUtc + 24 - int(rng, 0, 3)) % 24);
      case 'mins':
        return String(pick(rng, [5, 10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90, 120]));
      case 'days':
        return String(int(rng, 2, 12));
      case 'amount':
        return String(pick(rng, [9.99, 12, 15, 19.99, 24, 30, 35.5, 42, 59, 89, 120]));
      case 'mbps':
        return String(int(rng, 2, 90));
      case 'fast':
        return String(int(rng, 38, 96) * 10);
      case 'product':
        return pick(rng, bank.products);
      case 'ticket':
        return `#${int(rng, 100000, 999999)}`;
      default:
        return whole;
    }
  });
}

/** a city, most often one where people write in `lang` */
function cityFor(rng: Rng, lang: Lang): string {
  const local = CITIES.filter((c) => c.lang === lang);
  return pick(rng, chance(rng, 0.8) && local.length > 0 ? local : CITIES).name;
}

function capitalize(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

export interface ComposeInput {
  lang: Lang;
  intent: PostIntent;
  core: string;
  slots: SlotValues;
  /** extra hashtags that must appear (e.g. the campaign's); */
  tags?: string[];
  /** a link the post carries (spam, news) */
  link?: string;
}

/** assembles opener + core + extra + closer + emoji + hashtags, then trims to 280 characters */
export function compose(rng: Rng, input: ComposeInput): string {
  const bank: PhraseBank = PHRASES[input.lang];
  const { intent } = input;
  const opener = chance(rng, 0.45) ? pick(rng, bank.openers[intent]) : '';
  const core = fill(rng, input.core, input.lang, input.slots);
  const extra = chance(rng, 0.4) ? pick(rng, bank.extras[intent]) : '';
  const closer = chance(rng, 0.35) ? pick(rng, bank.closers[intent]) : '';
  const emojiCount = intent === 'spam' ? int(rng, 1, 3) : chance(rng, 0.45) ? int(rng, 1, 2) : 0;
  const emoji = Array.from({ length: emojiCount }, () => pick(rng, bank.emoji[intent])).join('');
  const tags = [...(input.tags ?? [])];
  if (intent === 'spam') tags.push(...new Set([pick(rng, bank.spamTags), pick(rng, bank.spamTags)]));
  else if (chance(rng, 0.12)) tags.push(pick(rng, bank.tags));

  const lowercase = intent !== 'spam' && chance(rng, input.lang === 'en' ? 0.22 : 0.15);
  const head = [opener, opener === '' || /[.:!?]$/.test(opener) ? capitalize(core) : core].filter(
    (s) => s !== '',
  );
  let sentence = head.join(' ');
  if (closer === '?' || closer === '!!' || closer === '...') sentence += closer;
  const glueEmoji = emoji !== '' && chance(rng, 0.15);
  const pieces = (parts: { extra: boolean; tags: boolean; closer: boolean }): string => {
    let out = sentence;
    if (parts.extra && extra !== '') out += ` ${extra}`;
    if (parts.closer && closer !== '' && !['?', '!!', '...'].includes(closer)) out += ` ${closer}`;
    if (emoji !== '') out += glueEmoji ? emoji : ` ${emoji}`;
    if (input.link) out += ` ${input.link}`;
    if (parts.tags && tags.length > 0) out += ` ${tags.join(' ')}`;
    return lowercase ? out.toLowerCase().replace(/https:\/\/t\.co\/\w+/g, (u) => input.link ?? u) : out;
  };
  for (const variant of [
    { extra: true, tags: true, closer: true },
    { extra: false, tags: true, closer: true },
    { extra: false, tags: false, closer: false },
  ]) {
    const text = pieces(variant).replace(/\s+/g, ' ').trim();
    if (textLength(text) <= MAX_TEXT_LENGTH) return text;
  }
  return Array.from(sentence).slice(0, MAX_TEXT_LENGTH).join('');
}

/** a t.co short link and where it leads */
export function shortLink(
  rng: Rng,
  kind: 'spam' | 'news',
  brand: BrandRef,
): { url: string; expandedUrl: string } {
  const url = `https://t.co/${chars(rng, ALNUM, 10)}`;
  if (kind === 'spam') {
    const domain = pick(rng, [
      'claim-now.xyz',
      'free-drop.io',
      'win-today.click',
      'bonus-vault.top',
      'gift-portal.live',
    ]);
    return {
      url,
      expandedUrl: `https://${brand.name.toLowerCase()}-${pick(rng, ['airdrop', 'gift', 'promo', 'bonus'])}.${domain}/r/${chars(rng, ALNUM, 6)}`,
    };
  }
  const site = pick(rng, [
    'www.lemonde-tech.example',
    'www.telecoms-daily.example',
    'www.01net-news.example',
    'www.broadband-watch.example',
  ]);
  return {
    url,
    expandedUrl: `https://${site}/${brand.name.toLowerCase()}-${chars(rng, 'abcdefghijklmnopqrstuvwxyz', 6)}-${int(rng, 1000, 9999)}`,
  };
}

/** the text of a retweet as X shows it: "RT @user: " and the start of the original */
export function retweetText(username: string, original: string): string {
  const prefix = `RT @${username}: `;
  const room = 140 - textLength(prefix);
  const body = Array.from(original);
  return prefix + (body.length > room ? `${body.slice(0, room - 1).join('')}…` : original);
}
