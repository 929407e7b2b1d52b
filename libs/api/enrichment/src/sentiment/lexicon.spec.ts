import { tokenize } from '../text/tokenizer';
import {
  LEXICONS,
  LEX_HIT,
  LEX_INTENSIFIED,
  LEX_NEGATED,
  LexiconScores,
  plainScore,
  scoreLexicon,
  sentimentPackage,
  type LexiconLanguage,
} from './lexicon';

function lexicon(text: string, language: LexiconLanguage): { scores: LexiconScores; norms: string[] } {
  const buf = tokenize(text);
  const scores = scoreLexicon(LEXICONS[language], buf, null, new LexiconScores());
  return { scores, norms: Array.from({ length: buf.n }, (_, i) => buf.norm[i]) };
}

/** the lexicon's reading of one word of the text: its score, and whether it was negated / intensified */
function word(
  text: string,
  language: LexiconLanguage,
  target: string,
): { score: number; negated: boolean; intensified: boolean } {
  const { scores, norms } = lexicon(text, language);
  const i = norms.lastIndexOf(target);
  if (i < 0) throw new Error(`${target} is not a token of ${text}`);
  const f = scores.flags[i];
  expect(f & LEX_HIT).toBe(LEX_HIT);
  return {
    score: scores.score[i],
    negated: (f & LEX_NEGATED) !== 0,
    intensified: (f & LEX_INTENSIFIED) !== 0,
  };
}

describe('the lexicon core (the `sentiment` package, French registered, our scoring strategy)', () => {
  it.each([
    ['en', 'i love it but the battery is bad 😡'],
    ['en', 'not very good at all'],
    ['en', 'this is not good and i am so disappointed'],
    ['en', 'a bit bad really awesome never happy'],
    ['fr', "c' est pas du tout bon"],
    ['fr', "je ne suis jamais satisfait mais j' adore 😍"],
    ['fr', "il n' est plus bon vraiment nul"],
  ] as const)('scores %s %j exactly as the package does with the strategy registered', (language, text) => {
    const { scores, norms } = lexicon(text, language);
    const reference = sentimentPackage.analyze(norms.join(' '), { language: LEXICONS[language].packageCode });
    expect(reference.tokens).toEqual(norms);
    expect(scores.sum).toBeCloseTo(reference.score, 10);
  });

  describe('negation reaches up to three tokens back', () => {
    it.each([
      ['en', 'not good', 'good', true],
      ['en', 'not very good', 'good', true],
      ['en', 'not good at all', 'good', true],
      ['en', "I don't think it's good", 'good', true],
      ['en', 'never really happy', 'happy', true],
      ['en', 'no one here is good', 'good', false], // four tokens away
      ['en', 'not bad, good', 'good', false], // punctuation ends the scope
      ['en', 'not bad but good', 'good', false],
      ['en', 'good', 'good', false],
      ['fr', 'pas bon', 'bon', true],
      ['fr', 'pas du tout bon', 'bon', true],
      ['fr', 'jamais satisfait', 'satisfait', true],
      ['fr', "ce n'est plus bon", 'bon', true],
      ['fr', 'rien de bon', 'bon', true],
      ['fr', 'pas mal', 'mal', true],
      ['fr', 'pas mal mais nul', 'nul', false],
      ['fr', 'vraiment bon', 'bon', false],
    ] as const)('%s %j: %s negated = %s', (language, text, target, negated) => {
      const w = word(text, language, target);
      expect(w.negated).toBe(negated);
      const alone = word(target, language, target).score;
      expect(Math.sign(w.score)).toBe(negated ? -Math.sign(alone) : Math.sign(alone));
    });
  });

  describe('intensifiers and diminishers scale the word they precede', () => {
    it.each([
      ['en', 'very good', 'good', 1.5],
      ['en', 'so happy', 'happy', 1.5],
      ['en', 'really bad', 'bad', 1.5],
      ['en', 'extremely disappointed', 'disappointed', 1.5],
      ['en', 'too bad', 'bad', 1.5],
      ['en', 'kinda bad', 'bad', 0.5],
      ['en', 'not very good', 'good', -1.5],
      ['fr', 'très bon', 'bon', 1.5],
      ['fr', 'vraiment nul', 'nul', 1.5],
      ['fr', 'trop triste', 'triste', 1.5],
      ['fr', 'super content', 'content', 1.5],
      ['fr', 'tellement heureux', 'heureux', 1.5],
      ['fr', 'plutôt bon', 'bon', 0.5],
    ] as const)('%s %j: %s × %d', (language, text, target, factor) => {
      const w = word(text, language, target);
      expect(w.score).toBeCloseTo(word(target, language, target).score * factor, 10);
      expect(w.intensified).toBe(true);
    });
  });

  describe('emoji count, even glued to a word', () => {
    it.each([
      ['en', 'love it😍', '😍', 1],
      ['en', 'great:)', '🙂', 1],
      ['en', 'thanks❤️', '❤', 1],
      ['en', 'late again😡', '😡', -1],
      ['fr', 'nul😡', '😡', -1],
      ['fr', "j'adore😍", '😍', 1],
    ] as const)('%s %j: %s has sign %d', (language, text, emoji, sign) => {
      expect(Math.sign(word(text, language, emoji).score)).toBe(sign);
      expect(Math.sign(lexicon(text, language).scores.emoji)).toBe(sign);
    });
  });

  describe('hashtags count, compound ones too', () => {
    it.each([
      ['en', 'flight cancelled #fail', -1],
      ['en', '#epicfail', -1],
      ['en', '#EpicFail', -1],
      ['en', '#love', 1],
      ['en', '#bestdayever', 1],
      ['fr', 'service client #fail', -1],
      ['fr', '#honte', -1],
      ['fr', '#bonheur', 1],
    ] as const)('%s %j has sign %d', (language, text, sign) => {
      expect(Math.sign(lexicon(text, language).scores.hashtags)).toBe(sign);
    });
  });

  it('keeps the plain package as it is: French is only its AFINN-fr labels (no negation), English the package', () => {
    expect(plainScore('pas bon', 'fr')).toBeGreaterThan(0);
    expect(lexicon('pas bon', 'fr').scores.sum).toBeLessThan(0);
    expect(plainScore('not very good', 'en')).toBe(3); // the package flips only the next word
    expect(lexicon('not very good', 'en').scores.sum).toBeLessThan(0);
    expect(plainScore('nul😡', 'fr')).toBe(0); // the package does not split glued emoji
  });
});
