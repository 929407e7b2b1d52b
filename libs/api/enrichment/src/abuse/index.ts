import { TokenBuffer, tokenize } from '../text/tokenizer';
import { OFFENSIVE_WORDS } from './offensive-words';

/**
 * Abuse: the English offensive-language model is scored by `analyzeText` (sentiment/analyze.ts) in the same pass
 * as English sentiment. Here: its word list, and the word-list rule that is its baseline in `eval:sentiment`.
 */
export { OFFENSIVE_WORDS } from './offensive-words';

const buf = new TokenBuffer(64);

/** The baseline rule: a post is offensive when it contains a word of {@link OFFENSIVE_WORDS}. */
export function plainAbusive(text: string): boolean {
  tokenize(text, buf);
  for (let i = 0; i < buf.n; i++) if (OFFENSIVE_WORDS.has(buf.norm[i])) return true;
  return false;
}
