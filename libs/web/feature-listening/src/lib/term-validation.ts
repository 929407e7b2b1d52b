/** What can be wrong with a term or a weight typed in the tuning forms (the API checks the same). */
export type TermFieldError = 'required' | 'oneLine';
export type WeightFieldError = 'range' | 'zero';

/** The lexicon's scale (AFINN): −5 (very negative) to +5 (very positive). */
export const LEXICON_WEIGHT_MIN = -5;
export const LEXICON_WEIGHT_MAX = 5;

export function termError(term: string): TermFieldError | null {
  if (term.trim() === '') return 'required';
  if (/[\n\r\t]/.test(term)) return 'oneLine';
  return null;
}

/** A lexicon weight: a whole number from −5 to +5, never 0 (a word of no sentiment is an ignored term). */
export function weightError(weight: string | number): WeightFieldError | null {
  if (weight === '') return 'range';
  const n = typeof weight === 'number' ? weight : Number(weight);
  if (!Number.isInteger(n) || n < LEXICON_WEIGHT_MIN || n > LEXICON_WEIGHT_MAX) return 'range';
  if (n === 0) return 'zero';
  return null;
}
