/** Engagement on X = reposts + likes + quotes + replies + bookmarks (DESIGN §4, formula version x-1). */
export const ENGAGEMENT_FORMULA_VERSION = 'x-1';

export interface EngagementCounts {
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  bookmarks: number;
}

export function engagementX(m: EngagementCounts): number {
  return m.reposts + m.likes + m.quotes + m.replies + m.bookmarks;
}
