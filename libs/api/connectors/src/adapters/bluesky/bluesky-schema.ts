import { z } from 'zod';
import { count, dateString } from '../../schema/parse';

const StrongRef = z.object({ uri: z.string() });

/** The fields of an app.bsky.feed.defs#postView the connector reads (the record is an app.bsky.feed.post). */
export const BlueskyPostView = z.object({
  uri: z.string().startsWith('at://'),
  author: z.object({
    did: z.string().min(1),
    handle: z.string().min(1),
    displayName: z.string().nullish(),
    avatar: z.string().nullish(),
  }),
  record: z.object({
    text: z.string().nullish(),
    createdAt: dateString.nullish(),
    langs: z.array(z.string()).nullish(),
    reply: z.object({ root: StrongRef.nullish(), parent: StrongRef.nullish() }).nullish(),
  }),
  replyCount: count,
  repostCount: count,
  likeCount: count,
  quoteCount: count,
  bookmarkCount: count,
  indexedAt: dateString,
});
export type BlueskyPostView = z.infer<typeof BlueskyPostView>;

/** app.bsky.feed.searchPosts output */
export const BlueskySearchBody = z.object({ posts: z.array(z.unknown()), cursor: z.string().nullish() });
