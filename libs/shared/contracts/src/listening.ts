import { z } from 'zod';

/** What a listening query looks for; compiled per platform into that platform's search syntax. */
export const ListeningQuerySpec = z.object({
  /** words or exact phrases; a post matches if it contains any of them */
  include: z.array(z.string().trim().min(1).max(128)).max(50).default([]),
  exclude: z.array(z.string().trim().min(1).max(128)).max(50).default([]),
  hashtags: z.array(z.string().trim().regex(/^#?\w+$/u, 'a hashtag is letters, digits or _')).max(50).default([]),
  handles: z.array(z.string().trim().regex(/^@?\w{1,50}$/u, 'a handle is letters, digits or _')).max(50).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, 'a language is a two-letter code')).max(20).default([]),
  includeReposts: z.boolean().default(false),
});
export type ListeningQuerySpec = z.infer<typeof ListeningQuerySpec>;
