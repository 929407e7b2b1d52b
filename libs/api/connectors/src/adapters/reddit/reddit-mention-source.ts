import type { PlatformEndpoint } from '@ecoute/api-platform';
import { platformHttpEndpoint, RequestRoundsSource } from '../../walk/request-rounds-source';
import { compileRedditQuery } from './reddit-query';
import {
  redditHistoryWalker,
  redditPollWalker,
  type RedditHistoryState,
  type RedditPollState,
} from './reddit-walk';

/**
 * Reddit search (`/search`, OAuth bearer token and a descriptive User-Agent, as Reddit requires). Reddit keeps
 * no fixed window (`historyDays` null), but a listing reaches only about 1,000 posts back.
 */
export class RedditMentionSource extends RequestRoundsSource<RedditPollState, RedditHistoryState> {
  readonly platform = 'reddit' as const;

  constructor(config: PlatformEndpoint & { userAgent: string }, now: () => number = Date.now) {
    const headers: Record<string, string> = { 'user-agent': config.userAgent };
    if (config.accessToken) headers['authorization'] = `bearer ${config.accessToken}`;
    super(platformHttpEndpoint('Reddit', config, now, headers), {
      // Reddit has OR: one request
      compile: (spec) => [compileRedditQuery(spec)],
      poll: redditPollWalker,
      history: redditHistoryWalker,
    });
  }
}
