import type { TweetSearchRecentV2Paginator, TweetV2, UserV2 } from 'twitter-api-v2';
import type { FetchedMention } from '../../types';

type SearchBody = TweetSearchRecentV2Paginator['data'];

/** Turns one X recent-search response into platform-neutral mentions. */
export function mapXSearchBody(body: SearchBody): FetchedMention[] {
  const users = new Map<string, UserV2>();
  for (const u of body.includes?.users ?? []) users.set(u.id, u);
  return (body.data ?? []).map((tweet) => mapTweet(tweet, tweet.author_id ? users.get(tweet.author_id) : undefined));
}

export function mapTweet(tweet: TweetV2, user: UserV2 | undefined): FetchedMention {
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
    raw: { tweet, user: user ?? null },
  };
}
