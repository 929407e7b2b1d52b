import { z } from 'zod';
import { Intent, SentimentLabel } from './enums';

/** Per-workspace sentiment tuning (API). */
export const SENTIMENT_TERM_KINDS = ['lexicon', 'ignored'] as const;
export const SentimentTermKind = z.enum(SENTIMENT_TERM_KINDS);
export type SentimentTermKind = z.infer<typeof SentimentTermKind>;

export interface SentimentTermDto {
  id: string;
  term: string;
  kind: SentimentTermKind;
  /** lexicon words only: AFINN scale, −5..5, never 0 */
  weight: number | null;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  /** accepted corrections that fed this term */
  fromCorrections: number;
}

const termText = z
  .string({ message: 'term is required' })
  .trim()
  .min(1, 'term cannot be empty')
  .max(60, 'a term has at most 60 characters')
  .refine((t) => !/[\n\r\t]/.test(t), 'a term is one line');

const weight = z
  .number({ message: 'weight must be a number' })
  .int('weight must be a whole number')
  .min(-5, 'weight is at least -5')
  .max(5, 'weight is at most 5')
  .refine((w) => w !== 0, 'weight cannot be 0: use an ignored term for a word that carries no sentiment');

export const CreateSentimentTermRequest = z
  .object({
    kind: SentimentTermKind,
    term: termText,
    /** lexicon words only */
    weight: weight.optional(),
    note: z.string().trim().max(200, 'the note has at most 200 characters').optional(),
  })
  .refine((r) => r.kind !== 'lexicon' || r.weight !== undefined, { message: 'a lexicon word needs a weight from -5 to 5', path: ['weight'] })
  .refine((r) => r.kind !== 'ignored' || r.weight === undefined, { message: 'an ignored term has no weight', path: ['weight'] });
export type CreateSentimentTermRequest = z.infer<typeof CreateSentimentTermRequest>;

/** An agent's correction of a mention: its sentiment label, its intents, or both. */
export const CorrectMentionRequest = z
  .object({
    sentiment: SentimentLabel.optional(),
    intents: z
      .array(Intent)
      .max(6)
      .refine((i) => new Set(i).size === i.length, 'an intent is listed twice')
      .optional(),
    note: z.string().trim().max(500, 'the note has at most 500 characters').optional(),
  })
  .refine((r) => r.sentiment !== undefined || r.intents !== undefined, 'give the corrected sentiment, intents, or both');
export type CorrectMentionRequest = z.infer<typeof CorrectMentionRequest>;

export const CORRECTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const CorrectionStatus = z.enum(CORRECTION_STATUSES);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

export interface MentionCorrectionDto {
  id: string;
  mentionId: string;
  mentionText: string;
  mentionLanguage: string | null;
  kind: 'sentiment' | 'intents';
  /** a sentiment label, or a list of intents */
  before: SentimentLabel | Intent[];
  after: SentimentLabel | Intent[];
  note: string | null;
  status: CorrectionStatus;
  createdAt: string;
  createdBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  /** the lexicon term an accepted correction fed */
  term: { term: string; weight: number | null } | null;
  /** for a sentiment correction: words of the post that could carry the corrected sentiment, strongest first */
  suggestedTerms: Array<{ term: string; weight: number }>;
}

export const CorrectionListQuery = z.object({
  status: CorrectionStatus.optional(),
  limit: z.coerce.number({ message: 'limit must be a number' }).int().min(1, 'limit must be at least 1').max(200, 'limit must be at most 200').default(50),
});
export type CorrectionListQuery = z.infer<typeof CorrectionListQuery>;

/** How many corrections agents made, and how the model was wrong. */
export interface CorrectionStatsDto {
  total: number;
  byStatus: Record<CorrectionStatus, number>;
  /** sentiment corrections by "from → to" (e.g. "neutral→positive") */
  sentimentTransitions: Array<{ from: SentimentLabel; to: SentimentLabel; count: number }>;
  /** intents added and removed by agents */
  intentChanges: Array<{ intent: Intent; added: number; removed: number }>;
}

export interface CorrectionListDto {
  items: MentionCorrectionDto[];
  stats: CorrectionStatsDto;
}

/** An admin's review: accept (optionally feeding a word and weight into the workspace lexicon) or reject. */
export const ReviewCorrectionRequest = z
  .object({
    decision: z.enum(['accept', 'reject'], { message: 'decision must be "accept" or "reject"' }),
    /** accepting a sentiment correction may feed the lexicon: the word, and its weight (AFINN scale) */
    lexicon: z.object({ term: termText, weight }).optional(),
  })
  .refine((r) => r.decision === 'accept' || r.lexicon === undefined, { message: 'only an accepted correction feeds the lexicon', path: ['lexicon'] });
export type ReviewCorrectionRequest = z.infer<typeof ReviewCorrectionRequest>;

/** Score a text as a mention of this workspace would be scored. */
export const AnalyzeTextRequest = z.object({
  text: z.string({ message: 'text is required' }).min(1, 'text cannot be empty').max(5000, 'text has at most 5000 characters'),
  /** the language, when known (two letters); detected otherwise */
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'language is a two-letter code')
    .optional(),
});
export type AnalyzeTextRequest = z.infer<typeof AnalyzeTextRequest>;
