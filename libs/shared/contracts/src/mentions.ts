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

/** Why a mention got its sentiment: the words that pushed it each way. */
export interface SentimentExplanation {
  positive: Array<{ token: string; weight: number }>;
  negative: Array<{ token: string; weight: number }>;
  negated: string[];
}

export interface SentimentDto {
  /** in [-1, 1] */
  score: number;
  label: SentimentLabel;
  explanation: SentimentExplanation;
}

export interface MentionDto {
  id: string;
  platform: Platform;
  externalId: string;
  url: string;
  text: string;
  language: string | null;
  createdAt: string;
  fetchedAt: string;
  author: AuthorDto;
  metrics: MentionMetrics;
  sentiment: SentimentDto;
  intents: Intent[];
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
