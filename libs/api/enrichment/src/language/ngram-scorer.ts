/**
 * eld's detection algorithm over eld's own n-gram database, written for speed (decision 0012).
 *
 * `eld.detect` spends ~38 µs per tweet on generic JavaScript: a large Unicode regular expression, strings built
 * byte by byte, `for…in` over one small object per n-gram, an object used as a set, and scores sorted on demand.
 * This scorer reads the same database once into an open-addressing table of packed n-grams and follows the same
 * steps on typed arrays:
 *
 * 1. runs of non-letters become one space, keeping the apostrophes that end a run (eld's `separators`); trim;
 *    lower case;
 * 2. UTF-8 bytes, each written as its character in eld's byte dictionary, split into words at spaces, with eld's
 *    cuts at 350 and 380 bytes;
 * 3. per word, 4-byte n-grams with a stride of 3, a leading space marking the word's start and a trailing one its
 *    end; each distinct n-gram adds its languages' scores; the first highest total wins.
 *
 * It returns eld's language and scores for every text: `ngram-scorer.spec.ts` checks that against `eld.detect`
 * itself, so a change to eld's algorithm shows on the next upgrade.
 */

/** eld's database: language ids to ISO 639-1 codes, and per n-gram, language id to score */
export interface NgramDatabase {
  languages: Record<number, string>;
  ngrams: Record<string, Record<number, number>>;
}

/** what the scorer takes from eld: the database, the byte dictionary and the separators pattern */
export interface EldParts {
  database: NgramDatabase;
  dictionary: readonly string[];
  separators: RegExp;
}

export interface NgramVerdict {
  language: string | null;
  /** the two highest scores, scaled as eld's `getScores()` scales them to [0, 1) */
  best: number;
  second: number;
}

/** eld subtracts this from every stored score to shrink its database */
const BASE_NGRAM_SCORE = 53;
/** eld's scale for its 0–1 scores */
const SCALE = 25;
/** eld reads the first 1,000 characters, and cuts at the first space after 350 bytes or at any character past 380 */
const MAX_CHARS = 1000;
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;
/** eld's longest word, in bytes, for its n-gram loop */
const MAX_WORD = 70;
const SPACE = 32;
/** eld's separators keep the apostrophes that end a run of non-letters */
const APOSTROPHES = [0x27, 0x60, 0x2019];
/** the one context-dependent lower case (final sigma) and the characters whose lower case is longer */
const TABLE_BITS = 16;
/** a slot's value: the n-gram's scores are in `pairs` */
const MULTI = 1 << 31;
const SEEN_BITS = 10;

const LETTER = 1;
/** a character the per-character tables cannot lower-case as `toLowerCase` does on the whole text */
const SPECIAL = 2;

export class NgramScorer {
  private readonly codes: string[];
  /**
   * The database as an open-addressing table of 12-byte slots (768 KiB): an n-gram's characters packed into two
   * 24-bit halves (0: an empty slot), then its scores — inline for the 71 % of n-grams that one language has
   * (language << 16 | score), else MULTI | count << 20 | where its pairs start in `pairs`. One cache line per
   * n-gram, mostly.
   */
  private readonly slots = new Int32Array(3 << TABLE_BITS);
  /** language << 16 | score, for the n-grams of several languages */
  private readonly pairs: Int32Array;
  /** eld's byte dictionary as character codes (all < 256, none 0) */
  private readonly byteChar = new Uint8Array(256);
  private readonly separators: RegExp;
  /** per BMP code unit: LETTER, SPECIAL; and its lower case */
  private readonly kind = new Uint8Array(0x10000);
  private readonly lower = new Uint16Array(0x10000);
  // scratch, reused by every call
  private readonly totals: Float64Array;
  private readonly text = new Uint16Array(4 * MAX_CHARS);
  private readonly word = new Uint8Array(4 * MAX_CHARS + 8);
  /** the n-grams of this call, as packed halves and the call's stamp, 3 integers a slot (12 KiB: stays in L1) */
  private readonly seen = new Int32Array(3 << SEEN_BITS);
  private readonly seenLong = new Set<string>();
  private stamp = 0;
  private distinct = 0;

  constructor(parts: EldParts) {
    const { database } = parts;
    this.separators = parts.separators;
    parts.dictionary.forEach((char, byte) => (this.byteChar[byte] = char.charCodeAt(0)));
    this.codes = [];
    for (const id of Object.keys(database.languages)) this.codes[Number(id)] = database.languages[Number(id)];
    this.totals = new Float64Array(this.codes.length);

    const keys = Object.keys(database.ngrams);
    if (keys.length > 0.8 * (1 << TABLE_BITS)) throw new Error(`eld's database has ${keys.length} n-grams, too many for the table`);
    const pairs: number[] = [];
    for (const key of keys) {
      if (key.length > 6) throw new Error(`eld's n-gram ${JSON.stringify(key)} is longer than 6 bytes`);
      const codes = [...key].map((c) => c.charCodeAt(0));
      const scores = Object.entries(database.ngrams[key]).map(([lang, score]) => (Number(lang) << 16) | (score + BASE_NGRAM_SCORE));
      let value = scores[0];
      if (scores.length > 1) {
        value = MULTI | (scores.length << 20) | pairs.length;
        pairs.push(...scores);
      }
      this.insert(pack(codes, 0), pack(codes, 3), value);
    }
    if (pairs.length >= 1 << 20) throw new Error(`eld's database has ${pairs.length} shared scores, too many for the table`);
    this.pairs = Int32Array.from(pairs);

    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const char = String.fromCharCode(c);
      const lower = char.toLowerCase();
      if (lower.length !== 1 || c === 0x03a3) this.kind[c] |= SPECIAL;
      this.lower[c] = lower.charCodeAt(0);
      if (!APOSTROPHES.includes(c) && char.replace(this.separators, '') === char) this.kind[c] |= LETTER;
    }
  }

  detect(input: string): NgramVerdict {
    const length = this.normalize(input);
    if (++this.stamp === 0x7fffffff) {
      // stamps are 32-bit: start again from 1 with every slot unstamped
      this.seen.fill(0);
      this.stamp = 1;
    }
    this.distinct = 0;
    this.seenLong.clear();
    this.totals.fill(0);
    this.readWords(length);

    // the first highest wins, as in eld's getMaxLang
    const totals = this.totals;
    let bestId = -1;
    let best = 0;
    let second = 0;
    for (let id = 0; id < totals.length; id++) {
      const total = totals[id];
      if (total > best) {
        second = best;
        best = total;
        bestId = id;
      } else if (total > second) second = total;
    }
    if (bestId < 0) return { language: null, best: 0, second: 0 };
    return { language: this.codes[bestId], best: scaled(best, this.distinct), second: scaled(second, this.distinct) };
  }

  /** step 1 into `this.text`; returns its length */
  private normalize(input: string): number {
    const end = input.length < MAX_CHARS ? input.length : MAX_CHARS;
    const kind = this.kind;
    const out = this.text;
    const lower = this.lower;
    let n = 0;
    let run = -1; // where the current run of non-letters started
    for (let i = 0; i <= end; i++) {
      const c = i < end ? input.charCodeAt(i) : 0;
      if (i < end && run < 0 && c < 0x80 && ((c | 32) - 97) >>> 0 < 26) {
        // an ASCII letter inside a word: the common case, without the tables
        out[n++] = c | 32;
        continue;
      }
      if (i < end && !(kind[c] & LETTER)) {
        if (run < 0) run = i;
        continue;
      }
      if (run >= 0) {
        // the run up to its last non-apostrophe becomes one space; the apostrophes after it stay
        let last = i - 1;
        while (last >= run && isApostrophe(input.charCodeAt(last))) last--;
        // trim(): no space first, nor last unless apostrophes follow it
        if (last >= run && n > 0 && (i < end || last + 1 < i)) out[n++] = SPACE;
        for (let k = last + 1; k < i; k++) out[n++] = input.charCodeAt(k);
        run = -1;
      }
      if (i === end) break;
      if (kind[c] & SPECIAL) return this.normalizeSlowly(input);
      out[n++] = lower[c];
    }
    return n;
  }

  /** step 1 with eld's own string operations, for texts holding a character the tables cannot lower-case */
  private normalizeSlowly(input: string): number {
    const text = input.substring(0, MAX_CHARS).replace(this.separators, ' ').trim().toLowerCase();
    for (let i = 0; i < text.length; i++) this.text[i] = text.charCodeAt(i);
    return text.length;
  }

  /** step 2: bytes, words and eld's cuts */
  private readWords(length: number): void {
    const text = this.text;
    const word = this.word;
    const byteChar = this.byteChar;
    let w = 0;
    let bytes = 0;
    for (let i = 0; i < length; i++) {
      let code = text[i];
      if (code < 0x80) {
        if (code === SPACE) {
          if (w > 0) {
            this.addNgrams(w);
            w = 0;
          }
          if (bytes > CUT_AFTER) break;
        } else word[w++] = byteChar[code];
        bytes++;
      } else if (code < 0x800) {
        word[w++] = byteChar[0xc0 | (code >> 6)];
        word[w++] = byteChar[0x80 | (code & 0x3f)];
        bytes += 2;
      } else if (code < 0xd800 || code >= 0xe000) {
        word[w++] = byteChar[0xe0 | (code >> 12)];
        word[w++] = byteChar[0x80 | ((code >> 6) & 0x3f)];
        word[w++] = byteChar[0x80 | (code & 0x3f)];
        bytes += 3;
      } else {
        i++;
        code = 0x10000 + (((code & 0x3ff) << 10) | ((i < length ? text[i] : 0) & 0x3ff));
        word[w++] = byteChar[0xf0 | (code >> 18)];
        word[w++] = byteChar[0x80 | ((code >> 12) & 0x3f)];
        word[w++] = byteChar[0x80 | ((code >> 6) & 0x3f)];
        word[w++] = byteChar[0x80 | (code & 0x3f)];
        bytes += 4;
      }
      if (bytes > ENFORCE_CUT_AFTER) break;
    }
    if (w > 0) this.addNgrams(w);
  }

  /** step 3 for the word in `this.word[0..size)` */
  private addNgrams(size: number): void {
    const word = this.word;
    const len = size > MAX_WORD ? MAX_WORD : size;
    let j = 0;
    for (; j + 4 < len; j += 3) {
      if (j === 0) this.count(SPACE | (word[0] << 8) | (word[1] << 16), word[2] | (word[3] << 8));
      else this.count(word[j] | (word[j + 1] << 8) | (word[j + 2] << 16), word[j + 3]);
    }
    // the word's end: from 4 bytes before it (the whole word when shorter), to the end of the word
    const from = len !== 3 && len > 4 ? len - 4 : 0;
    const chars = (j === 0 ? 1 : 0) + size - from + 1;
    if (chars > 6) {
      // only words over 70 bytes: no n-gram of the database is this long, but eld counts it
      const key = String.fromCharCode(...word.subarray(from, size));
      if (!this.seenLong.has(key)) {
        this.seenLong.add(key);
        this.distinct++;
      }
      return;
    }
    // [space] word[from..size) space, packed into two 24-bit halves
    let lo = 0;
    let hi = 0;
    let shift = 0;
    if (j === 0) {
      lo = SPACE;
      shift = 8;
    }
    for (let k = from; k < size; k++, shift += 8) {
      if (shift < 24) lo |= word[k] << shift;
      else hi |= word[k] << (shift - 24);
    }
    if (shift < 24) lo |= SPACE << shift;
    else hi |= SPACE << (shift - 24);
    this.count(lo, hi);
  }

  /** a distinct n-gram adds its languages' scores */
  private count(lo: number, hi: number): void {
    const stamp = this.stamp;
    const seen = this.seen;
    const seenMask = (1 << SEEN_BITS) - 1;
    for (let s = hash(lo, hi, SEEN_BITS); ; s = (s + 1) & seenMask) {
      const at = s * 3;
      if (seen[at + 2] !== stamp) {
        seen[at] = lo;
        seen[at + 1] = hi;
        seen[at + 2] = stamp;
        break;
      }
      if (seen[at] === lo && seen[at + 1] === hi) return;
    }
    this.distinct++;
    const slots = this.slots;
    const mask = (1 << TABLE_BITS) - 1;
    for (let s = hash(lo, hi, TABLE_BITS); ; s = (s + 1) & mask) {
      const at = s * 3;
      const a = slots[at];
      if (a === 0) return; // not in the database: it only counts towards the number of n-grams
      if (a === lo && slots[at + 1] === hi) {
        const value = slots[at + 2];
        const totals = this.totals;
        if ((value & MULTI) === 0) totals[value >>> 16] += value & 0xffff;
        else {
          const pairs = this.pairs;
          for (let k = value & 0xfffff, end = k + ((value >>> 20) & 0x7ff); k < end; k++) totals[pairs[k] >>> 16] += pairs[k] & 0xffff;
        }
        return;
      }
    }
  }

  private insert(lo: number, hi: number, value: number): void {
    const mask = (1 << TABLE_BITS) - 1;
    let s = hash(lo, hi, TABLE_BITS);
    while (this.slots[s * 3] !== 0) s = (s + 1) & mask;
    this.slots[s * 3] = lo;
    this.slots[s * 3 + 1] = hi;
    this.slots[s * 3 + 2] = value;
  }
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x60 || c === 0x2019;
}

/** three byte characters from `from` into 24 bits; a missing character is 0, which no byte maps to */
function pack(chars: readonly number[], from: number): number {
  return (chars[from] ?? 0) | ((chars[from + 1] ?? 0) << 8) | ((chars[from + 2] ?? 0) << 16);
}

function hash(lo: number, hi: number, bits: number): number {
  return (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77)) >>> (32 - bits);
}

/** eld's orderAndScale: the mean score per n-gram, mapped to [0, 1) */
function scaled(total: number, ngrams: number): number {
  if (total <= 0) return 0;
  const perNgram = total / ngrams;
  return perNgram / (perNgram + SCALE);
}
