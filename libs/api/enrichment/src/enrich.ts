import type { Enrichment } from '@ecoute/contracts';
import { classifyIntents } from './intent-classifier';
import { detectLanguage } from './language';
import { analyzeSentiment } from './sentiment-analyzer';

export interface EnrichmentInput {
  text: string;
  language: string | null;
}

/** Pure: language, sentiment, intents and abuse for one post. */
export function enrich(input: EnrichmentInput): Enrichment {
  const language = detectLanguage(input.text, input.language);
  const sentiment = analyzeSentiment(input.text, language);
  const { intents, isAbuse } = classifyIntents(input.text, sentiment);
  return { language, sentiment, intents, isAbuse };
}

export function enrichBatch(inputs: readonly EnrichmentInput[]): Enrichment[] {
  return inputs.map(enrich);
}
