/**
 * The open threads a later post may continue: people's recent posts (for follow-ups by the same author) and the
 * brand's replies still waiting for an answer. Pure: returns a new list.
 */
import type { ThreadCandidate } from './generator';
import type { SimPost } from './model';

export const THREAD_MAX_AGE_MS = 6 * 3600_000;
export const THREAD_MAX_COUNT = 300;

export function updateThreads(
  threads: readonly ThreadCandidate[],
  post: SimPost,
  author: { id: string; username: string },
  brandId: string,
): ThreadCandidate[] {
  const timeMs = Date.parse(post.createdAt);
  let next = threads.filter((t) => timeMs - t.createdAtMs <= THREAD_MAX_AGE_MS);
  const parentId = post.inReplyTo?.tweetId;
  if (parentId !== undefined) {
    // an answered brand reply, or a thread continued by its author, is replaced by the newer post
    next = next.filter(
      (t) => !(t.id === parentId && (t.authorId === brandId || t.authorId === post.authorId)),
    );
  }
  if (post.lang !== 'en' && post.lang !== 'fr') return next;
  const candidate: ThreadCandidate = {
    id: post.id,
    authorId: post.authorId,
    username: author.username,
    conversationId: post.conversationId,
    lang: post.lang,
    intent: post.intent,
    topic: post.topic,
    text: post.text,
    createdAtMs: timeMs,
    platform: post.platform,
  };
  if (post.authorId === brandId) {
    const answered = post.inReplyTo?.userId;
    // the answer takes the tone of the conversation the brand stepped into
    const parent = threads.find((t) => t.id === parentId);
    if (answered !== undefined && answered !== brandId) {
      next.push({ ...candidate, intent: parent?.intent ?? 'complaint', answeredUserId: answered });
    }
  } else if (post.retweetOf === undefined && post.intent !== 'spam' && post.intent !== 'abuse') {
    next.push(candidate);
  }
  next.sort((a, b) => a.createdAtMs - b.createdAtMs);
  return next.length > THREAD_MAX_COUNT ? next.slice(next.length - THREAD_MAX_COUNT) : next;
}
