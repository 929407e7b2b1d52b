import type { SentimentLabel } from '@ecoute/contracts';
import { createAnalyzer, type Analyze, type TextAnalysis } from './analyze';
import { plainScore } from './lexicon';
import { productModels } from './models';
import type { TokenBuffer } from '../text/tokenizer';
import type { CompiledTuning } from './tuning';

export {
  ABUSE_THRESHOLD,
  createAnalyzer,
  type AbuseResult,
  type Analyze,
  type Models,
  type TextAnalysis,
} from './analyze';
export { compileTuning, NO_TUNING, type CompiledTuning } from './tuning';
export { productModels } from './models';

let analyzer: Analyze | null = null;

/**
 * Sentiment (English and French) and abuse (English) of one post, with their evidence. `language`: 'en' or
 * null → English models; 'fr' → French sentiment, no abuse model; any other language → not scored (neutral,
 * score 0, confidence 0, no explanation; not abusive). `tuning`: a workspace's compiled tuning
 * ({@link compileTuning}, cached by the caller). Synchronous; its cost: `npm run eval:sentiment`, docs/decisions/0009.
 */
export function analyzeText(text: string, language: string | null, tuning?: CompiledTuning): TextAnalysis {
  analyzer ??= createAnalyzer(productModels());
  return analyzer(text, language, tuning);
}

/**
 * The tokens of the post `analyzeText` read last (its ignored terms removed), valid until the next call: for the
 * intent rules, which would otherwise tokenize the post a second time.
 */
export function lastTokens(): TokenBuffer {
  analyzer ??= createAnalyzer(productModels());
  return analyzer.tokens;
}

/** The baseline: the `sentiment` package as is (French: AFINN-fr registered), label = sign of its score. */
export function plainSentiment(text: string, language: 'en' | 'fr'): SentimentLabel {
  const s = plainScore(text, language);
  return s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
}
