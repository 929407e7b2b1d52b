import type { FetchedMention } from '../../types';
import { parsePayload } from '../../schema/parse';
import { BlueskyPostView } from './bluesky-schema';

/** The record key: the last segment of `at://did/app.bsky.feed.post/rkey`. */
const rkeyOf = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

export interface MappedBlueskyPost {
  mention: FetchedMention;
  /** where the post sorts in search (`sortAt`): the earlier of its creation and indexing times */
  sortAt: Date;
}

/** A PostView as a mention (search returns no reposts, which are not posts on Bluesky). */
export function mapBlueskyPost(raw: unknown, where = 'post'): MappedBlueskyPost {
  const post = parsePayload(BlueskyPostView, raw, 'Bluesky', where);
  const indexedAt = new Date(post.indexedAt);
  const createdAt = post.record.createdAt ? new Date(post.record.createdAt) : indexedAt;
  const { author, record } = post;
  const mention: FetchedMention = {
    externalId: post.uri,
    url: `https://bsky.app/profile/${author.handle}/post/${rkeyOf(post.uri)}`,
    text: record.text ?? '',
    language: record.langs?.[0] ?? null,
    createdAt,
    author: {
      externalId: author.did,
      handle: author.handle,
      name: author.displayName || author.handle,
      followers: 0,
      verified: false,
      avatarUrl: author.avatar ?? null,
    },
    metrics: {
      likes: post.likeCount ?? 0,
      reposts: post.repostCount ?? 0,
      replies: post.replyCount ?? 0,
      quotes: post.quoteCount ?? 0,
      bookmarks: post.bookmarkCount ?? 0,
      views: 0,
    },
    threadId: record.reply?.root?.uri ?? post.uri,
    parentExternalId: record.reply?.parent?.uri ?? null,
    isRepost: false,
    repostOf: null,
    raw,
  };
  return { mention, sortAt: createdAt < indexedAt ? createdAt : indexedAt };
}
