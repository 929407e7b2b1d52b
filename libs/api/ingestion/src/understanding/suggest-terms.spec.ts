import type { EvidenceTerm } from '@ecoute/contracts';
import { suggestLexiconTerms } from './suggest-terms';

const ev = (text: string, weight: number): EvidenceTerm => ({ text, weight, source: 'lexicon' });

describe('suggestLexiconTerms', () => {
  it.each([
    {
      name: 'a word read the other way comes first (skate slang)',
      text: 'This new Lumio deck is sick',
      to: 'positive' as const,
      explanation: [ev('sick', -2)],
      ignored: ['Lumio'],
      first: { term: 'sick', weight: 4 },
    },
    {
      name: 'French: a word read as positive in a post corrected to negative',
      text: 'Super, encore une coupure chez Lumio',
      to: 'negative' as const,
      explanation: [ev('super', 3)],
      ignored: [],
      first: { term: 'super', weight: -5 },
    },
    {
      name: 'otherwise the first content word, never a stop word or an ignored term',
      text: 'the Virgin lounge was heaving',
      to: 'negative' as const,
      explanation: [],
      ignored: ['virgin'],
      first: { term: 'lounge', weight: -2 },
    },
  ])('$name', ({ text, to, explanation, ignored, first }) => {
    expect(suggestLexiconTerms(text, to, explanation, ignored)[0]).toEqual(first);
  });

  it('suggests nothing for a correction to neutral', () => {
    expect(suggestLexiconTerms('sick deck', 'neutral', [ev('sick', -2)], [])).toEqual([]);
  });

  it('never suggests a word already read the corrected way', () => {
    const terms = suggestLexiconTerms('love this', 'positive', [ev('love', 3)], []).map((t) => t.term);
    expect(terms).not.toContain('love');
  });
});
