import * as text from '../text';

// swc turns imported bindings into getter calls on every use: the hot loops read local copies
const { tokenize, TokenBuffer, WORD, HASHTAG, NUMBER } = text;
type TokenBuffer = text.TokenBuffer;

const FILTER_BYTES = 4096;
const FILTER_MASK = FILTER_BYTES * 8 - 1;

interface Entry<T> {
  tag: T;
  /** the normalised tokens after the first */
  rest: string[];
}

/**
 * Phrases ("still waiting", "est-ce que", "j'adore") matched over a post's tokens, tokenized by the same tokenizer
 * as the post, so case, elisions, hyphens and elongations agree. Looking up every token once in a map is a few
 * microseconds for a tweet, where one regular expression per intent over the raw text cost tens.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Array<Entry<T>>>();
  /**
   * The first tokens' hashes as a one-hash Bloom filter: most tokens of a post start no phrase, and one array
   * read tells so, where a map lookup by string costs several times more.
   */
  private readonly firsts = new Uint8Array(FILTER_BYTES);

  constructor(phrases: ReadonlyArray<readonly [string, T]>) {
    const buffer = new TokenBuffer(16);
    for (const [phrase, tag] of phrases) {
      for (const variant of expand(phrase)) {
        tokenize(variant, buffer);
        const tokens = buffer.norm.slice(0, buffer.n);
        if (tokens.length === 0) throw new Error(`phrase "${phrase}" has no words`);
        const list = this.byFirst.get(tokens[0]) ?? [];
        list.push({ tag, rest: tokens.slice(1) });
        // longest first, so that "thank you" wins over "thank"
        list.sort((a, b) => b.rest.length - a.rest.length);
        this.byFirst.set(tokens[0], list);
        const bit = buffer.hash[0] & FILTER_MASK;
        this.firsts[bit >>> 3] |= 1 << (bit & 7);
      }
    }
  }

  /** The phrase starting at token `at`, if any: its tag and how many tokens it spans (longest wins). */
  at(b: TokenBuffer, at: number): { tag: T; length: number } | null {
    const bit = b.hash[at] & FILTER_MASK;
    if ((this.firsts[bit >>> 3] & (1 << (bit & 7))) === 0) return null;
    const list = this.byFirst.get(b.norm[at]);
    if (!list) return null;
    for (const e of list) {
      if (at + e.rest.length >= b.n) continue;
      let ok = true;
      for (let k = 0; k < e.rest.length && ok; k++) ok = b.norm[at + 1 + k] === e.rest[k];
      if (ok) return { tag: e.tag, length: e.rest.length + 1 };
    }
    return null;
  }

  /** Every phrase of the post, left to right, without overlaps. */
  all(b: TokenBuffer): Array<{ tag: T; start: number; length: number }> {
    const out: Array<{ tag: T; start: number; length: number }> = [];
    for (let i = 0; i < b.n; i++) {
      const kind = b.kind[i];
      if (kind !== WORD && kind !== HASHTAG && kind !== NUMBER) continue;
      const m = this.at(b, i);
      if (m) {
        out.push({ tag: m.tag, start: i, length: m.length });
        i += m.length - 1;
      }
    }
    return out;
  }
}

/** "delay{,ed,s}" → delay, delayed, delays (one brace group or more, each a list of alternatives) */
export function expand(phrase: string): string[] {
  const m = /\{([^}]*)\}/.exec(phrase);
  if (!m) return [phrase];
  const head = phrase.slice(0, m.index);
  const tail = phrase.slice(m.index + m[0].length);
  return m[1].split(',').flatMap((alt) => expand(`${head}${alt}${tail}`));
}

/** The post's text of tokens [start, start + length). */
export function surface(b: TokenBuffer, start: number, length: number): string {
  return b.text.slice(b.start[start], b.end[start + length - 1]);
}
