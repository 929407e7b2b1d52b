import type { PlatformEndpoint } from '@ecoute/api-platform';
import { platformHttpEndpoint, RequestRoundsSource } from '../../walk/request-rounds-source';
import { compileMastodonQuery } from './mastodon-query';
import {
  mastodonHistoryWalker,
  mastodonPollWalker,
  type MastodonHistoryState,
  type MastodonPollState,
} from './mastodon-walk';

/** Mastodon: full-text search (`/api/v2/search`, needs a token) and hashtag timelines, one request per term. */
export class MastodonMentionSource extends RequestRoundsSource<MastodonPollState, MastodonHistoryState> {
  readonly platform = 'mastodon' as const;

  constructor(config: PlatformEndpoint, now: () => number = Date.now) {
    super(platformHttpEndpoint('Mastodon', config, now), {
      compile: compileMastodonQuery,
      poll: mastodonPollWalker,
      history: mastodonHistoryWalker,
    });
  }
}
