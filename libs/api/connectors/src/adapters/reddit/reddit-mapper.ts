import type { FetchedMention } from '../../types';
import { parsePayload } from '../../schema/parse';
import { RedditLink } from './reddit-schema';

function mapLink(link: RedditLink, raw: unknown, depth: number): FetchedMention {
  const crosspost = link.crosspost_parent_list?.[0];
  const parsed = crosspost !== undefined && depth < 2 ? RedditLink.safeParse(crosspost) : null;
  const repostOf = parsed?.success ? mapLink(parsed.data, crosspost, depth + 1) : null;
  const author = link.author;
  return {
    externalId: link.name,
    url: `https://www.reddit.com${link.permalink}`,
    text: link.selftext ? `${link.title}\n\n${link.selftext}` : link.title,
    language: null,
    createdAt: new Date(link.created_utc * 1000),
    author: {
      externalId: link.author_fullname ?? author,
      handle: author,
      name: author,
      followers: 0,
      verified: false,
      avatarUrl: null,
    },
    metrics: {
      likes: link.score ?? 0,
      reposts: link.num_crossposts ?? 0,
      replies: link.num_comments ?? 0,
      quotes: 0,
      bookmarks: 0,
      views: 0,
    },
    threadId: link.name,
    parentExternalId: null,
    isRepost: (link.crosspost_parent_list?.length ?? 0) > 0,
    repostOf,
    raw,
  };
}

/** A Reddit link as a mention; a crosspost carries its parent (`crosspost_parent_list[0]`) as `repostOf`. */
export function mapRedditLink(raw: unknown, where = 'link'): FetchedMention {
  return mapLink(parsePayload(RedditLink, raw, 'Reddit', where), raw, 0);
}
