import type { FetchedMention } from '../../types';
import { parsePayload } from '../../schema/parse';
import { htmlToText } from '../../text/html-to-text';
import { HackerNewsHit } from './hn-schema';

function textOf(hit: HackerNewsHit): string {
  if (hit._tags?.includes('comment') || (hit.comment_text && !hit.title))
    return htmlToText(hit.comment_text ?? '');
  const title = hit.title ?? '';
  const body = hit.story_text ? htmlToText(hit.story_text) : '';
  return body ? `${title}\n\n${body}` : title;
}

/** An Algolia hit (story or comment) as a mention. */
export function mapHackerNewsHit(raw: unknown, where = 'hit'): FetchedMention {
  const hit = parsePayload(HackerNewsHit, raw, 'Hacker News', where);
  const author = hit.author ?? '[deleted]';
  return {
    externalId: hit.objectID,
    url: `https://news.ycombinator.com/item?id=${hit.objectID}`,
    text: textOf(hit),
    language: null,
    createdAt: new Date(hit.created_at_i * 1000),
    author: {
      externalId: author,
      handle: author,
      name: author,
      followers: 0,
      verified: false,
      avatarUrl: null,
    },
    metrics: {
      likes: hit.points ?? 0,
      reposts: 0,
      replies: hit.num_comments ?? 0,
      quotes: 0,
      bookmarks: 0,
      views: 0,
    },
    threadId: hit.story_id != null ? String(hit.story_id) : hit.objectID,
    parentExternalId: hit.parent_id != null ? String(hit.parent_id) : null,
    isRepost: false,
    repostOf: null,
    raw,
  };
}
