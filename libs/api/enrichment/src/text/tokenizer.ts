import * as hash from './hash';

// swc compiles imported bindings to getter calls on the module object at every use: hot code reads local copies
const fnv1a = hash.fnv1a;

/**
 * The one tokenizer of sentiment and abuse scoring: a single pass over the UTF-16 code units of a post, with no
 * regular expression on the common path. It writes into a reusable {@link TokenBuffer} (struct of arrays); the
 * normalised strings of common words are interned, so a warm loop allocates almost nothing.
 *
 * - words are lowercased; letters repeated three times or more are cut to two ("sooo" → "soo"), flagged
 *   ELONGATED; a word of two or more letters, all capitals, is flagged ALL_CAPS; ’ becomes ';
 * - French elisions are their own token ("j'adore" → "j'" "adore", "n'est" → "n'" "est");
 * - a hashtag keeps the word inside it (`norm` "fail" for "#Fail", kind HASHTAG);
 * - @mentions become "@user" and URLs "http" (kind MENTION, URL), whatever the account or address;
 * - every emoji is a token even when glued to a word ("nul😡" → "nul" "😡"); skin tones, variation selectors
 *   and zero-width joiners are dropped; emoticons become the emoji they stand for (":)" → "🙂", "<3" → "❤");
 * - "!" and "?" runs are tokens ("!" or "!!" for two or more); sentence punctuation is one BOUNDARY token ("."),
 *   which ends a negation's scope and a bigram;
 * - numbers become "0"; HTML entities (&amp;) separate words.
 *
 * Each token keeps the offsets of its text in the post (`start`, `end`), so evidence can quote the post.
 */

export const WORD = 1;
export const HASHTAG = 2;
export const MENTION = 3;
export const URL = 4;
export const EMOJI = 5;
export const EMOTICON = 6;
export const PUNCT = 7;
export const BOUNDARY = 8;
export const NUMBER = 9;

export const ALL_CAPS = 1;
export const ELONGATED = 2;
export const ELISION = 4;

export class TokenBuffer {
  /** the text the tokens point into */
  text = '';
  /** number of tokens */
  n = 0;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  /** normalised form: the lexicon key and the unigram feature */
  norm: string[];
  /** FNV-1a of `norm` */
  hash: Int32Array;
  /**
   * a number for the word, the same each time the word comes back (while it stays in the tokenizer's table), so
   * later stages can cache what they know of it; 0 for tokens that have none (emoji, punctuation, rare shapes)
   */
  word: Int32Array;

  constructor(capacity = 128) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.norm = new Array<string>(capacity).fill('');
    this.hash = new Int32Array(capacity);
    this.word = new Int32Array(capacity);
  }

  /** appends a token; `h` must be fnv1a(norm); `word`: see {@link TokenBuffer.word} */
  push(start: number, end: number, kind: number, flags: number, norm: string, h: number, word = 0): void {
    if (this.n === this.start.length) this.grow();
    const i = this.n++;
    this.start[i] = start;
    this.end[i] = end;
    this.kind[i] = kind;
    this.flags[i] = flags;
    this.norm[i] = norm;
    this.hash[i] = h;
    this.word[i] = word;
  }

  /** the token's text as it appears in the post */
  surface(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  /** drops `count` tokens from i (a workspace's ignored terms, before scoring) */
  remove(i: number, count = 1): void {
    const n = this.n;
    this.start.copyWithin(i, i + count, n);
    this.end.copyWithin(i, i + count, n);
    this.kind.copyWithin(i, i + count, n);
    this.flags.copyWithin(i, i + count, n);
    this.hash.copyWithin(i, i + count, n);
    this.word.copyWithin(i, i + count, n);
    for (let j = i; j + count < n; j++) this.norm[j] = this.norm[j + count];
    this.n = n - count;
  }

  /** sets token i's normalised form (a tuned phrase merged into one token) */
  setNorm(i: number, norm: string): void {
    this.norm[i] = norm;
    this.hash[i] = fnv1a(norm);
    this.word[i] = 0;
  }

  private grow(): void {
    const cap = this.start.length * 2;
    const start = new Int32Array(cap);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(cap);
    end.set(this.end);
    this.end = end;
    const kind = new Uint8Array(cap);
    kind.set(this.kind);
    this.kind = kind;
    const flags = new Uint8Array(cap);
    flags.set(this.flags);
    this.flags = flags;
    const h = new Int32Array(cap);
    h.set(this.hash);
    this.hash = h;
    const w = new Int32Array(cap);
    w.set(this.word);
    this.word = w;
    for (let i = this.norm.length; i < cap; i++) this.norm.push('');
  }
}

// ---------------------------------------------------------------------------------------------- characters

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;

// classes of ASCII characters (0: other)
const C_SPACE = 1;
const C_LETTER = 2; // letters and digits
const C_HASH = 3;
const C_AT = 4;
const C_BANG = 5;
const C_QUESTION = 6;
const C_BOUNDARY = 7;
const C_EMOTICON = 8; // : ; = <
const C_AMP = 9;
const ASCII = new Uint8Array(128);
for (let c = 0; c <= 32; c++) ASCII[c] = C_SPACE;
for (let c = 48; c <= 57; c++) ASCII[c] = C_LETTER;
for (let c = 65; c <= 90; c++) ASCII[c] = C_LETTER;
for (let c = 97; c <= 122; c++) ASCII[c] = C_LETTER;
ASCII[35] = C_HASH;
ASCII[64] = C_AT;
ASCII[33] = C_BANG;
ASCII[63] = C_QUESTION;
for (const ch of '.,()[]"|') ASCII[ch.charCodeAt(0)] = C_BOUNDARY;
for (const ch of ':;=<') ASCII[ch.charCodeAt(0)] = C_EMOTICON;
ASCII[38] = C_AMP;

/** a letter, digit or combining mark (the characters of a word), in the basic multilingual plane */
function isWordChar(c: number): boolean {
  if (c < 128) return ASCII[c] === C_LETTER;
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x36f) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral planes: emoji, handled apart
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, dingbats
  if (c >= 0xfe00 && c <= 0xfe0f) return false; // variation selectors
  return NON_ASCII_LETTER.test(String.fromCharCode(c));
}

function isSpace(c: number): boolean {
  return c < 128
    ? ASCII[c] === C_SPACE
    : c === 0x85 ||
        c === 0xa0 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000;
}

/** an emoji in the basic multilingual plane (misc symbols, dingbats, arrows, stars...) */
function isBmpEmoji(c: number): boolean {
  return (
    (c >= 0x2600 && c <= 0x27bf) ||
    (c >= 0x2b05 && c <= 0x2b55) ||
    (c >= 0x231a && c <= 0x23ff) ||
    (c >= 0x2194 && c <= 0x21aa) ||
    (c >= 0x25aa && c <= 0x25fe) ||
    c === 0x203c ||
    c === 0x2049 ||
    c === 0x2122 ||
    c === 0x2139 ||
    c === 0x24c2 ||
    c === 0x2934 ||
    c === 0x2935 ||
    c === 0x3030 ||
    c === 0x303d ||
    c === 0x3297 ||
    c === 0x3299
  );
}

/** invisible joiners and modifiers inside emoji sequences */
function isEmojiModifier(c: number): boolean {
  return c === 0xfe0f || c === 0xfe0e || c === 0x200d || c === 0x20e3;
}

/** sentence punctuation beyond ASCII: … — – « » “ ” */
function isWideBoundary(c: number): boolean {
  return (
    c === 0x2026 || c === 0x2014 || c === 0x2013 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d
  );
}

function isBoundary(c: number): boolean {
  return c < 128 ? ASCII[c] === C_BOUNDARY || c === 58 || c === 59 : isWideBoundary(c);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isAlnumAscii(c: number): boolean {
  return c < 128 && ASCII[c] === C_LETTER;
}

// ---------------------------------------------------------------------------------------------- interning

/**
 * Normalised strings by their hash, in a direct-mapped table (a slot keeps the last word that hashed to it):
 * common words are made once. (A Map keyed by 32-bit hashes would box every key that is not a small integer.)
 */
const INTERN_BITS = 15;
const INTERN_MASK = (1 << INTERN_BITS) - 1;
/** per slot: FNV hash, a second independent hash (31-multiplier), the length (a hit needs all three), word number */
const internKeys = new Int32Array(4 << INTERN_BITS);
const internNorm: string[] = new Array<string>(1 << INTERN_BITS).fill('');
/** the next word number; when they run out, the table starts over in a new epoch */
let nextWord = 1;
const words = { epoch: 0 };

/**
 * The epoch of the word numbers ({@link TokenBuffer.word}): a cache keyed by word number must be emptied when it
 * changes (after 2^30 new words).
 */
export function wordEpoch(): number {
  return words.epoch;
}

function constant(norm: string): { norm: string; hash: number } {
  return { norm, hash: fnv1a(norm) };
}
const USER = constant('@user');
const HTTP = constant('http');
const ZERO = constant('0');
const DOT = constant('.');
const BANG = constant('!');
const BANGS = constant('!!');
const QUESTION = constant('?');
const QUESTIONS = constant('??');
const LAUGH = constant('😆');

/** emoji strings by code point (or pair of regional indicators) */
const emojiStrings = new Map<number, { norm: string; hash: number }>();
function emojiToken(text: string, i: number, len: number, key: number): { norm: string; hash: number } {
  let e = emojiStrings.get(key);
  if (e === undefined) {
    e = constant(text.slice(i, i + len));
    if (emojiStrings.size < 10_000) emojiStrings.set(key, e);
  }
  return e;
}

/** emoticons, longest first within each leading character, and the emoji each stands for */
const EMOTICONS: ReadonlyArray<readonly [string, { norm: string; hash: number }]> = (
  [
    [":'-(", '😢'],
    [":'(", '😢'],
    [':-)', '🙂'],
    [':-(', '😞'],
    [':-d', '😀'],
    [':-p', '😛'],
    [':-/', '😕'],
    [':-|', '😐'],
    [':-o', '😮'],
    [':-*', '😘'],
    [':o)', '🙂'],
    [':)', '🙂'],
    [':]', '🙂'],
    [':(', '😞'],
    [':[', '😞'],
    [':d', '😀'],
    [':p', '😛'],
    [':/', '😕'],
    [':\\', '😕'],
    [':|', '😐'],
    [':o', '😮'],
    [':*', '😘'],
    [':@', '😠'],
    [';-)', '😉'],
    [';)', '😉'],
    [';d', '😉'],
    [';p', '😛'],
    ['=)', '🙂'],
    ['=(', '😞'],
    ['=d', '😀'],
    ['=p', '😛'],
    ['</3', '💔'],
    ['<3', '❤'],
  ] as const
).map(([e, emoji]) => [e, constant(emoji)] as const);

/** text.charCodeAt(k), or 0 past the end (reading past the end would deoptimise the caller) */
function at(text: string, k: number): number {
  return k < text.length ? text.charCodeAt(k) : 0;
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

let emoticonFound: { norm: string; hash: number } = LAUGH;
/** length of the emoticon at `i`, or 0; its emoji in `emoticonFound` */
function matchEmoticon(text: string, i: number, c: number): number {
  const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
  if (prev >= 48 && prev <= 57) return 0; // "10:30", "1<3"
  for (let x = 0; x < EMOTICONS.length; x++) {
    const e = EMOTICONS[x][0];
    if (e.charCodeAt(0) !== c) continue;
    let k = 1;
    while (k < e.length && lowerAscii(at(text, i + k)) === e.charCodeAt(k)) k++;
    if (k < e.length) continue;
    const last = e.charCodeAt(e.length - 1);
    const next = at(text, i + k);
    if (last >= 97 && last <= 122 && (isAlnumAscii(next) || next > 127)) continue; // ":pizza", ":download"
    if (last === 51 && next >= 48 && next <= 57) continue; // "<30"
    if (last === 41 || last === 40) while (at(text, i + k) === last) k++; // ":)))"
    emoticonFound = EMOTICONS[x][1];
    return k;
  }
  return 0;
}

/** "http://", "https://", "www." (any case) at i */
function isUrlAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 32;
  if (c === 104) {
    if ((at(text, i + 1) | 32) !== 116 || (at(text, i + 2) | 32) !== 116 || (at(text, i + 3) | 32) !== 112)
      return false;
    let k = i + 4;
    if ((at(text, k) | 32) === 115) k++;
    return at(text, k) === 58 && at(text, k + 1) === 47 && at(text, k + 2) === 47;
  }
  return (
    c === 119 && (at(text, i + 1) | 32) === 119 && (at(text, i + 2) | 32) === 119 && at(text, i + 3) === 46
  );
}

// ---------------------------------------------------------------------------------------------- words

const FNV_OFFSET = hash.FNV_OFFSET;
const FNV_PRIME = 0x01000193;

/**
 * Scans the letters/digits of a word (with inner apostrophes; underscores in a hashtag) from i and pushes it as a
 * token of `kind` (WORD or HASHTAG; a word of digits only is a NUMBER, "xd" an EMOTICON), starting at `start`
 * (the # of a hashtag); returns its end.
 */
function scanLetters(text: string, start: number, i: number, kind: number, out: TokenBuffer): number {
  const len = text.length;
  const underscore = kind === HASHTAG;
  let j = i;
  let h = FNV_OFFSET;
  let h2 = 0;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let run = 1;
  let prev = -1;
  let simple = true; // ASCII / Latin-1, no ’, no elongation: the norm is the lowercased text
  let elongated = false;
  let xd = kind === WORD; // "xd", "xdd": laughing (checked here, not on the norm: its string may be cold)
  while (j < len) {
    let c = text.charCodeAt(j);
    if (c < 128) {
      if (ASCII[c] !== C_LETTER) {
        if (c === 39 && j > i && j + 1 < len && isWordChar(text.charCodeAt(j + 1))) {
          // an apostrophe inside a word ("don't", "aujourd'hui")
        } else if (!(underscore && c === 95)) break;
      } else if (c <= 57) digits++;
      else if (c <= 90) {
        upper++;
        c += 32;
      } else lower++;
    } else if (c === 0x2019) {
      if (!(j > i && j + 1 < len && isWordChar(text.charCodeAt(j + 1)))) break;
      simple = false;
      c = 39;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      if (!NON_ASCII_LETTER.test(text.slice(j, j + 2))) break;
      simple = false;
      xd = false;
      j += 2;
      continue;
    } else {
      if (!isWordChar(c)) break;
      if (c >= 0xc0 && c <= 0xde && c !== 0xd7) {
        upper++;
        c += 32;
      } else if (c >= 0xdf && c <= 0xff) lower++;
      else simple = false;
    }
    if (c === prev && c > 57) {
      if (++run === 3) {
        elongated = true;
        simple = false;
      }
    } else run = 1;
    if (xd) xd = j === i ? c === 120 : c === 100;
    prev = c;
    h = Math.imul(h ^ c, FNV_PRIME);
    h2 = (Math.imul(h2, 31) + c) | 0;
    j++;
  }
  if (j === i) return i;
  if (kind === WORD && digits === j - i) {
    out.push(start, j, NUMBER, 0, ZERO.norm, ZERO.hash);
    return j;
  }
  const flags = kind === WORD ? (elongated ? ELONGATED : 0) | (upper >= 2 && lower === 0 ? ALL_CAPS : 0) : 0;
  let norm: string;
  let word = 0;
  if (simple) {
    const slot = (h ^ (h >>> INTERN_BITS)) & INTERN_MASK;
    const k = slot << 2;
    if (internKeys[k] === h && internKeys[k + 1] === h2 && internKeys[k + 2] === j - i) {
      norm = internNorm[slot];
      word = internKeys[k + 3];
    } else {
      norm = text.slice(i, j).toLowerCase();
      if (nextWord === 1 << 30) {
        internKeys.fill(0);
        nextWord = 1;
        words.epoch++;
      }
      word = nextWord++;
      internKeys[k] = h;
      internKeys[k + 1] = h2;
      internKeys[k + 2] = j - i;
      internKeys[k + 3] = word;
      internNorm[slot] = norm;
    }
  } else {
    norm = text.slice(i, j).toLowerCase();
    if (norm.includes('\u2019')) norm = norm.replace(/\u2019/g, "'");
    if (elongated) norm = squeeze(norm);
    h = fnv1a(norm);
  }
  if (xd && j - i >= 2) out.push(start, j, EMOTICON, 0, LAUGH.norm, LAUGH.hash);
  else out.push(start, j, kind, flags, norm, h, word);
  return j;
}

/** letter runs of three or more cut to two */
function squeeze(s: string): string {
  let r = '';
  let run = 0;
  for (let k = 0; k < s.length; k++) {
    run = k > 0 && s.charCodeAt(k) === s.charCodeAt(k - 1) ? run + 1 : 1;
    if (run <= 2) r += s.charAt(k);
  }
  return r;
}

/** a French elision's letter: l' d' j' n' c' m' s' t' */
function isElisionLetter(c: number): boolean {
  c |= 32;
  return c === 108 || c === 100 || c === 106 || c === 110 || c === 99 || c === 109 || c === 115 || c === 116;
}

const ELISIONS = new Map<number, { norm: string; hash: number }>(
  [...'ldjncmst'].map((ch) => [ch.charCodeAt(0), constant(`${ch}'`)] as const),
);
const QU = constant("qu'");

function scanWord(text: string, i: number, out: TokenBuffer): number {
  if (isUrlAt(text, i)) {
    let j = i;
    while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
    out.push(i, j, URL, 0, HTTP.norm, HTTP.hash);
    return j;
  }
  // French elision: l' d' j' n' c' m' s' t' qu'
  const c0 = text.charCodeAt(i);
  if (isElisionLetter(c0) && isApostrophe(at(text, i + 1)) && isWordChar(at(text, i + 2))) {
    const e = ELISIONS.get(c0 | 32) ?? QU;
    out.push(i, i + 2, WORD, ELISION, e.norm, e.hash);
    return scanWord(text, i + 2, out);
  }
  if (
    (c0 | 32) === 113 &&
    (at(text, i + 1) | 32) === 117 &&
    isApostrophe(at(text, i + 2)) &&
    isWordChar(at(text, i + 3))
  ) {
    out.push(i, i + 3, WORD, ELISION, QU.norm, QU.hash);
    return scanWord(text, i + 3, out);
  }
  const j = scanLetters(text, i, i, WORD, out);
  return j === i ? i + 1 : j;
}

// ---------------------------------------------------------------------------------------------- tokenize

/** Splits `text` into `out` (cleared first) and returns it. Never throws; any string is accepted. */
export function tokenize(text: string, out: TokenBuffer = new TokenBuffer()): TokenBuffer {
  out.text = text;
  out.n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      switch (ASCII[c]) {
        case C_SPACE:
          i++;
          continue;
        case C_LETTER:
          i = scanWord(text, i, out);
          continue;
        case C_HASH: {
          const next = at(text, i + 1);
          if (isWordChar(next) || next === 95) {
            const j = scanLetters(text, i, i + 1, HASHTAG, out);
            i = j > i + 1 ? j : i + 1;
            continue;
          }
          i++;
          continue;
        }
        case C_AT: {
          let j = i + 1;
          while (j < len && (isAlnumAscii(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
          if (j > i + 1) out.push(i, j, MENTION, 0, USER.norm, USER.hash);
          i = j > i + 1 ? j : i + 1;
          continue;
        }
        case C_BANG:
        case C_QUESTION:
          i = scanMarks(text, i, c === 63, out);
          continue;
        case C_EMOTICON: {
          const e = matchEmoticon(text, i, c);
          if (e > 0) {
            out.push(i, i + e, EMOTICON, 0, emoticonFound.norm, emoticonFound.hash);
            i += e;
            continue;
          }
          if (c === 58 || c === 59) i = boundary(text, i, out);
          else i++;
          continue;
        }
        case C_BOUNDARY:
          i = boundary(text, i, out);
          continue;
        case C_AMP: {
          // an HTML entity (&amp; &gt; ...) separates words
          let j = i + 1;
          while (j < len && j < i + 8 && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
          i = j < len && text.charCodeAt(j) === 59 && j > i + 1 ? j + 1 : i + 1;
          continue;
        }
        default:
          i++; // $ % * + / \ ~ ^ ...
          continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      i = scanAstral(text, i, out);
      continue;
    }
    if (isSpace(c) || isEmojiModifier(c)) {
      i++;
      continue;
    }
    if (isWordChar(c)) {
      i = scanWord(text, i, out);
      continue;
    }
    if (isBmpEmoji(c)) {
      const e = emojiToken(text, i, 1, c);
      out.push(i, i + 1, EMOJI, 0, e.norm, e.hash);
      i++;
      continue;
    }
    if (c === 0xa1 || c === 0xbf) {
      i = scanMarks(text, i, c === 0xbf, out);
      continue;
    }
    if (isWideBoundary(c)) {
      i = boundary(text, i, out);
      continue;
    }
    i++;
  }
  return out;
}

function boundary(text: string, i: number, out: TokenBuffer): number {
  let j = i + 1;
  while (j < text.length && isBoundary(text.charCodeAt(j))) j++;
  if (out.n === 0 || out.kind[out.n - 1] !== BOUNDARY) out.push(i, j, BOUNDARY, 0, DOT.norm, DOT.hash);
  return j;
}

/** a run of "!" or of "?" (spaces allowed between them) */
function scanMarks(text: string, i: number, question: boolean, out: TokenBuffer): number {
  const len = text.length;
  let j = i + 1;
  let count = 1;
  while (j < len) {
    const d = text.charCodeAt(j);
    if (d === 33 || d === 63) {
      if ((d === 63) !== question) break;
      count++;
      j++;
    } else if (d === 32 && j + 1 < len && text.charCodeAt(j + 1) === (question ? 63 : 33)) j++;
    else break;
  }
  const t = question ? (count > 1 ? QUESTIONS : QUESTION) : count > 1 ? BANGS : BANG;
  out.push(i, j, PUNCT, 0, t.norm, t.hash);
  return j;
}

/** a character outside the basic multilingual plane: an emoji, a flag, a letter of some script, or a symbol */
function scanAstral(text: string, i: number, out: TokenBuffer): number {
  const cp = text.codePointAt(i) ?? 0;
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return i + 2; // skin tone
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
    // a flag: two regional indicators
    const next = text.codePointAt(i + 2) ?? 0;
    const pair = next >= 0x1f1e6 && next <= 0x1f1ff;
    const e = emojiToken(text, i, pair ? 4 : 2, pair ? cp * 64 + (next - 0x1f1e6) : cp);
    out.push(i, i + (pair ? 4 : 2), EMOJI, 0, e.norm, e.hash);
    return i + (pair ? 4 : 2);
  }
  if (cp >= 0x1f000 && cp <= 0x1faff) {
    const e = emojiToken(text, i, 2, cp);
    out.push(i, i + 2, EMOJI, 0, e.norm, e.hash);
    return i + 2;
  }
  if (cp >= 0xe0000) return i + 2; // tag characters
  if (NON_ASCII_LETTER.test(text.slice(i, i + 2))) return scanWord(text, i, out);
  return i + 2;
}
