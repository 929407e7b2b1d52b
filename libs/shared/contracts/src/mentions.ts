import { z } from 'zod';
import { Platform, type Intent, type SentimentLabel } from './enums';

export interface AuthorDto {
  id: string;
  platform: Platform;
  externalId: string;
  handle: string;
  name: string;
  followers: number;
  verified: boolean;
  avatarUrl: string | null;
}

export interface MentionMetrics {
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  bookmarks: number;
  views: number;
}

/** Where a piece of evidence comes from. */
export const EVIDENCE_SOURCES = ['lexicon', 'model', 'emoji', 'hashtag', 'tuning', 'rule'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/**
 * One piece of evidence behind a score or a label. `text` is a word, phrase, emoji or hashtag as it appears
 * in the post (matched case-insensitively, so the UI can highlight it), or, for a feature that is not a span
 * of the post, a short description such as "!!!" or "all caps".
 */
export interface EvidenceTerm {
  text: string;
  /** sentiment: signed contribution, > 0 toward positive, < 0 toward negative; intents and abuse: strength > 0 */
  weight: number;
  source: EvidenceSource;
  /** a lexicon word whose polarity a negator within three tokens flipped ("not very good", "pas du tout bon") */
  negated?: boolean;
  /** a weight scaled by an intensifier ("very", "so", "vraiment", "trop") */
  intensified?: boolean;
}

/** Why a mention got its sentiment: the evidence, strongest first. */
export type SentimentExplanation = EvidenceTerm[];

export interface SentimentDto {
  /** in [-1, 1] */
  score: number;
  label: SentimentLabel;
  /** the classifier's probability for its label, in [0, 1]; 0 when the language is not scored (neither English nor French) */
  confidence: number;
  explanation: SentimentExplanation;
}

export interface MentionDto {
  id: string;
  platform: Platform;
  externalId: string;
  url: string;
  text: string;
  language: string | null;
  /** 1 when the platform tagged the language; the detector's confidence otherwise */
  languageConfidence: number;
  createdAt: string;
  fetchedAt: string;
  author: AuthorDto;
  metrics: MentionMetrics;
  sentiment: SentimentDto;
  intents: Intent[];
  /** the words and rules behind each intent */
  intentEvidence: Partial<Record<Intent, EvidenceTerm[]>>;
  abuse: { abusive: boolean; score: number };
  /** an agent corrected the sentiment label or the intents (the machine's own are in the corrections) */
  corrected: { sentiment: boolean; intents: boolean };
  queryIds: string[];
  /** the listening queries this mention matched, and the terms the local matcher found (for highlighting) */
  matches: Array<{ queryId: string; queryName: string; terms: string[] }>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const MentionListQuery = z.object({
  limit: z.coerce
    .number({ message: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(200, 'limit must be at most 200')
    .default(50),
  cursor: z.string().max(200).optional(),
  queryId: z.uuid({ message: 'queryId must be a uuid' }).optional(),
  platform: Platform.optional(),
});
export type MentionListQuery = z.infer<typeof MentionListQuery>;
