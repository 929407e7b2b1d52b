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
  /** the platform's id, unique per platform (Bluesky: the at:// URI; Reddit: the t3_/t1_ fullname) */
  externalId: string;
  url: string;
  /** plain text (HTML stripped, entities decoded); Reddit and HN stories: title, a blank line, then the body */
  text: string;
  /** the platform's own language tag, if any */
  language: string | null;
  createdAt: Date;
  author: FetchedAuthor;
  metrics: FetchedMetrics;
  /** the thread this post belongs to (X: conversation_id; Mastodon/Bluesky: the root post; Reddit/HN: the story) */
  threadId: string | null;
  parentExternalId: string | null;
  isRepost: boolean;
  /** for a repost (retweet, reblog, crosspost), the original post when the platform embeds it, for folding */
  repostOf: FetchedMention | null;
  raw: unknown;
}

/** A source's position, owned and shaped by its adapter; stored as JSON with the source. */
export type SourceCursor = { readonly [key: string]: unknown };

/** What the platform said about the caller's remaining budget on the last response. */
export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
  /** when the budget refills */
  resetAt: Date | null;
}

export interface FetchedPage {
  mentions: FetchedMention[];
  /** the cursor to store once this page is committed */
  cursor: SourceCursor;
  /** more pages remain in this poll */
  hasMore: boolean;
  /** the rate-limit headers of the response, if the platform sent any */
  rateLimit: RateLimitInfo | null;
}

/** One page of history, for backfills: newest first, walking back to `since`. */
export interface HistoryPage {
  mentions: FetchedMention[];
  /** where to resume; null when the walk reached `since` or the end of what the platform keeps */
  cursor: SourceCursor | null;
  rateLimit: RateLimitInfo | null;
}

export interface CompiledQuery {
  platform: Platform;
  /**
   * the search in the platform's own syntax, one string per request: platforms without OR get one request
   * per term (or per hashtag timeline), and the adapter keeps one sub-cursor per request
   */
  requests: string[];
}

/** A platform to listen on (DESIGN §7: providers are plug-ins under one injection token). */
export interface MentionSource {
  readonly platform: Platform;
  /** how far back the platform's search reaches, in days (X recent search: 7); null when unbounded */
  readonly historyDays: number | null;
  /** compiles the query; throws ConnectorError('bad_query') naming the limit it breaks */
  compile(spec: ListeningQuerySpec): CompiledQuery;
  /**
   * The next page of new posts after `cursor` ({} at first: start from now, newest page only). Walking pages
   * must be resumable from any stored cursor, so that a crash between pages neither skips nor loses posts.
   */
  fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage>;
  /** One page of history older than `cursor` (null: start from now), back to `since`. */
  fetchHistory(query: CompiledQuery, since: Date, cursor: SourceCursor | null, pageSize: number): Promise<HistoryPage>;
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
