import type { SentimentTuning } from '@ecoute/contracts';
import * as tok from '../text/tokenizer';
import { tokenize, TokenBuffer } from '../text/tokenizer';

// swc compiles imported bindings to getter calls on the module object at every use: hot code reads local copies
const { ELONGATED, EMOJI, EMOTICON, HASHTAG, WORD } = tok;

/**
 * A workspace's tuning, compiled once (the caller caches it per workspace): its terms are tokenized with the
 * tokenizer the posts go through, so "Virgin Media", "#VirginMedia" and "VIRGIN media" all match.
 */
export interface CompiledTuning {
  /** one-token lexicon words: normalised form → weight (AFINN scale, −5..5) */
  readonly words: ReadonlyMap<string, number>;
  /** one-token ignored terms, and ignored phrases written without spaces (to match hashtags) */
  readonly ignored: ReadonlySet<string>;
  /** phrases (two tokens or more) by their first token, longest first: weight, or null when ignored */
  readonly phrases: ReadonlyMap<string, ReadonlyArray<{ norms: readonly string[]; weight: number | null }>>;
  readonly empty: boolean;
}

export const NO_TUNING: CompiledTuning = {
  words: new Map(),
  ignored: new Set(),
  phrases: new Map(),
  empty: true,
};

function termTokens(term: string, buf: TokenBuffer): string[] {
  tokenize(term.trim().replace(/^[@#]+/, ''), buf);
  const norms: string[] = [];
  for (let i = 0; i < buf.n; i++) {
    const k = buf.kind[i];
    if (k === WORD || k === HASHTAG || k === EMOJI || k === EMOTICON) norms.push(buf.norm[i]);
  }
  return norms;
}

export function compileTuning(tuning: SentimentTuning): CompiledTuning {
  const buf = new TokenBuffer(16);
  const words = new Map<string, number>();
  const ignored = new Set<string>();
  const phrases = new Map<string, Array<{ norms: readonly string[]; weight: number | null }>>();
  const addPhrase = (norms: string[], weight: number | null): void => {
    const list = phrases.get(norms[0]) ?? [];
    list.push({ norms, weight });
    list.sort((a, b) => b.norms.length - a.norms.length);
    phrases.set(norms[0], list);
  };
  for (const term of tuning.ignored ?? []) {
    const norms = termTokens(term, buf);
    if (norms.length === 0) continue;
    if (norms.length === 1) ignored.add(norms[0]);
    else {
      addPhrase(norms, null);
      ignored.add(norms.join(''));
    }
  }
  for (const [term, raw] of Object.entries(tuning.lexicon ?? {})) {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
    const weight = Math.max(-5, Math.min(5, raw));
    const norms = termTokens(term, buf);
    if (norms.length === 0) continue;
    if (norms.length === 1) {
      if (!ignored.has(norms[0])) words.set(norms[0], weight);
    } else addPhrase(norms, weight);
  }
  return { words, ignored, phrases, empty: words.size === 0 && ignored.size === 0 && phrases.size === 0 };
}

function squeezeToOne(s: string): string {
  let r = '';
  for (let k = 0; k < s.length; k++) if (k === 0 || s.charCodeAt(k) !== s.charCodeAt(k - 1)) r += s.charAt(k);
  return r;
}

/**
 * Applies a tuning to a tokenized post: ignored terms are removed from `buf`; a tuned phrase becomes one token;
 * `tuned[i]` gets the weight of a tuned token, NaN elsewhere (resized as needed; returned).
 */
export function applyTuning(buf: TokenBuffer, tuning: CompiledTuning, tuned: Float64Array): Float64Array {
  if (tuned.length < buf.n) tuned = new Float64Array(buf.n * 2);
  tuned.fill(NaN, 0, buf.n);
  if (tuning.empty) return tuned;
  let i = 0;
  while (i < buf.n) {
    const kind = buf.kind[i];
    if (kind !== WORD && kind !== HASHTAG && kind !== EMOJI && kind !== EMOTICON) {
      i++;
      continue;
    }
    let norm = buf.norm[i];
    const candidates = tuning.phrases.get(norm);
    if (candidates !== undefined) {
      const match = candidates.find((p) => p.norms.every((t, k) => i + k < buf.n && buf.norm[i + k] === t));
      if (match !== undefined) {
        const len = match.norms.length;
        if (match.weight === null) {
          buf.remove(i, len);
          continue;
        }
        // the phrase becomes one token, spanning its words
        buf.end[i] = buf.end[i + len - 1];
        buf.setNorm(i, match.norms.join(' '));
        buf.remove(i + 1, len - 1);
        tuned[i] = match.weight;
        i++;
        continue;
      }
    }
    if (tuning.ignored.has(norm)) {
      buf.remove(i, 1);
      continue;
    }
    let w = tuning.words.get(norm);
    if (w === undefined && (buf.flags[i] & ELONGATED) !== 0) {
      norm = squeezeToOne(norm);
      w = tuning.words.get(norm);
    }
    if (w !== undefined) tuned[i] = w;
    i++;
  }
  return tuned;
}
