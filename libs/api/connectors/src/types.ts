import type { ListeningQuerySpec, Platform } from '@ecoute/contracts';

export interface FetchedAuthor {
  externalId: string;
  handle: string;
  name: string;
  followers: number;
  verified: boolean;
  avatarUrl: string | null;
}

export interface FetchedMetrics {
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  bookmarks: number;
  views: number;
}

/** A post as a connector hands it over, the same whatever the platform. */
export interface FetchedMention {
  externalId: string;
  url: string;
  text: string;
  /** the platform's own language tag, if any */
  language: string | null;
  createdAt: Date;
  author: FetchedAuthor;
  metrics: FetchedMetrics;
  /** the thread this post belongs to (X: conversation_id) */
  threadId: string | null;
  parentExternalId: string | null;
  isRepost: boolean;
  raw: unknown;
}

/**
 * Where a source stands. `sinceId` is the newest post already covered. While a poll pages back through
 * older results, `nextToken` and `pendingNewestId` are kept too, so a crash resumes the same walk.
 */
export interface SourceCursor {
  sinceId?: string | null;
  nextToken?: string | null;
  pendingNewestId?: string | null;
}

export interface FetchedPage {
  mentions: FetchedMention[];
  /** the cursor to store once this page is committed */
  cursor: SourceCursor;
  /** more pages remain in this poll */
  hasMore: boolean;
}

export interface CompiledQuery {
  platform: Platform;
  text: string;
}

/** A platform to listen on (DESIGN §7: providers are plug-ins under one injection token). */
export interface MentionSource {
  readonly platform: Platform;
  compile(spec: ListeningQuerySpec): CompiledQuery;
  fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage>;
}

export interface ReplyRequest {
  text: string;
  inReplyToExternalId: string;
  /** the thread the reply belongs to (X: conversation_id) */
  threadKey: string;
}

/** A platform to answer on. */
export interface ReplyTarget {
  readonly platform: Platform;
  postReply(request: ReplyRequest): Promise<{ externalId: string; url: string }>;
  /**
   * After an attempt whose outcome is unknown (a timeout, a crash mid-send), looks on the platform for the
   * reply, so that it is never posted twice.
   */
  findPostedReply(request: ReplyRequest): Promise<{ externalId: string; url: string } | null>;
}

export const MENTION_SOURCES = Symbol('MENTION_SOURCES');
export const REPLY_TARGETS = Symbol('REPLY_TARGETS');
export type MentionSources = ReadonlyMap<Platform, MentionSource>;
export type ReplyTargets = ReadonlyMap<Platform, ReplyTarget>;
