import type { PlatformEndpoint } from '@ecoute/api-platform';
import { platformHttpEndpoint, RequestRoundsSource } from '../../walk/request-rounds-source';
import { compileBlueskyQuery } from './bluesky-query';
import {
  blueskyHistoryWalker,
  blueskyPollWalker,
  type BlueskyHistoryState,
  type BlueskyPollState,
} from './bluesky-walk';

/** Bluesky post search (`app.bsky.feed.searchPosts` on an AppView, with a bearer token). */
export class BlueskyMentionSource extends RequestRoundsSource<BlueskyPollState, BlueskyHistoryState> {
  readonly platform = 'bluesky' as const;

  constructor(config: PlatformEndpoint, now: () => number = Date.now) {
    super(platformHttpEndpoint('Bluesky', config, now), {
      compile: compileBlueskyQuery,
      poll: blueskyPollWalker,
      history: blueskyHistoryWalker,
    });
  }
}
