import * as hash from '../text/hash';
import * as tok from '../text/tokenizer';
import type { TokenBuffer } from '../text/tokenizer';
import * as lexicon from './lexicon';
import type { LexiconScores } from './lexicon';

// swc compiles imported bindings to getter calls on the module object at every use: hot code reads local copies
const { ALL_CAPS, BOUNDARY, ELONGATED, HASHTAG, PUNCT, WORD } = tok;
const { combine, fmix32 } = hash;
const FNV_PRIME = 0x01000193;
const { IN_NEGATION, INTENSIFIER, OFFENSIVE } = lexicon;

/**
 * Hashed features of a post for the linear models, the same code for training (into a {@link FeatureBuffer}) and
 * for scoring (into a model's scorer, as they are extracted). Each feature is a 32-bit hash (the model maps it to
 * a bucket), a value, and the token(s) it comes from, so that a model's contributions can be handed back to the
 * words of the post:
 * - word unigrams (hashtags also as "#word"), bigrams (sentence starts and ends included), words in a negator's
 *   scope ("not … good" → good_NEG), all-caps and elongated words, insults and profanity;
 * - character n-grams of words, with boundary marks ("<good>" → "<go", "goo", ... "od>");
 * - the lexicon block: the lexicon's sum, positive and negative parts, last word, emoji and hashtag scores,
 *   negations (values, or binned), attributed to the lexicon words of the post in proportion to their scores;
 * - post-level: a length bin and a bias (never shown as evidence).
 * An intensifier applied to a lexicon word has no features of its own: it acts through that word's score.
 */

export interface FeatureConfig {
  /** smallest and largest character n-gram (0 to disable) */
  charMin: number;
  charMax: number;
  /** value of one character n-gram, relative to a word's 1 */
  charWeight: number;
  /** words longer than this get no character n-grams */
  charMaxWord: number;
  /** words shorter than this get no character n-grams (their unigram says it all) */
  charMinWord?: number;
  bigrams: boolean;
  /** value of the lexicon block's features */
  lexiconWeight: number;
  /** the lexicon block without the count and extreme-score features (5 features fewer) */
  compactLexicon?: boolean;
  /** the lexicon block as a few values instead of binned indicators */
  lexiconContinuous?: boolean;
  /** keep the word features of intensifiers applied to a lexicon word (by default their effect is the word's score) */
  intensifierWords?: boolean;
  /** scale each post's feature vector to unit length */
  normalize: boolean;
  /**
   * leave the lexicon block out of that scaling: its features weigh the same in a short post and a long one
   * (a lexicon score of −3 is −3, whether the post has 2 words or 30)
   */
  fixedLexicon?: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  charMin: 3,
  charMax: 5,
  charWeight: 0.5,
  charMaxWord: 24,
  bigrams: true,
  lexiconWeight: 1,
  normalize: true,
};

/**
 * Attribution of a feature: to its token (both halves of `token`/`token2` to the same token, or a bigram's two
 * tokens); the lexicon block to slot n (n tokens), shared later among the lexicon words; post-level features to
 * slot n + 1, never shown. So a model adds every contribution without a branch.
 */
export function lexiconSlot(tokens: number): number {
  return tokens;
}
export function globalSlot(tokens: number): number {
  return tokens + 1;
}

/** Where features go: a {@link FeatureBuffer} (training), or a model that scores them as they come. */
export interface FeatureSink {
  clear(): void;
  /** a feature of token `token` (half) and `token2` (half; the same token but for bigrams), or of a slot */
  add(hash: number, value: number, token: number, token2: number): void;
  /** a feature of the lexicon block: `slot` is {@link lexiconSlot}(n) */
  addLexicon(hash: number, value: number, slot: number): void;
  /**
   * the features of token `token` that depend on its word alone ({@link wordFeatures}: unigram, hashtag,
   * insult, character n-grams), which a scorer may cache by word number (`word`, 0 for none)
   */
  addWord(
    norm: string,
    hash: number,
    word: number,
    kind: number,
    offensive: boolean,
    token: number,
    config: FeatureConfig,
  ): void;
}

export class FeatureBuffer implements FeatureSink {
  n = 0;
  hash: Int32Array;
  value: Float32Array;
  /** the token the feature comes from (half its contribution), or a slot (see {@link lexiconSlot}) */
  token: Int32Array;
  /** the other half: a bigram's first token, else the same as `token` */
  token2: Int32Array;
  /** sum of squared values (for normalisation) */
  sumSquares = 0;

  constructor(capacity = 1024) {
    this.hash = new Int32Array(capacity);
    this.value = new Float32Array(capacity);
    this.token = new Int32Array(capacity);
    this.token2 = new Int32Array(capacity);
  }

  clear(): void {
    this.n = 0;
    this.sumSquares = 0;
  }

  add(hash: number, value: number, token: number, token2: number): void {
    if (this.n === this.hash.length) this.grow();
    const i = this.n++;
    this.hash[i] = hash;
    this.value[i] = value;
    this.token[i] = token;
    this.token2[i] = token2;
    this.sumSquares += value * value;
  }

  addLexicon(hash: number, value: number, slot: number): void {
    this.add(hash, value, slot, slot);
  }

  addWord(
    norm: string,
    hash: number,
    _word: number,
    kind: number,
    offensive: boolean,
    token: number,
    config: FeatureConfig,
  ): void {
    wordFeatures(norm, hash, kind, offensive, config, this, token);
  }

  private grow(): void {
    const cap = this.hash.length * 2;
    const h = new Int32Array(cap);
    h.set(this.hash);
    this.hash = h;
    const v = new Float32Array(cap);
    v.set(this.value);
    this.value = v;
    const t = new Int32Array(cap);
    t.set(this.token);
    this.token = t;
    const t2 = new Int32Array(cap);
    t2.set(this.token2);
    this.token2 = t2;
  }
}

// namespaces: distinct seeds so that a word, its hashtag, its negated form... hash apart
const NS_WORD = 0x1b873593;
const NS_TAG = 0x2c1b3c6d;
const NS_NEG = 0x297a2d39;
const NS_BIGRAM = 0x3c6ef372;
const NS_CHAR = 0x6a09e667;
const NS_FLAG = 0x510e527f;
const NS_LEX = 0x1f83d9ab;
const NS_GLOBAL = 0x5be0cd19;
const START = 0x7137449;

const F_CAPS = combine(NS_FLAG, 1);
const F_ELONG = combine(NS_FLAG, 2);
const F_BIAS = combine(NS_GLOBAL, 0);
const F_OFFENSIVE = combine(NS_FLAG, 3);

function clip(v: number): number {
  return v < -2 ? -2 : v > 2 ? 2 : v;
}

function bin(v: number, lo: number, hi: number): number {
  const r = Math.round(v);
  return r < lo ? lo : r > hi ? hi : r;
}

/** a lexicon feature: name id and bin, hashed */
function lexFeature(id: number, b: number): number {
  return combine(NS_LEX + id, b + 64);
}

/** words whose character n-grams are worth having */
function hasChars(kind: number): boolean {
  return kind === WORD || kind === HASHTAG;
}

/**
 * Fills `out` (cleared first) with the features of the tokens in `buf`, given their lexicon scores. `skip`
 * (optional) marks tokens whose own features are left out (a workspace's tuned words: their weight is theirs).
 */
export function extractFeatures<S extends FeatureSink>(
  buf: TokenBuffer,
  lex: LexiconScores,
  config: FeatureConfig,
  out: S,
  skip: Uint8Array | null = null,
): S {
  out.clear();
  const n = buf.n;
  let prev = START;
  let prevToken = -1;
  let words = 0;
  for (let i = 0; i < n; i++) {
    const kind = buf.kind[i];
    if (kind === BOUNDARY) {
      prev = START;
      prevToken = -1;
      continue;
    }
    if (skip !== null && skip[i] !== 0) {
      prev = START;
      prevToken = -1;
      continue;
    }
    // an intensifier of a lexicon word speaks through that word's score only: "so happy" reads as "happy" with a
    // lexicon score of 4.5 instead of 3, so it always scores above "happy"
    if (config.intensifierWords !== true && (lex.flags[i] & INTENSIFIER) !== 0) continue;
    words++;
    const h = buf.hash[i];
    if (config.bigrams) {
      out.add(combine(prev ^ NS_BIGRAM, h), 1, i, prevToken >= 0 ? prevToken : i);
      prev = h;
      prevToken = i;
    }
    out.addWord(buf.norm[i], h, buf.word[i], kind, (lex.flags[i] & OFFENSIVE) !== 0, i, config);
    if ((lex.flags[i] & IN_NEGATION) !== 0 && kind !== PUNCT) out.add(combine(NS_NEG, h), 1, i, i);
    const f = buf.flags[i];
    if ((f & ALL_CAPS) !== 0) out.add(F_CAPS, 1, i, i);
    if ((f & ELONGATED) !== 0) out.add(F_ELONG, 1, i, i);
  }
  if (config.bigrams && prevToken >= 0) out.add(combine(prev ^ NS_BIGRAM, START), 1, prevToken, prevToken);

  // lexicon block
  const lw = config.lexiconWeight;
  const hits = lex.nPositive + lex.nNegative > 0;
  if (lw > 0 && config.lexiconContinuous === true) {
    // values, not bins: the block's effect grows with the lexicon's scores (an intensifier always adds); all 0
    // without a lexicon word, so left out then
    if (hits) {
      const slot = lexiconSlot(n);
      out.addLexicon(lexFeature(0, 0), lw * clip(lex.sum / 5), slot);
      out.addLexicon(lexFeature(1, 0), lw * clip(lex.positive / 5), slot);
      out.addLexicon(lexFeature(2, 0), lw * clip(lex.negative / 5), slot);
      out.addLexicon(lexFeature(5, 0), lw * Math.sign(lex.last), slot);
      if (lex.emoji !== 0) out.addLexicon(lexFeature(8, 0), lw * clip(lex.emoji / 4), slot);
      if (lex.hashtags !== 0) out.addLexicon(lexFeature(9, 0), lw * clip(lex.hashtags / 4), slot);
      if (lex.nNegated > 0) out.addLexicon(lexFeature(10, 0), lw, slot);
      out.addLexicon(lexFeature(12, 0), lw * Math.tanh(lex.sum / 4), slot);
    }
  } else if (lw > 0) {
    // binned: without a lexicon word, the bins (of 0) are post-level features
    const add = (h: number, v: number): void =>
      hits ? out.addLexicon(h, v, lexiconSlot(n)) : out.add(h, v, globalSlot(n), globalSlot(n));
    add(lexFeature(0, bin(lex.sum, -8, 8)), lw);
    add(lexFeature(1, bin(lex.positive, 0, 10)), lw);
    add(lexFeature(2, bin(lex.negative, -10, 0)), lw);
    if (config.compactLexicon !== true) {
      add(lexFeature(3, bin(lex.nPositive, 0, 4)), lw);
      add(lexFeature(4, bin(lex.nNegative, 0, 4)), lw);
      add(lexFeature(6, bin(lex.maxPositive, 0, 6)), lw);
      add(lexFeature(7, bin(lex.minNegative, -6, 0)), lw);
    }
    add(lexFeature(5, Math.sign(lex.last)), lw);
    if (lex.emoji !== 0) add(lexFeature(8, bin(lex.emoji, -4, 4)), lw);
    if (lex.hashtags !== 0) add(lexFeature(9, bin(lex.hashtags, -4, 4)), lw);
    if (lex.nNegated > 0) add(lexFeature(10, bin(lex.nNegated, 1, 3)), lw);
    if (lex.nIntensified > 0) add(lexFeature(11, Math.sign(lex.sum)), lw);
    // the sum as a scaled value too
    add(lexFeature(12, 0), lw * Math.tanh(lex.sum / 4));
  }
  const post = globalSlot(n);
  out.add(combine(NS_GLOBAL, bin(Math.log2(words + 1), 0, 6) + 1), 1, post, post);
  out.add(F_BIAS, 1, post, post);
  return out;
}

/**
 * The features of a token that depend on its word alone: unigram, "#word" for a hashtag, an insult's flag,
 * character n-grams of a word or hashtag. The one definition, for every sink.
 */
export function wordFeatures(
  norm: string,
  hash: number,
  kind: number,
  offensive: boolean,
  config: FeatureConfig,
  out: FeatureSink,
  token: number,
): void {
  out.add(combine(NS_WORD, hash), 1, token, token);
  if (kind === HASHTAG) out.add(combine(NS_TAG, hash), 1, token, token);
  if (offensive) out.add(F_OFFENSIVE, 1, token, token);
  if (config.charMax > 0 && hasChars(kind)) addCharGrams(norm, token, config, out);
}

/** a word's characters with its boundary marks, read once */
const chars = new Int32Array(64);

function addCharGrams(norm: string, token: number, config: FeatureConfig, out: FeatureSink): void {
  const len = norm.length;
  if (len > config.charMaxWord || len < (config.charMinWord ?? 0) || len + 2 > chars.length) return;
  const L = len + 2; // with the boundary marks
  const { charMin, charMax, charWeight } = config;
  if (L < charMin) return;
  chars[0] = 60; // <
  for (let k = 0; k < len; k++) chars[k + 1] = norm.charCodeAt(k);
  chars[L - 1] = 62; // >
  for (let s = 0; s + charMin <= L; s++) {
    let h = NS_CHAR;
    const end = s + charMax < L ? s + charMax : L;
    for (let e = s; e < end; e++) {
      h = Math.imul(h ^ chars[e], FNV_PRIME);
      if (e - s + 1 >= charMin) out.add(fmix32(h), charWeight, token, token);
    }
  }
}
