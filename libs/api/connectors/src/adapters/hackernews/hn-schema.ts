import { z } from 'zod';
import { count } from '../../schema/parse';

/** The fields of an Algolia Hacker News hit the connector reads (hn.algolia.com/api). */
export const HackerNewsHit = z.object({
  objectID: z.string().min(1),
  created_at_i: z.number(),
  author: z.string().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  story_text: z.string().nullish(),
  comment_text: z.string().nullish(),
  points: count,
  num_comments: count,
  story_id: z.number().nullish(),
  parent_id: z.number().nullish(),
  _tags: z.array(z.string()).nullish(),
});
export type HackerNewsHit = z.infer<typeof HackerNewsHit>;

export const HackerNewsSearchBody = z.object({
  hits: z.array(z.unknown()),
  nbPages: z.number(),
  page: z.number().nullish(),
});
