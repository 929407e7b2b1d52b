import type { Platform } from '@ecoute/contracts';
import type { AppConfig } from '@ecoute/api-platform';
import { BlueskyMentionSource } from './adapters/bluesky/bluesky-mention-source';
import { HackerNewsMentionSource } from './adapters/hackernews/hn-mention-source';
import { MastodonMentionSource } from './adapters/mastodon/mastodon-mention-source';
import { RedditMentionSource } from './adapters/reddit/reddit-mention-source';
import { createSearchClient } from './adapters/x/x-client';
import { XMentionSource } from './adapters/x/x-mention-source';
import type { MentionSource } from './types';

/** One adapter per configured platform (a platform whose config is null is not polled). */
export function createMentionSources(
  config: Pick<AppConfig, 'x' | 'platforms'>,
): Map<Platform, MentionSource> {
  const sources = new Map<Platform, MentionSource>();
  const x = createSearchClient(config.x);
  if (x) sources.set('x', new XMentionSource(x));
  const { mastodon, reddit, hackernews, bluesky } = config.platforms;
  if (mastodon) sources.set('mastodon', new MastodonMentionSource(mastodon));
  if (reddit) sources.set('reddit', new RedditMentionSource(reddit));
  if (hackernews) sources.set('hackernews', new HackerNewsMentionSource(hackernews));
  if (bluesky) sources.set('bluesky', new BlueskyMentionSource(bluesky));
  return sources;
}
