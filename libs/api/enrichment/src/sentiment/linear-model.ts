import * as hash from '../text/hash';
import * as tok from '../text/tokenizer';
import * as feat from './features';
import type { FeatureBuffer, FeatureConfig, FeatureSink } from './features';

// swc compiles imported bindings to getter calls on the module object at every use: hot code reads local copies
const { fnv1a } = hash;
const { wordFeatures } = feat;
const { HASHTAG, wordEpoch } = tok;

/**
 * A multinomial logistic regression over hashed features, with the first class as reference (its logit is 0,
 * so K classes need K − 1 weights a bucket: 2 for sentiment, 1 for abuse). A feature's bucket is its hash xor a
 * salt, masked: a model may give each feature a copy shared by all languages and a copy of its language's own
 * (for joint training; the product's models have one language and one copy each).
 *
 * Weights are quantised to 8 or 16 bits with one scale for the table, stored base64 in a JSON file, and read as
 * integers at scoring (a 2^18-bucket sentiment table is 512 KiB). Posts are scored as their features are
 * extracted ({@link ModelScorer}; English sentiment and abuse together, {@link FusedScorer}).
 */

export const MODEL_FORMAT = 'ecoute-linear/1';

export interface LinearModelJson {
  format: typeof MODEL_FORMAT;
  name: string;
  /** class labels; the first is the reference class */
  classes: string[];
  /** log2 of the number of buckets */
  bits: number;
  /** a copy of each feature shared by all languages */
  shared: boolean;
  /** languages with a copy of their own */
  languages: string[];
  features: FeatureConfig;
  /** the model does not read the lexicon block of the features (abuse: a complaint is not an insult) */
  skipLexiconBlock?: boolean;
  /**
   * weight λ of the lexicon's own vote, added to the model's logits at scoring: ±λ·tanh(lexicon sum / 3) to
   * the positive and negative logits (0: none)
   */
  lexiconPrior?: number;
  /** bias of each non-reference class */
  bias: number[];
  /** per-language bias of each non-reference class */
  languageBias: Record<string, number[]>;
  precision: 8 | 16;
  /** weight = stored integer × scale */
  scale: number;
  /** base64 of the little-endian Int8Array / Int16Array of 2^bits × (K − 1) weights, bucket-major */
  weights: string;
  /** how the model was trained (informational) */
  training?: Record<string, unknown>;
}

const SHARED_SALT = 0x9e3779b9;

export function languageSalt(language: string): number {
  return fnv1a(language, 0x3243f6a8);
}

/** the bucket of a feature hash (already mixed by the extraction) in a copy with salt `salt` */
export function bucketOf(hash: number, salt: number, mask: number): number {
  return (hash ^ salt) & mask;
}

/** the salts of the copies a post of `language` uses */
export function copySalts(shared: boolean, languages: readonly string[], language: string): number[] {
  const salts: number[] = [];
  if (shared) salts.push(SHARED_SALT);
  if (languages.includes(language)) salts.push(languageSalt(language));
  if (salts.length === 0) salts.push(SHARED_SALT);
  return salts;
}

export class LinearModel {
  readonly k1: number;
  readonly mask: number;
  private readonly saltCache = new Map<string, Int32Array>();

  constructor(
    readonly name: string,
    readonly classes: readonly string[],
    readonly bits: number,
    readonly shared: boolean,
    readonly languages: readonly string[],
    readonly features: FeatureConfig,
    /** quantised weights, 2^bits × (K − 1), bucket-major; a weight is its integer × `scale` */
    readonly weights: Int8Array | Int16Array,
    readonly scale: number,
    readonly bias: Float64Array,
    readonly languageBias: ReadonlyMap<string, Float64Array>,
    readonly training: Record<string, unknown> = {},
    readonly skipLexiconBlock = false,
    readonly lexiconPrior = 0,
  ) {
    this.k1 = classes.length - 1;
    this.mask = (1 << bits) - 1;
  }

  salts(language: string): Int32Array {
    let s = this.saltCache.get(language);
    if (s === undefined) {
      s = Int32Array.from(copySalts(this.shared, this.languages, language));
      this.saltCache.set(language, s);
    }
    return s;
  }

  /** Scores a post's features from a buffer (the analyzer scores them as they are extracted, with a {@link ModelScorer}). */
  score(f: FeatureBuffer, language: string, direction: ArrayLike<number>, tokens: number): ModelScorer {
    const scorer = new ModelScorer(this, direction);
    scorer.begin(language, tokens);
    scorer.clear();
    for (let i = 0; i < f.n; i++) {
      if (f.token[i] === tokens) scorer.addLexicon(f.hash[i], f.value[i], tokens);
      else scorer.add(f.hash[i], f.value[i], f.token[i], f.token2[i]);
    }
    scorer.end();
    return scorer;
  }

  get precision(): 8 | 16 {
    return this.weights instanceof Int16Array ? 16 : 8;
  }

  toJSON(): LinearModelJson {
    const data = this.weights;
    return {
      format: MODEL_FORMAT,
      name: this.name,
      classes: [...this.classes],
      bits: this.bits,
      shared: this.shared,
      languages: [...this.languages],
      features: { ...this.features },
      bias: Array.from(this.bias, round6),
      languageBias: Object.fromEntries([...this.languageBias].map(([l, b]) => [l, Array.from(b, round6)])),
      precision: this.precision,
      scale: this.scale,
      weights: toBase64(data),
      ...(this.skipLexiconBlock ? { skipLexiconBlock: true } : {}),
      ...(this.lexiconPrior !== 0 ? { lexiconPrior: this.lexiconPrior } : {}),
      training: this.training,
    };
  }

  static fromJSON(json: LinearModelJson): LinearModel {
    if (json.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(json.format)}`);
    const k1 = json.classes.length - 1;
    const size = (1 << json.bits) * k1;
    const bytes = Buffer.from(json.weights, 'base64');
    const width = json.precision === 16 ? 2 : 1;
    if (bytes.length !== size * width)
      throw new Error(`model ${json.name}: expected ${size * width} weight bytes, got ${bytes.length}`);
    let weights: Int8Array | Int16Array;
    if (width === 2) {
      weights = new Int16Array(size);
      for (let i = 0; i < size; i++) weights[i] = bytes.readInt16LE(i * 2);
    } else {
      weights = new Int8Array(size);
      for (let i = 0; i < size; i++) weights[i] = (bytes[i] << 24) >> 24;
    }
    return new LinearModel(
      json.name,
      json.classes,
      json.bits,
      json.shared,
      json.languages,
      json.features,
      weights,
      json.scale,
      Float64Array.from(json.bias),
      new Map(Object.entries(json.languageBias).map(([l, b]) => [l, Float64Array.from(b)])),
      json.training ?? {},
      json.skipLexiconBlock === true,
      json.lexiconPrior ?? 0,
    );
  }
}

/**
 * A scorer's sums of the word features ({@link wordFeatures}) of the words it saw last, by word: most words of a
 * post were seen before, and then cost one lookup instead of one per feature (their character n-grams). A
 * direct-mapped table: a slot keeps the last word that hashed to it.
 */
class WordCache {
  static readonly BITS = 15;
  readonly mask = (1 << WordCache.BITS) - 1;
  /** per slot: the key (word number × 2, + 1 for a hashtag), 0 when empty */
  readonly keys = new Int32Array(1 << WordCache.BITS);
  /** per slot: the sums of the three weight columns (times the features' values), and of the values squared */
  readonly sums = new Float32Array(4 << WordCache.BITS);
  epoch = 0;

  /** empties the cache if the tokenizer's word numbers started over */
  check(): void {
    const epoch = wordEpoch();
    if (epoch !== this.epoch) {
      this.keys.fill(0);
      this.epoch = epoch;
    }
  }
}

/** Sums the weights of one word's features (the word cache's miss path). */
class WordSum implements FeatureSink {
  a = 0;
  b = 0;
  c = 0;
  sq = 0;

  constructor(private readonly weights: (hash: number, out: WordSum, value: number) => void) {}

  clear(): void {
    this.a = this.b = this.c = this.sq = 0;
  }

  add(hash: number, value: number): void {
    this.sq += value * value;
    this.weights(hash, this, value);
  }

  addLexicon(): void {
    throw new Error('not a word feature');
  }

  addWord(): void {
    throw new Error('not a word feature');
  }
}

/** A model's reading of one post: class probabilities, and what each token contributed. */
export interface Scored {
  /** logits of the classes (the reference class's is 0) */
  readonly logits: Float64Array;
  readonly probabilities: Float64Array;
  /**
   * each token's contribution along the scorer's evidence direction (logit units), then at
   * {@link lexiconSlot}(n) the lexicon block's (to share among the lexicon words) and at {@link globalSlot}(n)
   * the post-level features' (bias excluded)
   */
  readonly tokenContribution: Float64Array;
}

class Reading implements Scored {
  logits: Float64Array;
  probabilities: Float64Array;
  tokenContribution = new Float64Array(130);
  constructor(classes: number) {
    this.logits = new Float64Array(classes);
    this.probabilities = new Float64Array(classes);
  }
  reset(tokens: number): void {
    if (this.tokenContribution.length < tokens + 2) this.tokenContribution = new Float64Array(tokens * 2 + 2);
    else this.tokenContribution.fill(0, 0, tokens + 2);
  }
  /**
   * raw sums → logits and probabilities: `z` (normalised features) scaled by `unit`, `l` (a fixed lexicon block)
   * by `lexiconUnit`; the contributions likewise
   */
  finish(
    m: LinearModel,
    language: string,
    z1: number,
    z2: number,
    unit: number,
    l1: number,
    l2: number,
    lexiconUnit: number,
    tokens: number,
  ): void {
    const logits = this.logits;
    logits[0] = 0;
    const lb = m.languageBias.get(language);
    for (let k = 0; k < m.k1; k++)
      logits[k + 1] =
        m.bias[k] +
        (lb !== undefined ? lb[k] : 0) +
        (k === 0 ? z1 : z2) * unit +
        (k === 0 ? l1 : l2) * lexiconUnit;
    softmax(logits, this.probabilities);
    const c = this.tokenContribution;
    for (let i = 0; i < tokens + 2; i++) c[i] *= unit;
    if (lexiconUnit !== unit) c[tokens] *= lexiconUnit / unit;
  }
}

/**
 * Scores one model's features as they are extracted (a {@link FeatureSink}): `begin`, then the extraction
 * (which calls `clear` and `add`), then `end`. The direction weighs each non-reference class's logit in the
 * tokens' contributions ([−1, +1]: toward positive; [1]: toward abusive).
 */
export class ModelScorer implements FeatureSink, Scored {
  private readonly reading: Reading;
  private salts: Int32Array = new Int32Array(1);
  private language = '';
  private tokens = 0;
  private z1 = 0;
  private z2 = 0;
  private l1 = 0;
  private l2 = 0;
  private sumSquares = 0;
  // contributions of the current token, written out when the token changes (features come token by token)
  private current = 0;
  private pending = 0;
  private readonly d0: number;
  private readonly d1: number;
  private readonly fixedLexicon: boolean;
  private readonly words = new WordCache();
  private readonly summer: WordSum;

  constructor(
    readonly model: LinearModel,
    direction: ArrayLike<number>,
  ) {
    this.summer = new WordSum((h, out, value) => {
      const m = this.model;
      const salts = this.salts;
      for (let s = 0; s < salts.length; s++) {
        const idx = ((h ^ salts[s]) & m.mask) * m.k1;
        out.a += m.weights[idx] * value;
        if (m.k1 === 2) out.b += m.weights[idx + 1] * value;
      }
    });
    if (model.k1 > 2) throw new Error(`model ${model.name}: at most 3 classes`);
    this.reading = new Reading(model.k1 + 1);
    this.d0 = direction[0] * 0.5;
    this.d1 = model.k1 === 2 ? direction[1] * 0.5 : 0;
    this.fixedLexicon = model.features.fixedLexicon === true;
  }

  get logits(): Float64Array {
    return this.reading.logits;
  }
  get probabilities(): Float64Array {
    return this.reading.probabilities;
  }
  get tokenContribution(): Float64Array {
    return this.reading.tokenContribution;
  }

  begin(language: string, tokens: number): void {
    if (language !== this.language) {
      this.salts = this.model.salts(language);
      this.language = language;
      this.words.keys.fill(0); // the buckets depend on the language
    }
    this.words.check();
    this.tokens = tokens;
  }

  addWord(
    norm: string,
    hash: number,
    word: number,
    kind: number,
    offensive: boolean,
    token: number,
    config: FeatureConfig,
  ): void {
    const cache = this.words;
    const key = word * 2 + (kind === HASHTAG ? 1 : 0);
    const slot = key & cache.mask;
    if (word === 0 || cache.keys[slot] !== key) {
      const sum = this.summer;
      sum.clear();
      wordFeatures(norm, hash, kind, offensive, config, sum, token);
      if (word === 0) {
        this.addSums(sum.a, sum.b, sum.sq, token);
        return;
      }
      cache.keys[slot] = key;
      const k = slot << 2;
      cache.sums[k] = sum.a;
      cache.sums[k + 1] = sum.b;
      cache.sums[k + 3] = sum.sq;
    }
    const k = slot << 2;
    this.addSums(cache.sums[k], cache.sums[k + 1], cache.sums[k + 3], token);
  }

  private addSums(a: number, b: number, sq: number, token: number): void {
    this.sumSquares += sq;
    if (a === 0 && b === 0) return;
    this.z1 += a;
    this.z2 += b;
    if (token !== this.current) {
      this.reading.tokenContribution[this.current] += this.pending;
      this.pending = 0;
      this.current = token;
    }
    this.pending += 2 * (a * this.d0 + b * this.d1);
  }

  clear(): void {
    this.reading.reset(this.tokens);
    this.z1 = this.z2 = this.l1 = this.l2 = this.sumSquares = this.pending = 0;
    this.current = 0;
  }

  add(hash: number, value: number, token: number, token2: number): void {
    this.sumSquares += value * value;
    const m = this.model;
    const w = m.weights;
    const salts = this.salts;
    let a = 0;
    let b = 0;
    if (m.k1 === 2) {
      for (let s = 0; s < salts.length; s++) {
        const idx = ((hash ^ salts[s]) & m.mask) << 1;
        a += w[idx];
        b += w[idx + 1];
      }
    } else {
      for (let s = 0; s < salts.length; s++) a += w[(hash ^ salts[s]) & m.mask];
    }
    if (a === 0 && b === 0) return;
    this.z1 += a * value;
    this.z2 += b * value;
    const x = (a * this.d0 + b * this.d1) * value;
    if (token !== this.current) {
      this.reading.tokenContribution[this.current] += this.pending;
      this.pending = 0;
      this.current = token;
    }
    if (token2 === token) this.pending += 2 * x;
    else {
      this.pending += x;
      this.reading.tokenContribution[token2] += x;
    }
  }

  addLexicon(hash: number, value: number, slot: number): void {
    const m = this.model;
    if (!this.fixedLexicon) this.sumSquares += value * value;
    if (m.skipLexiconBlock) return;
    const w = m.weights;
    const salts = this.salts;
    let a = 0;
    let b = 0;
    for (let s = 0; s < salts.length; s++) {
      const idx = ((hash ^ salts[s]) & m.mask) * m.k1;
      a += w[idx];
      if (m.k1 === 2) b += w[idx + 1];
    }
    if (this.fixedLexicon) {
      this.l1 += a * value;
      this.l2 += b * value;
    } else {
      this.z1 += a * value;
      this.z2 += b * value;
    }
    this.reading.tokenContribution[slot] += (a * this.d0 + b * this.d1) * value * 2;
  }

  end(): void {
    this.reading.tokenContribution[this.current] += this.pending;
    this.pending = 0;
    const m = this.model;
    const unit = m.features.normalize && this.sumSquares > 0 ? 1 / Math.sqrt(this.sumSquares) : 1;
    this.reading.finish(
      m,
      this.language,
      this.z1,
      this.z2,
      unit * m.scale,
      this.l1,
      this.l2,
      (this.fixedLexicon ? 1 : unit) * m.scale,
      this.tokens,
    );
  }
}

/**
 * A sentiment model (2 weights a bucket) and, optionally, an abuse model over the same buckets (1 weight), scored
 * in one pass as the features are extracted: their weights interleaved 4 bytes a bucket, so a feature costs one
 * hash and one cache line for both. For 8-bit, one-copy models with the same buckets and features
 * ({@link FusedScorer.compatible}). The analyzer scores English (with abuse) and French (alone) with it, so the
 * extraction always talks to one class of sink (its calls stay monomorphic, inlined).
 */
export class FusedScorer implements FeatureSink {
  readonly first: Scored;
  readonly second: Scored;
  private readonly r1: Reading;
  private readonly r2: Reading;
  private readonly table: Int8Array;
  private readonly salt: number;
  private readonly mask: number;
  private tokens = 0;
  private z1 = 0;
  private z2 = 0;
  private z3 = 0;
  private l1 = 0;
  private l2 = 0;
  private l3 = 0;
  private sumSquares = 0;
  private current = 0;
  private pending1 = 0;
  private pending2 = 0;
  private readonly d0: number;
  private readonly d1: number;
  private readonly skipSecond: boolean;
  private readonly fixedLexicon: boolean;
  private readonly words = new WordCache();
  private readonly summer: WordSum;

  /** whether `a` (a 3-class model) and `b` (a 2-class model over the same buckets, or none) can be scored so */
  static compatible(a: LinearModel, b: LinearModel | null, language: string): boolean {
    const sa = a.salts(language);
    if (a.k1 !== 2 || a.skipLexiconBlock || a.precision !== 8 || sa.length !== 1) return false;
    if (b === null) return true;
    const featuresEqual = (Object.keys(a.features) as Array<keyof FeatureConfig>).every(
      (k) => a.features[k] === b.features[k],
    );
    const sb = b.salts(language);
    return (
      b.k1 === 1 &&
      b.precision === 8 &&
      a.bits === b.bits &&
      featuresEqual &&
      sb.length === 1 &&
      sa[0] === sb[0]
    );
  }

  constructor(
    readonly m1: LinearModel,
    /** the second model (abuse), or null: then `second` reads 0 */
    readonly m2: LinearModel | null,
    readonly language: string,
    direction: ArrayLike<number>,
  ) {
    if (!FusedScorer.compatible(m1, m2, language))
      throw new Error(`models ${m1.name} and ${m2?.name ?? '(none)'} cannot be scored together`);
    const buckets = 1 << m1.bits;
    this.table = new Int8Array(buckets * 4);
    for (let i = 0; i < buckets; i++) {
      this.table[i * 4] = m1.weights[i * 2];
      this.table[i * 4 + 1] = m1.weights[i * 2 + 1];
      this.table[i * 4 + 2] = m2 === null ? 0 : m2.weights[i];
    }
    this.salt = m1.salts(language)[0];
    this.skipSecond = m2 === null || m2.skipLexiconBlock;
    this.fixedLexicon = m1.features.fixedLexicon === true;
    this.summer = new WordSum((h, out, value) => {
      const idx = ((h ^ this.salt) & this.mask) << 2;
      out.a += this.table[idx] * value;
      out.b += this.table[idx + 1] * value;
      out.c += this.table[idx + 2] * value;
    });
    this.mask = m1.mask;
    this.r1 = new Reading(3);
    this.r2 = new Reading(2);
    this.first = this.r1;
    this.second = this.r2;
    this.d0 = direction[0] * 0.5;
    this.d1 = direction[1] * 0.5;
  }

  begin(tokens: number): void {
    this.words.check();
    this.tokens = tokens;
  }

  addWord(
    norm: string,
    hash: number,
    word: number,
    kind: number,
    offensive: boolean,
    token: number,
    config: FeatureConfig,
  ): void {
    const cache = this.words;
    const key = word * 2 + (kind === HASHTAG ? 1 : 0);
    const slot = key & cache.mask;
    if (word === 0 || cache.keys[slot] !== key) {
      const sum = this.summer;
      sum.clear();
      wordFeatures(norm, hash, kind, offensive, config, sum, token);
      if (word === 0) {
        this.addSums(sum.a, sum.b, sum.c, sum.sq, token);
        return;
      }
      cache.keys[slot] = key;
      const k = slot << 2;
      cache.sums[k] = sum.a;
      cache.sums[k + 1] = sum.b;
      cache.sums[k + 2] = sum.c;
      cache.sums[k + 3] = sum.sq;
    }
    const k = slot << 2;
    this.addSums(cache.sums[k], cache.sums[k + 1], cache.sums[k + 2], cache.sums[k + 3], token);
  }

  private addSums(a: number, b: number, c: number, sq: number, token: number): void {
    this.sumSquares += sq;
    if (a === 0 && b === 0 && c === 0) return;
    this.z1 += a;
    this.z2 += b;
    this.z3 += c;
    if (token !== this.current) {
      this.r1.tokenContribution[this.current] += this.pending1;
      this.r2.tokenContribution[this.current] += this.pending2;
      this.pending1 = this.pending2 = 0;
      this.current = token;
    }
    this.pending1 += 2 * (a * this.d0 + b * this.d1);
    this.pending2 += c;
  }

  clear(): void {
    this.r1.reset(this.tokens);
    this.r2.reset(this.tokens);
    this.z1 =
      this.z2 =
      this.z3 =
      this.l1 =
      this.l2 =
      this.l3 =
      this.sumSquares =
      this.pending1 =
      this.pending2 =
        0;
    this.current = 0;
  }

  add(hash: number, value: number, token: number, token2: number): void {
    this.sumSquares += value * value;
    const idx = ((hash ^ this.salt) & this.mask) << 2;
    const w = this.table;
    const a = w[idx];
    const b = w[idx + 1];
    const c = w[idx + 2];
    if ((a | b | c) === 0) return;
    this.z1 += a * value;
    this.z2 += b * value;
    this.z3 += c * value;
    const x1 = (a * this.d0 + b * this.d1) * value;
    const x2 = c * value * 0.5;
    if (token !== this.current) {
      this.r1.tokenContribution[this.current] += this.pending1;
      this.r2.tokenContribution[this.current] += this.pending2;
      this.pending1 = this.pending2 = 0;
      this.current = token;
    }
    if (token2 === token) {
      this.pending1 += 2 * x1;
      this.pending2 += 2 * x2;
    } else {
      this.pending1 += x1;
      this.pending2 += x2;
      this.r1.tokenContribution[token2] += x1;
      this.r2.tokenContribution[token2] += x2;
    }
  }

  addLexicon(hash: number, value: number, slot: number): void {
    if (!this.fixedLexicon) this.sumSquares += value * value;
    const idx = ((hash ^ this.salt) & this.mask) << 2;
    const w = this.table;
    const a = w[idx];
    const b = w[idx + 1];
    const c = this.skipSecond ? 0 : w[idx + 2];
    if (this.fixedLexicon) {
      this.l1 += a * value;
      this.l2 += b * value;
      this.l3 += c * value;
    } else {
      this.z1 += a * value;
      this.z2 += b * value;
      this.z3 += c * value;
    }
    this.r1.tokenContribution[slot] += (a * this.d0 + b * this.d1) * value * 2;
    this.r2.tokenContribution[slot] += c * value;
  }

  end(): void {
    this.r1.tokenContribution[this.current] += this.pending1;
    this.r2.tokenContribution[this.current] += this.pending2;
    this.pending1 = this.pending2 = 0;
    const unit = this.m1.features.normalize && this.sumSquares > 0 ? 1 / Math.sqrt(this.sumSquares) : 1;
    const lexiconUnit = this.fixedLexicon ? 1 : unit;
    this.r1.finish(
      this.m1,
      this.language,
      this.z1,
      this.z2,
      unit * this.m1.scale,
      this.l1,
      this.l2,
      lexiconUnit * this.m1.scale,
      this.tokens,
    );
    if (this.m2 !== null)
      this.r2.finish(
        this.m2,
        this.language,
        this.z3,
        0,
        unit * this.m2.scale,
        this.l3,
        0,
        lexiconUnit * this.m2.scale,
        this.tokens,
      );
  }
}

function toBase64(data: Int8Array | Int16Array): string {
  if (data instanceof Int8Array)
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
  const b = Buffer.alloc(data.length * 2);
  for (let i = 0; i < data.length; i++) b.writeInt16LE(data[i], i * 2);
  return b.toString('base64');
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function softmax(logits: Float64Array, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < logits.length; k++) if (logits[k] > max) max = logits[k];
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp(logits[k] - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < logits.length; k++) out[k] /= sum;
}

/**
 * Symmetric quantisation with one scale: the scale puts the 99.99th percentile of |w| at the top of the range
 * (the few larger weights are clipped), so that the many small weights keep their resolution.
 */
export function quantise(
  weights: Float64Array | Float32Array,
  precision: 8 | 16,
): { scale: number; data: Int8Array | Int16Array } {
  const top = precision === 16 ? 32767 : 127;
  const magnitudes = Float64Array.from(weights, Math.abs).sort();
  const p = magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * 0.9999))];
  const scale = p > 0 ? Number((p / top).toPrecision(8)) : 1;
  const data = precision === 16 ? new Int16Array(weights.length) : new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round(weights[i] / scale);
    data[i] = q > top ? top : q < -top ? -top : q;
  }
  return { scale, data };
}
