/** The simulator's internal records. Each platform's payloads are rendered from these (x-render.ts, …). */
import type { Platform } from './platform';

export type Lang = 'en' | 'fr';

/** ground truth of what a post is about; kept internally, exposed only by the admin endpoints */
export const POST_INTENTS = ['complaint', 'question', 'praise', 'neutral', 'spam', 'abuse'] as const;
export type PostIntent = (typeof POST_INTENTS)[number];

/** what a post is about: the brand, a competitor, or the campaign */
export type Topic = 'brand' | 'competitor' | 'campaign';

export interface UserMetrics {
  followers_count: number;
  following_count: number;
  tweet_count: number;
  listed_count: number;
}

export interface SimUser {
  id: string;
  username: string;
  name: string;
  createdAt: string;
  description: string;
  verified: boolean;
  profileImageUrl: string;
  metrics: UserMetrics;
  lang: Lang;
  kind: 'person' | 'spammer' | 'brand';
}

export interface TweetMetrics {
  retweet_count: number;
  reply_count: number;
  like_count: number;
  quote_count: number;
  bookmark_count: number;
  impression_count: number;
}

export interface HashtagEntity {
  start: number;
  end: number;
  tag: string;
}
export interface MentionEntity {
  start: number;
  end: number;
  username: string;
}
export interface UrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url: string;
  display_url: string;
}
export interface TweetEntities {
  hashtags?: HashtagEntity[];
  mentions?: MentionEntity[];
  urls?: UrlEntity[];
}

export interface ReferencedTweet {
  type: 'replied_to' | 'retweeted' | 'quoted';
  id: string;
}

/** a post before it is published: no id yet */
export interface PostDraft {
  authorId: string;
  text: string;
  /** BCP 47 code as X reports it; generated posts are 'en' or 'fr' */
  lang: string;
  intent: PostIntent;
  topic: Topic;
  /** ISO 8601 */
  createdAt: string;
  source: string;
  possiblySensitive: boolean;
  metrics: TweetMetrics;
  /** short links in the text (t.co) and where they lead */
  links: { url: string; expandedUrl: string }[];
  inReplyTo?: { tweetId: string; userId: string; conversationId: string };
  retweetOf?: string;
  /** set when the post belongs to an incident burst */
  incidentId?: string;
}

export interface SimPost extends PostDraft {
  /** the snowflake: the simulator's key for the post (and its id on X and Mastodon) */
  id: string;
  platform: Platform;
  /** the platform's own id: snowflake (X, Mastodon), base36 (Reddit), numeric (Hacker News), TID (Bluesky) */
  nativeId: string;
  conversationId: string;
  entities: TweetEntities;
  /** how many times the search endpoint has returned it */
  servedCount: number;
}

export interface SimReply {
  id: string;
  text: string;
  in_reply_to_tweet_id: string | null;
  created_at: string;
}
