import Sentiment from 'sentiment';
import englishAfinn from 'sentiment/languages/en/labels.json';
import englishNegators from 'sentiment/languages/en/negators.json';
import packageEmoji from 'sentiment/build/emoji.json';
import frenchAfinn from '../lexicons/afinn-fr-165.json';
import { OFFENSIVE_WORDS } from '../abuse/offensive-words';
import * as hashing from '../text/hash';
import * as tok from '../text/tokenizer';
import type { TokenBuffer } from '../text/tokenizer';

// swc compiles imported bindings to getter calls on the module object at every use: hot code reads local copies
const { BOUNDARY, ELONGATED, EMOJI, EMOTICON, HASHTAG, PUNCT, wordEpoch } = tok;
const { fnv1a } = hashing;

/**
 * The lexicon core: the `sentiment` package (AFINN-165 and its emoji table), with French registered through
 * `registerLanguage` (AFINN-fr-165), and a scoring strategy of ours for both languages:
 * - negation reaches up to three tokens back ("not very good", "pas du tout bon", "jamais satisfait") and stops
 *   at sentence punctuation and "but"/"mais"; a negated word's score is flipped;
 * - intensifiers ("very", "so", "vraiment", "trop"...) multiply the word they precede by 1.5, diminishers
 *   ("a bit", "kinda", "un peu", "plutôt") by 0.5, also through a negation ("not very good").
 *
 * Plain `sentiment` (for the baseline) is the package as-is: `analyze(text, { language: 'en' | 'fr' })`, French
 * being only the AFINN-fr labels. The product's languages are registered as 'ecoute-en' and 'ecoute-fr' (extended
 * labels + the strategy above). The product does not call `analyze`, which costs 6–8 µs a tweet on the
 * development machine (regular expressions, an allocation per word): {@link scoreLexicon} runs the package's own
 * loop (label lookup, then the registered strategy's `apply(tokens, cursor, score)`) over our tokens.
 * lexicon.spec.ts checks the two agree.
 */

export type LexiconLanguage = 'en' | 'fr';

/** emoji the package's 2015 table lacks or leaves at 0 */
const EMOJI_SUPPLEMENT: Record<string, number> = {
  '🙂': 2,
  '😢': -2,
  '🙁': -2,
  '🥰': 3,
  '🤩': 3,
  '🤬': -4,
  '🤮': -3,
  '🙄': -2,
  '🥺': -1,
  '🤣': 2,
  '🖕': -4,
  '🤡': -2,
  '😬': -1,
  '😠': -3,
  '😡': -3,
  '💯': 2,
};

/** tweet words AFINN lacks */
const ENGLISH_SUPPLEMENT: Record<string, number> = {
  thx: 2,
  ty: 2,
  yay: 3,
  smh: -2,
  meh: -1,
  fml: -3,
  ugh: -2,
  disappointing: -2,
  // customer service
  slow: -2,
  laggy: -2,
  efficient: 2,
};

/** everyday French words AFINN-fr (a translation of AFINN) lacks */
const FRENCH_SUPPLEMENT: Record<string, number> = {
  nul: -3,
  nulle: -3,
  nuls: -3,
  nulles: -3,
  aime: 2,
  aimé: 2,
  aimer: 2,
  adoré: 3,
  déteste: -3,
  détesté: -3,
  magnifique: 3,
  top: 2,
  cool: 2,
  content: 2,
  contente: 2,
  contents: 2,
  meilleur: 2,
  meilleure: 2,
  déçue: -2,
  déçus: -2,
  décevant: -2,
  décevante: -2,
  décevants: -2,
  honteux: -3,
  honteuse: -3,
  scandale: -3,
  scandaleux: -3,
  inadmissible: -3,
  inacceptable: -3,
  arnaque: -3,
  marre: -2,
  énervé: -2,
  chiant: -3,
  galère: -2,
  bof: -1,
  mdr: 2,
  ptdr: 2,
  lol: 2,
  hâte: 2,
  fier: 2,
  fière: 2,
  beau: 2,
  parfait: 3,
  parfaite: 3,
  incroyable: 2,
  dommage: -2,
  panne: -2,
  pourri: -3,
  pourrie: -3,
  naze: -2,
  connard: -4,
  merci: 2,
  bravo: 3,
  félicitations: 3,
  // service client
  rapide: 2,
  rapides: 2,
  efficace: 2,
  efficaces: 2,
  lent: -2,
  lente: -2,
  lents: -2,
  lentes: -2,
  lenteur: -2,
  coupure: -2,
};

/** AFINN-fr entries that mostly mislead on tweets ("plus" is "more" or, after "ne", "no longer") */
const FRENCH_REMOVED = ['plus'];

const ENGLISH_NEGATORS = [
  ...Object.keys(englishNegators),
  'never',
  'no',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'none',
  'cannot',
  'didnt',
  "didn't",
  'wasnt',
  "wasn't",
  'arent',
  "aren't",
  'couldnt',
  "couldn't",
  'shouldnt',
  "shouldn't",
  'wouldnt',
  "wouldn't",
  'havent',
  "haven't",
  'hasnt',
  "hasn't",
  'aint',
  "ain't",
  'without',
  'hardly',
  'barely',
];
const FRENCH_NEGATORS = [
  'pas',
  'jamais',
  'rien',
  'aucun',
  'aucune',
  'sans',
  'ni',
  'guère',
  'ne',
  "n'",
  'non',
  'personne',
];

const ENGLISH_INTENSIFIERS: Record<string, number> = {
  very: 1.5,
  so: 1.5,
  soo: 1.5,
  really: 1.5,
  extremely: 1.5,
  too: 1.5,
  super: 1.5,
  totally: 1.5,
  absolutely: 1.5,
  incredibly: 1.5,
  completely: 1.5,
  truly: 1.5,
  most: 1.5,
  such: 1.5,
  freaking: 1.5,
  fucking: 1.5,
  damn: 1.5,
  highly: 1.5,
  utterly: 1.5,
  bit: 0.5,
  kinda: 0.5,
  slightly: 0.5,
  somewhat: 0.5,
  fairly: 0.5,
  rather: 0.5,
  little: 0.5,
};
const FRENCH_INTENSIFIERS: Record<string, number> = {
  très: 1.5,
  tres: 1.5,
  vraiment: 1.5,
  trop: 1.5,
  super: 1.5,
  tellement: 1.5,
  si: 1.5,
  hyper: 1.5,
  extrêmement: 1.5,
  vachement: 1.5,
  complètement: 1.5,
  totalement: 1.5,
  absolument: 1.5,
  franchement: 1.5,
  grave: 1.5,
  peu: 0.5,
  plutôt: 0.5,
  assez: 0.5,
};

const ENGLISH_STOPS = ['.', '!', '!!', '?', '??', 'but'];
const FRENCH_STOPS = ['.', '!', '!!', '?', '??', 'mais'];

/** how far back a negator reaches */
export const NEGATION_SCOPE = 3;

/**
 * The scoring strategy registered with the package. `apply` has the package's signature; it also leaves what it
 * did in `negated` and `factor`, read by {@link scoreLexicon} for the explanation.
 */
export class ScopedNegationStrategy {
  negated = false;
  factor = 1;
  /** positions of the intensifiers applied by the last call (the first `applied` entries) */
  readonly intensifierAt = new Int32Array(NEGATION_SCOPE);
  applied = 0;
  readonly negators: ReadonlySet<string>;
  readonly intensifiers: ReadonlyMap<string, number>;
  readonly stops: ReadonlySet<string>;

  constructor(
    negators: readonly string[],
    intensifiers: Record<string, number>,
    stops: readonly string[],
    /** French "plus" negates only after "ne"/"n'" ("n'est plus bon") */
    private readonly frenchPlus: boolean,
  ) {
    this.negators = new Set(negators);
    this.intensifiers = new Map(Object.entries(intensifiers));
    this.stops = new Set(stops);
  }

  /** true when token j (of `tokens`) negates what follows it */
  isNegator(tokens: readonly string[], j: number): boolean {
    const t = tokens[j];
    if (this.negators.has(t)) return true;
    if (this.frenchPlus && t === 'plus') {
      for (let k = j - 1; k >= 0 && k >= j - 3; k--)
        if (tokens[k] === 'ne' || tokens[k] === "n'") return true;
    }
    return false;
  }

  apply(tokens: string[], cursor: number, tokenScore: number): number {
    let negated = false;
    let factor = 1;
    let chain = true;
    this.applied = 0;
    for (let j = cursor - 1; j >= 0 && j >= cursor - NEGATION_SCOPE; j--) {
      const t = tokens[j];
      if (this.stops.has(t)) break;
      if (this.isNegator(tokens, j)) {
        negated = true;
        continue;
      }
      const f = chain ? this.intensifiers.get(t) : undefined;
      if (f !== undefined) {
        factor *= f;
        this.intensifierAt[this.applied++] = j;
      } else chain = false;
    }
    this.negated = negated;
    this.factor = factor;
    const s = tokenScore * factor;
    return negated ? -s : s;
  }
}

function singleTokens(labels: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(labels)) if (!/\s/.test(k)) out[k] = v;
  return out;
}

function withoutAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function buildEnglishLabels(): Record<string, number> {
  return {
    ...singleTokens(englishAfinn as Record<string, number>),
    ...(packageEmoji as Record<string, number>),
    ...ENGLISH_SUPPLEMENT,
    ...EMOJI_SUPPLEMENT,
  };
}

function buildFrenchLabels(): Record<string, number> {
  const base: Record<string, number> = {
    ...singleTokens(frenchAfinn as Record<string, number>),
    ...FRENCH_SUPPLEMENT,
  };
  for (const w of FRENCH_REMOVED) delete base[w];
  // tweets often drop accents: "decu" for "déçu"
  for (const [k, v] of Object.entries(base)) {
    const bare = withoutAccents(k);
    if (bare !== k && !(bare in base)) base[bare] = v;
  }
  return { ...base, ...(packageEmoji as Record<string, number>), ...EMOJI_SUPPLEMENT };
}

export interface WordInfo {
  /** lexicon score, 0 when none */
  score: number;
  negator: boolean;
  /** may negate, depending on the words before it (French "plus") */
  conditional: boolean;
  /** ends a negation's scope */
  stop: boolean;
  /** an insult or profanity ({@link OFFENSIVE_WORDS}) */
  offensive: boolean;
}

// same shape as the table's entries (a frozen object would make the reads of scoreLexicon polymorphic)
const NO_INFO: WordInfo = { score: 0, negator: false, conditional: false, stop: false, offensive: false };

export interface LexiconCore {
  language: LexiconLanguage;
  /** the package language code the extended lexicon is registered under */
  packageCode: string;
  labels: ReadonlyMap<string, number>;
  strategy: ScopedNegationStrategy;
  /** labels, negators and scope stops in one table: one lookup a token */
  words: ReadonlyMap<string, WordInfo>;
  table: WordTable;
  /** `table` lookups by word number (TokenBuffer.word), in the tokenizer's epoch `epoch` */
  byWord: { epoch: number; words: Int32Array; infos: WordInfo[] };
  /** hashtag → score of its segmented words (cache) */
  hashtagCache: Map<string, number>;
  /** labels hashtags are also looked up in (English, for French) */
  hashtagFallback: ReadonlyMap<string, number> | null;
}

/** `core.words.get(norm)`, or NO_INFO when the word is not in the table */
function wordInfo(core: LexiconCore, norm: string, hash: number): WordInfo {
  const table = core.table;
  let slot = hash & table.mask;
  for (;;) {
    const h = table.hashes[slot];
    if (h === hash && table.words[slot] === norm) return table.infos[slot];
    if (h === 0 && table.words[slot] === '') return NO_INFO;
    slot = (slot + 1) & table.mask;
  }
}

/**
 * `words` as an open-addressing table keyed by the tokens' FNV-1a hashes (which the tokenizer computes anyway): a
 * token that is no lexicon word (most are) costs one or two integer reads, not a string hash and compare.
 */
interface WordTable {
  mask: number;
  hashes: Int32Array;
  words: string[];
  infos: WordInfo[];
}

function wordTable(words: ReadonlyMap<string, WordInfo>): WordTable {
  let size = 16;
  while (size < words.size * 4) size *= 2;
  const table: WordTable = {
    mask: size - 1,
    hashes: new Int32Array(size),
    words: new Array<string>(size).fill(''),
    infos: new Array<WordInfo>(size).fill(NO_INFO),
  };
  for (const [w, info] of words) {
    const hash = fnv1a(w);
    let slot = hash & table.mask;
    while (table.words[slot] !== '') slot = (slot + 1) & table.mask;
    table.hashes[slot] = hash;
    table.words[slot] = w;
    table.infos[slot] = info;
  }
  return table;
}

/** the package instance: plain 'en', plain 'fr' (AFINN-fr only), and the product's 'ecoute-en' / 'ecoute-fr' */
export const sentimentPackage = new Sentiment();
// the package merges its emoji into the object it is given: hand it copies
sentimentPackage.registerLanguage('fr', { labels: { ...(frenchAfinn as Record<string, number>) } });

function makeCore(language: LexiconLanguage): LexiconCore {
  const labels = language === 'en' ? buildEnglishLabels() : buildFrenchLabels();
  const strategy =
    language === 'en'
      ? new ScopedNegationStrategy(ENGLISH_NEGATORS, ENGLISH_INTENSIFIERS, ENGLISH_STOPS, false)
      : new ScopedNegationStrategy(FRENCH_NEGATORS, FRENCH_INTENSIFIERS, FRENCH_STOPS, true);
  const packageCode = `ecoute-${language}`;
  const registered = { ...labels };
  sentimentPackage.registerLanguage(packageCode, { labels: registered, scoringStrategy: strategy });
  // registering merges the package's emoji table into the labels, over our supplement: put it back
  Object.assign(registered, EMOJI_SUPPLEMENT);
  const words = new Map<string, WordInfo>();
  const info = (w: string): WordInfo => {
    let e = words.get(w);
    if (e === undefined)
      words.set(w, (e = { score: 0, negator: false, conditional: false, stop: false, offensive: false }));
    return e;
  };
  for (const [w, v] of Object.entries(labels)) info(w).score = v;
  for (const w of strategy.negators) info(w).negator = true;
  for (const w of strategy.stops) info(w).stop = true;
  if (language === 'fr') info('plus').conditional = true;
  for (const w of OFFENSIVE_WORDS) info(w).offensive = true;
  return {
    language,
    packageCode,
    labels: new Map(Object.entries(labels)),
    strategy,
    words,
    table: wordTable(words),
    byWord: { epoch: 0, words: new Int32Array(1 << 15), infos: new Array<WordInfo>(1 << 15).fill(NO_INFO) },
    hashtagCache: new Map(),
    hashtagFallback: null,
  };
}

export const LEXICONS: Readonly<Record<LexiconLanguage, LexiconCore>> = (() => {
  const en = makeCore('en');
  const fr = makeCore('fr');
  fr.hashtagFallback = en.labels;
  return { en, fr };
})();

/** the plain package's score for a text: the baseline */
export function plainScore(text: string, language: LexiconLanguage): number {
  return sentimentPackage.analyze(text, { language }).score;
}

/** per-token lexicon flags (in {@link LexiconScores.flags}) */
export const LEX_HIT = 1;
export const LEX_NEGATED = 2;
export const LEX_INTENSIFIED = 4;
export const LEX_TUNED = 8;
/** a token in a negator's scope, lexicon word or not (for the model's negated-word features) */
export const IN_NEGATION = 16;
export const LEX_NEGATOR = 32;
/** an insult or profanity */
export const OFFENSIVE = 64;
/** an intensifier or diminisher applied to a lexicon word ("very" in "very good") */
export const INTENSIFIER = 128;

/** The lexicon's reading of one post: per token and in total. Reused from post to post. */
export class LexiconScores {
  score: Float64Array;
  flags: Uint8Array;
  sum = 0;
  positive = 0;
  negative = 0;
  nPositive = 0;
  nNegative = 0;
  nNegated = 0;
  nIntensified = 0;
  nNegators = 0;
  emoji = 0;
  hashtags = 0;
  last = 0;
  maxPositive = 0;
  minNegative = 0;
  tuned = 0;

  constructor(capacity = 128) {
    this.score = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  reset(n: number): void {
    if (this.score.length < n) {
      this.score = new Float64Array(n * 2);
      this.flags = new Uint8Array(n * 2);
    } else {
      this.score.fill(0, 0, n);
      this.flags.fill(0, 0, n);
    }
    this.sum = this.positive = this.negative = this.nPositive = this.nNegative = 0;
    this.nNegated = this.nIntensified = this.nNegators = this.emoji = this.hashtags = this.last = 0;
    this.maxPositive = this.minNegative = this.tuned = 0;
  }
}

function squeezeToOne(s: string): string {
  let r = '';
  for (let k = 0; k < s.length; k++) if (k === 0 || s.charCodeAt(k) !== s.charCodeAt(k - 1)) r += s.charAt(k);
  return r;
}

/** score of a hashtag's words in `labels`: the whole, camel-case parts ("EpicFail"), a word it ends or starts with ("epicfail") */
function segmentScore(labels: ReadonlyMap<string, number>, key: string, surface: string): number {
  let score = labels.get(key) ?? 0;
  if (score !== 0) return score;
  const parts = surface.split(/(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])/);
  if (parts.length > 1) for (const p of parts) score += labels.get(p.toLowerCase()) ?? 0;
  if (score === 0 && key.length >= 6) {
    for (let k = 2; k <= key.length - 3 && score === 0; k++) score = labels.get(key.slice(k)) ?? 0;
    for (let k = key.length - 2; k >= 3 && score === 0; k--) score = labels.get(key.slice(0, k)) ?? 0;
  }
  return score;
}

/** score of a hashtag, in the post's language, else in English (French posts use English hashtags: #fail) */
function hashtagScore(core: LexiconCore, buf: TokenBuffer, i: number): number {
  const key = buf.norm[i];
  const cached = core.hashtagCache.get(key);
  if (cached !== undefined) return cached;
  const surface = buf.text.slice(buf.start[i] + 1, buf.end[i]);
  let score = segmentScore(core.labels, key, surface);
  if (score === 0 && core.hashtagFallback !== null) score = segmentScore(core.hashtagFallback, key, surface);
  if (core.hashtagCache.size > 50_000) core.hashtagCache.clear();
  core.hashtagCache.set(key, score);
  return score;
}

/**
 * The package's scoring loop over our tokens: each token with a label (or a workspace's tuned weight, in
 * `tuned`, NaN where none) goes through the registered strategy. Also marks every token within a negation's
 * scope. Writes into `out`.
 */
export function scoreLexicon(
  core: LexiconCore,
  buf: TokenBuffer,
  tuned: Float64Array | null,
  out: LexiconScores,
): LexiconScores {
  const n = buf.n;
  out.reset(n);
  const tokens = buf.norm;
  const strategy = core.strategy;
  let inScope = 0;
  const byWord = core.byWord;
  const epoch = wordEpoch();
  if (byWord.epoch !== epoch) {
    byWord.words.fill(0);
    byWord.epoch = epoch;
  }
  const mask = byWord.words.length - 1;
  for (let i = 0; i < n; i++) {
    const kind = buf.kind[i];
    const word = buf.word[i];
    let info: WordInfo;
    if (word === 0) info = wordInfo(core, tokens[i], buf.hash[i]);
    else if (byWord.words[word & mask] === word) info = byWord.infos[word & mask];
    else {
      info = wordInfo(core, tokens[i], buf.hash[i]);
      byWord.words[word & mask] = word;
      byWord.infos[word & mask] = info;
    }
    if (info.offensive) out.flags[i] |= OFFENSIVE;
    if (kind === BOUNDARY || kind === PUNCT || info.stop) inScope = 0;
    else if (inScope > 0) {
      out.flags[i] |= IN_NEGATION;
      inScope--;
    }
    if (info.negator || (info.conditional && strategy.isNegator(tokens, i))) {
      out.flags[i] |= LEX_NEGATOR;
      out.nNegators++;
      inScope = NEGATION_SCOPE;
    }
    let raw = tuned !== null ? tuned[i] : NaN;
    const isTuned = raw === raw;
    if (!isTuned) {
      if (info.score !== 0) raw = info.score;
      else if (kind === HASHTAG) raw = hashtagScore(core, buf, i);
      else if ((buf.flags[i] & ELONGATED) !== 0) raw = core.labels.get(squeezeToOne(tokens[i])) ?? 0;
      else continue;
      if (raw === 0) continue;
    }
    const s = strategy.apply(tokens, i, raw);
    out.score[i] = s;
    let f = LEX_HIT;
    if (strategy.negated) {
      f |= LEX_NEGATED;
      out.nNegated++;
    }
    if (strategy.factor !== 1) {
      f |= LEX_INTENSIFIED;
      out.nIntensified++;
      // the intensifier's weight is in this word's score now: the model does not read it as a word of its own
      for (let k = 0; k < strategy.applied; k++) out.flags[strategy.intensifierAt[k]] |= INTENSIFIER;
    }
    if (isTuned) {
      f |= LEX_TUNED;
      out.tuned += s;
    }
    out.flags[i] |= f;
    out.sum += s;
    out.last = s;
    if (s > 0) {
      out.positive += s;
      out.nPositive++;
      if (s > out.maxPositive) out.maxPositive = s;
    } else if (s < 0) {
      out.negative += s;
      out.nNegative++;
      if (s < out.minNegative) out.minNegative = s;
    }
    if (kind === EMOJI || kind === EMOTICON) out.emoji += s;
    else if (kind === HASHTAG) out.hashtags += s;
  }
  return out;
}
