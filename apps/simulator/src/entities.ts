/**
 * Extracts X entities (hashtags, mentions, urls) from a post's text. Offsets count Unicode code points, as X's do.
 */
import type { TweetEntities } from './model';

const MENTION = /(^|[^\p{L}\p{N}_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/gu;
const HASHTAG = /(^|[^\p{L}\p{N}_#&])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*)/gu;

/** code point offset of a UTF-16 index */
function codePointOffset(text: string, utf16Index: number): number {
  return Array.from(text.slice(0, utf16Index)).length;
}

export function extractEntities(
  text: string,
  links: readonly { url: string; expandedUrl: string }[],
): TweetEntities {
  const entities: TweetEntities = {};
  const hashtags = [...text.matchAll(HASHTAG)].map((m) => {
    const at = (m.index ?? 0) + m[1].length;
    const start = codePointOffset(text, at);
    return { start, end: start + 1 + Array.from(m[2]).length, tag: m[2] };
  });
  const mentions = [...text.matchAll(MENTION)].map((m) => {
    const at = (m.index ?? 0) + m[1].length;
    const start = codePointOffset(text, at);
    return { start, end: start + 1 + m[2].length, username: m[2] };
  });
  const urls = links.flatMap((link) => {
    const at = text.indexOf(link.url);
    if (at < 0) return [];
    const start = codePointOffset(text, at);
    const shown = link.expandedUrl.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
    return [
      {
        start,
        end: start + Array.from(link.url).length,
        url: link.url,
        expanded_url: link.expandedUrl,
        display_url: shown.length > 26 ? `${shown.slice(0, 25)}…` : shown,
      },
    ];
  });
  if (hashtags.length > 0) entities.hashtags = hashtags;
  if (mentions.length > 0) entities.mentions = mentions;
  if (urls.length > 0) entities.urls = urls;
  return entities;
}
