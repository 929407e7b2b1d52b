import Sentiment from 'sentiment';
import type { SentimentDto, SentimentLabel } from '@ecoute/contracts';
import frenchLexicon from './lexicons/afinn-fr-165.json';

/** French negators: "pas bon", "jamais satisfait", "plus jamais"... */
const FRENCH_NEGATORS = new Set(['pas', 'jamais', 'plus', 'aucun', 'aucune', 'rien', 'sans', 'ni', "n'est", "n'ai", "n'a"]);

const analyzer = new Sentiment();
analyzer.registerLanguage('fr', {
  labels: frenchLexicon as Record<string, number>,
  scoringStrategy: {
    apply(tokens: string[], cursor: number, tokenScore: number): number {
      const previous = cursor > 0 ? tokens[cursor - 1] : undefined;
      return previous !== undefined && FRENCH_NEGATORS.has(previous) ? -tokenScore : tokenScore;
    },
  },
});

/** score magnitude (AFINN points) at which the label leaves neutral */
const THRESHOLD = 1;

/**
 * Lexicon sentiment (the `sentiment` package, AFINN; French through its own lexicon). The score is squashed
 * into [-1, 1]; the explanation lists each word that counted and its weight.
 */
export function analyzeSentiment(text: string, language: string | null): SentimentDto {
  const lang = language === 'fr' ? 'fr' : 'en';
  const result = analyzer.analyze(text, { language: lang });
  const positive: Array<{ token: string; weight: number }> = [];
  const negative: Array<{ token: string; weight: number }> = [];
  const negated: string[] = [];
  for (const entry of result.calculation as Array<Record<string, number>>) {
    for (const [token, weight] of Object.entries(entry)) {
      if (weight > 0) positive.push({ token, weight });
      else if (weight < 0) negative.push({ token, weight });
    }
  }
  for (let i = 1; i < result.tokens.length; i++) {
    const prev = result.tokens[i - 1];
    if ((lang === 'fr' ? FRENCH_NEGATORS.has(prev) : /^(not|no|never|don't|dont|isn't|wasn't|can't|won't)$/.test(prev)) && result.words.includes(result.tokens[i])) {
      negated.push(result.tokens[i]);
    }
  }
  const score = Math.tanh(result.score / 5);
  const label: SentimentLabel = result.score >= THRESHOLD ? 'positive' : result.score <= -THRESHOLD ? 'negative' : 'neutral';
  return {
    score: Math.round(score * 1000) / 1000,
    label,
    explanation: { positive: positive.reverse(), negative: negative.reverse(), negated },
  };
}
