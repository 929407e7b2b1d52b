import { z } from 'zod';
import { Platform, QueryKind, SourceState, type SentimentLabel } from './enums';

export const INCLUDE_MODES = ['any', 'all'] as const;
export const IncludeMode = z.enum(INCLUDE_MODES);
export type IncludeMode = z.infer<typeof IncludeMode>;

const term = z.string().trim().min(1, 'a term cannot be empty').max(128, 'a term has at most 128 characters');

/** What a listening query looks for; compiled per platform into that platform's search syntax. */
export const ListeningQuerySpec = z.object({
  /** words or exact phrases (a term with a space is a phrase) */
  include: z.array(term).max(50).default([]),
  /** a post matches when it contains any of the include terms, or all of them */
  includeMode: IncludeMode.default('any'),
  exclude: z.array(term).max(50).default([]),
  hashtags: z.array(z.string().trim().regex(/^#?[\p{L}\p{N}_]+$/u, 'a hashtag is letters, digits or _')).max(50).default([]),
  handles: z.array(z.string().trim().regex(/^@?[\w.-]{1,64}$/u, 'a handle is letters, digits, _, . or -')).max(50).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, 'a language is a two-letter code')).max(20).default([]),
  includeReposts: z.boolean().default(false),
});
export type ListeningQuerySpec = z.infer<typeof ListeningQuerySpec>;

const uniquePlatforms = z
  .array(Platform)
  .min(1, 'pick at least one platform')
  .refine((p) => new Set(p).size === p.length, 'a platform is listed twice');

export const CreateListeningQueryRequest = z.object({
  name: z.string().trim().min(1, 'the name cannot be empty').max(80, 'the name has at most 80 characters'),
  kind: QueryKind,
  spec: ListeningQuerySpec,
  platforms: uniquePlatforms,
  active: z.boolean().default(true),
  pollIntervalSeconds: z.number().int().min(5, 'poll at most every 5 seconds').max(86_400, 'poll at least once a day').default(60),
});
export type CreateListeningQueryRequest = z.infer<typeof CreateListeningQueryRequest>;

export const UpdateListeningQueryRequest = CreateListeningQueryRequest.partial().refine(
  (r) => Object.keys(r).length > 0,
  'nothing to change',
);
export type UpdateListeningQueryRequest = z.infer<typeof UpdateListeningQueryRequest>;

/** Compile or preview a query that is being edited (not saved yet). */
export const CompileListeningQueryRequest = z.object({
  spec: ListeningQuerySpec,
  platforms: uniquePlatforms,
});
export type CompileListeningQueryRequest = z.infer<typeof CompileListeningQueryRequest>;

export const PreviewListeningQueryRequest = CompileListeningQueryRequest.extend({
  limit: z.number().int().min(1).max(100).default(20),
});
export type PreviewListeningQueryRequest = z.infer<typeof PreviewListeningQueryRequest>;

/** A query in one platform's own syntax, or why it cannot be compiled (a limit exceeded, say). */
export interface CompiledQueryDto {
  platform: Platform;
  /** the search as the platform receives it (several requests where the platform has no OR) */
  requests: string[];
  error: string | null;
}

export interface ListeningQueryDto {
  id: string;
  name: string;
  kind: QueryKind;
  spec: ListeningQuerySpec;
  platforms: Platform[];
  active: boolean;
  pollIntervalSeconds: number;
  compiled: CompiledQueryDto[];
  createdAt: string;
  updatedAt: string;
}

export interface PreviewMentionDto {
  platform: Platform;
  externalId: string;
  url: string;
  text: string;
  authorHandle: string;
  authorName: string;
  createdAt: string;
  language: string | null;
  sentiment: SentimentLabel;
  /** the query's terms found in the text by the local matcher */
  matchedTerms: string[];
  /** the local matcher would drop it (an exclude term, another language) */
  filteredOut: boolean;
}

export interface PreviewPlatformDto {
  platform: Platform;
  compiled: CompiledQueryDto;
  mentions: PreviewMentionDto[];
  error: { code: string; message: string } | null;
}

export interface PreviewResultDto {
  platforms: PreviewPlatformDto[];
}

export interface SourceDto {
  id: string;
  queryId: string;
  queryName: string;
  queryKind: QueryKind;
  platform: Platform;
  state: SourceState;
  pollIntervalSeconds: number;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  nextPollAt: string;
  lastError: string | null;
  consecutiveFailures: number;
  /** mentions stored in the last hour, and the hourly mean over the last 24 hours */
  mentionsLastHour: number;
  mentionsPerHour24h: number;
  rateLimit: { remaining: number | null; resetAt: string | null } | null;
}

/** Pause or resume a source (resuming also clears "needs re-auth" once credentials are fixed). */
export const UpdateSourceRequest = z
  .object({
    state: z.enum(['active', 'paused']).optional(),
    pollIntervalSeconds: z.number().int().min(5, 'poll at most every 5 seconds').max(86_400).optional(),
  })
  .refine((r) => r.state !== undefined || r.pollIntervalSeconds !== undefined, 'nothing to change');
export type UpdateSourceRequest = z.infer<typeof UpdateSourceRequest>;

/**
 * Where the given terms occur in a text, case-insensitively and on word boundaries, for highlighting.
 * Ranges are sorted and never overlap.
 */
export function findTermRanges(text: string, terms: readonly string[]): Array<{ start: number; end: number; term: string }> {
  const lower = text.toLowerCase();
  const found: Array<{ start: number; end: number; term: string }> = [];
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  for (const term of terms) {
    const needle = term.toLowerCase();
    if (!needle) continue;
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      const startsWord = !isWord(needle[0]) || !isWord(lower[at - 1]);
      if (startsWord && !isWord(lower[end])) found.push({ start: at, end, term });
      from = at + 1;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof found = [];
  for (const r of found) if (!merged.length || r.start >= merged[merged.length - 1].end) merged.push(r);
  return merged;
}
