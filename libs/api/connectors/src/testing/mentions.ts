import type { FetchedMention } from '../types';

/** A minimal mention for walk tests. */
export function fakeMention(
  externalId: string,
  createdAt: Date = new Date('2026-01-01T00:00:00Z'),
): FetchedMention {
  return {
    externalId,
    url: `https://example.test/${externalId}`,
    text: externalId,
    language: null,
    createdAt,
    author: { externalId: 'a', handle: 'a', name: 'a', followers: 0, verified: false, avatarUrl: null },
    metrics: { likes: 0, reposts: 0, replies: 0, quotes: 0, bookmarks: 0, views: 0 },
    threadId: externalId,
    parentExternalId: null,
    isRepost: false,
    repostOf: null,
    raw: null,
  };
}
