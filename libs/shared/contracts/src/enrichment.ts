import type { Intent } from './enums';
import type { EvidenceTerm, SentimentDto } from './mentions';

/** What enrichment learns about one post (pure; stored on the mention by ingestion). */
export interface Enrichment {
  /** ISO 639-1 code, or null when neither the platform nor the detector could tell */
  language: string | null;
  /** 1 when the platform tagged the post's language; the detector's confidence otherwise, in [0, 1] */
  languageConfidence: number;
  sentiment: SentimentDto;
  intents: Intent[];
  /** for each intent found, the words and rules behind it */
  intentEvidence: Partial<Record<Intent, EvidenceTerm[]>>;
  isAbuse: boolean;
  /** the abuse classifier's probability that the post is abusive or offensive, in [0, 1] */
  abuseScore: number;
}

/**
 * A workspace's tuning of sentiment: extra lexicon words with their weight (AFINN scale, −5..5: "sick" → +3 for
 * a skate brand), and terms that never carry sentiment (the brand's own name: "Delta", "Virgin", "Orange").
 */
export interface SentimentTuning {
  lexicon: Record<string, number>;
  ignored: string[];
}
