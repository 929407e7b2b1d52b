/**
 * X's keyword tokenisation: text is split on punctuation, symbols and separators, and compared case-insensitively.
 * "I like coca-cola" gives: i, like, coca, cola. "#Lumio" and "@lumio" both contain the token "lumio".
 */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((t) => t.normalize('NFC'));
}

/** whether `tokens` contain `phrase` as consecutive tokens */
export function containsSequence(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      if (tokens[i + j] !== phrase[j]) continue outer;
    }
    return true;
  }
  return false;
}
