import type { TweetSearchRecentV2Paginator, TweetV2, UserV2 } from 'twitter-api-v2';
import type { FetchedMention } from '../../types';
import { uniqueMentions } from '../../walk/merge';

export type XSearchBody = TweetSearchRecentV2Paginator['data'];

/**
 * Turns one X recent-search response into platform-neutral mentions, one per post (a page may repeat one).
 * A retweet whose original is in `includes.tweets` carries it as `repostOf`, for folding.
 */
export function mapXSearchBody(body: XSearchBody): FetchedMention[] {
  const users = new Map<string, UserV2>();
  for (const u of body.includes?.users ?? []) users.set(u.id, u);
  const tweets = new Map<string, TweetV2>();
  for (const t of body.includes?.tweets ?? []) tweets.set(t.id, t);
  const userOf = (t: TweetV2) => (t.author_id ? users.get(t.author_id) : undefined);
  return uniqueMentions(
    (body.data ?? []).map((tweet) => {
      const originalId = tweet.referenced_tweets?.find((r) => r.type === 'retweeted')?.id;
      const original = originalId ? tweets.get(originalId) : undefined;
      const repostOf = original ? mapTweet(original, userOf(original)) : null;
      return mapTweet(tweet, userOf(tweet), repostOf);
    }),
  );
}

export function mapTweet(
  tweet: TweetV2,
  user: UserV2 | undefined,
  repostOf: FetchedMention | null = null,
): FetchedMention {
  const handle = user?.username ?? tweet.author_id ?? 'unknown';
  const m = tweet.public_metrics;
  const refs = tweet.referenced_tweets ?? [];
  return {
    externalId: tweet.id,
    url: `https://x.com/${handle}/status/${tweet.id}`,
    text: tweet.text,
    language: tweet.lang && tweet.lang !== 'und' ? tweet.lang : null,
    createdAt: tweet.created_at ? new Date(tweet.created_at) : new Date(),
    author: {
      externalId: tweet.author_id ?? handle,
      handle,
      name: user?.name ?? handle,
      followers: user?.public_metrics?.followers_count ?? 0,
      verified: user?.verified ?? false,
      avatarUrl: user?.profile_image_url ?? null,
    },
    metrics: {
      likes: m?.like_count ?? 0,
      reposts: m?.retweet_count ?? 0,
      replies: m?.reply_count ?? 0,
      quotes: m?.quote_count ?? 0,
      bookmarks: m?.bookmark_count ?? 0,
      views: m?.impression_count ?? 0,
    },
    threadId: tweet.conversation_id ?? tweet.id,
    parentExternalId: refs.find((r) => r.type === 'replied_to')?.id ?? null,
    isRepost: refs.some((r) => r.type === 'retweeted'),
    repostOf,
    raw: { tweet, user: user ?? null },
  };
}
