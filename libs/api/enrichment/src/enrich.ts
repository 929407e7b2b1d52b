import type { Enrichment } from '@ecoute/contracts';
import { classifyIntents } from './intent-classifier';
import { detectLanguage } from './language';
import { analyzeText, lastTokens, type CompiledTuning } from './sentiment';

export interface EnrichmentInput {
  text: string;
  /** the language the platform tagged the post with, if any */
  language: string | null;
}

/** Pure: language, sentiment, intents and abuse for one post, with a workspace's tuning when it has one. */
export function enrich(input: EnrichmentInput, tuning?: CompiledTuning): Enrichment {
  const { language, confidence } = detectLanguage(input.text, input.language);
  const { sentiment, abuse } = analyzeText(input.text, language, tuning);
  const { intents, evidence, isAbuse } = classifyIntents({ text: input.text, language, sentiment, abuse, tokens: lastTokens() });
  return { language, languageConfidence: confidence, sentiment, intents, intentEvidence: evidence, isAbuse, abuseScore: abuse.probability };
}

export function enrichBatch(inputs: readonly EnrichmentInput[], tuning?: CompiledTuning): Enrichment[] {
  return inputs.map((input) => enrich(input, tuning));
}
