import type { Intent } from './enums';
import type { SentimentDto } from './mentions';

/** What enrichment learns about one post (pure; stored on the mention by ingestion). */
export interface Enrichment {
  language: string | null;
  sentiment: SentimentDto;
  intents: Intent[];
  isAbuse: boolean;
}
