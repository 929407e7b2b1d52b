/**
 * Renders posts as Hacker News hits of the Algolia API (the fields of a real /api/v1/search hit): a post that
 * starts a conversation is a story (its text as the title, no url), a follow-up is a comment on that story (its
 * text HTML-escaped in comment_text). Highlights wrap the query's words in <em>.
 */
import type { SimPost } from './model';
import { escapeHtml } from './segments';
import type { Store } from './store';
import type { JsonObject } from './x-render';

export function hnItemUrl(objectId: string): string {
  return `https://news.ycombinator.com/item?id=${objectId}`;
}

/** 2018-12-19T17:08:53Z */
function algoliaTime(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Algolia's highlight of one attribute for the query's words */
export function highlight(value: string, words: readonly string[]): JsonObject {
  const matched = words.filter((w) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(w)}(?![\\p{L}\\p{N}])`, 'iu').test(value),
  );
  let marked = value;
  if (matched.length > 0) {
    const any = matched.map(escapeRegex).join('|');
    marked = value.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])(?:${any})(?![\\p{L}\\p{N}])`, 'giu'),
      '<em>$&</em>',
    );
  }
  if (matched.length === 0) return { matchLevel: 'none', matchedWords: [], value };
  return {
    fullyHighlighted: marked === `<em>${value}</em>`,
    matchLevel: matched.length === words.length ? 'full' : 'partial',
    matchedWords: matched,
    value: marked,
  };
}

function isComment(post: SimPost, store: Store): boolean {
  return post.inReplyTo !== undefined && store.post(post.inReplyTo.tweetId)?.platform === 'hackernews';
}

/** the story a post belongs to: its conversation's root */
function storyOf(post: SimPost, store: Store): SimPost | undefined {
  return store.post(post.conversationId);
}

export function hnTags(post: SimPost, store: Store): string[] {
  const author = store.user(post.authorId)?.username ?? 'unknown';
  const story = isComment(post, store) ? storyOf(post, store) : post;
  return [isComment(post, store) ? 'comment' : 'story', `author_${author}`, `story_${story?.nativeId ?? ''}`];
}

export function renderHit(post: SimPost, store: Store, words: readonly string[]): JsonObject {
  const author = store.user(post.authorId)?.username ?? 'unknown';
  const createdAt = algoliaTime(post.createdAt);
  const common = {
    _tags: hnTags(post, store),
    author,
    children: store
      .children(post.id)
      .filter((c) => c.platform === 'hackernews')
      .map((c) => Number(c.nativeId)),
    created_at: createdAt,
    created_at_i: Math.floor(Date.parse(post.createdAt) / 1000),
    objectID: post.nativeId,
    updated_at: createdAt,
  };
  if (!isComment(post, store)) {
    return {
      _highlightResult: {
        author: highlight(author, words),
        title: highlight(post.text, words),
      },
      ...common,
      num_comments: post.metrics.reply_count,
      points: post.metrics.like_count + 1,
      story_id: Number(post.nativeId),
      story_text: null,
      title: post.text,
      url: null,
    };
  }
  const story = storyOf(post, store);
  const parent = post.inReplyTo ? store.post(post.inReplyTo.tweetId) : undefined;
  const commentText = escapeHtml(post.text);
  return {
    _highlightResult: {
      author: highlight(author, words),
      comment_text: highlight(commentText, words),
      story_title: highlight(story?.text ?? '', words),
    },
    ...common,
    comment_text: commentText,
    num_comments: null,
    parent_id: parent ? Number(parent.nativeId) : null,
    points: null,
    story_id: story ? Number(story.nativeId) : null,
    story_title: story?.text ?? null,
    story_url: null,
    title: null,
    url: null,
  };
}
