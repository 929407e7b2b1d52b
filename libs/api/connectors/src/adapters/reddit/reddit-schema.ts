import { z } from 'zod';
import { count } from '../../schema/parse';

/** The fields of a Reddit link (`t3`) the connector reads. */
export const RedditLink = z.object({
  name: z.string().regex(/^t3_[0-9a-z]+$/, 'a t3_ fullname'),
  title: z.string(),
  selftext: z.string().nullish(),
  permalink: z.string(),
  created_utc: z.number(),
  author: z.string(),
  author_fullname: z.string().nullish(),
  score: count,
  num_comments: count,
  num_crossposts: count,
  crosspost_parent_list: z.array(z.unknown()).nullish(),
});
export type RedditLink = z.infer<typeof RedditLink>;

/** A Listing (`/search`): children are `{kind, data}`; `after` is the next page's anchor. */
export const RedditListing = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    after: z.string().nullish(),
    children: z.array(z.object({ kind: z.string(), data: z.unknown() })),
  }),
});
