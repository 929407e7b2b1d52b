import type { PlatformEndpoint } from '@ecoute/api-platform';
import { platformHttpEndpoint, RequestRoundsSource } from '../../walk/request-rounds-source';
import { compileHackerNewsQuery } from './hn-query';
import {
  hackerNewsHistoryWalker,
  hackerNewsPollWalker,
  type HackerNewsHistoryState,
  type HackerNewsPollState,
} from './hn-walk';

/** Hacker News, through its Algolia search API (no credentials). */
export class HackerNewsMentionSource extends RequestRoundsSource<
  HackerNewsPollState,
  HackerNewsHistoryState
> {
  readonly platform = 'hackernews' as const;

  constructor(config: PlatformEndpoint, now: () => number = Date.now) {
    super(platformHttpEndpoint('Hacker News', config, now), {
      compile: compileHackerNewsQuery,
      poll: hackerNewsPollWalker,
      history: hackerNewsHistoryWalker,
    });
  }
}
