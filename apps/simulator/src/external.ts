/**
 * What the product stores for a post on each platform, its "external id" (the X id, the Mastodon status id, the
 * Reddit fullname t3_…, the Hacker News objectID, the Bluesky at:// URI), and its public web address.
 */
import { blueskyUri, blueskyWebUrl } from './bluesky-render';
import { hnItemUrl } from './hackernews-render';
import { mastodonStatusUrl } from './mastodon-render';
import type { SimPost } from './model';
import { redditPermalink } from './reddit-render';
import type { Store } from './store';

export function externalId(post: SimPost, store: Store): string {
  switch (post.platform) {
    case 'x':
    case 'mastodon':
    case 'hackernews':
      return post.nativeId;
    case 'reddit':
      return `t3_${post.nativeId}`;
    case 'bluesky':
      return blueskyUri(post, store);
  }
}

export function postUrl(post: SimPost, store: Store): string {
  const username = store.user(post.authorId)?.username ?? 'unknown';
  switch (post.platform) {
    case 'x':
      return `https://x.com/${username}/status/${post.nativeId}`;
    case 'mastodon':
      return mastodonStatusUrl(username, post.nativeId);
    case 'reddit':
      return `https://www.reddit.com${redditPermalink(post, store)}`;
    case 'hackernews':
      return hnItemUrl(post.nativeId);
    case 'bluesky':
      return blueskyWebUrl(post, store);
  }
}
