import type { ListeningQuerySpec } from '@ecoute/contracts';
import type { PlatformEndpoint } from '@ecoute/api-platform';
import type { HttpEndpoint } from '../../http/json-get';
import type { CompiledQuery, FetchedPage, HistoryPage, MentionSource, SourceCursor } from '../../types';
import { fetchHistoryRound } from '../../walk/history-rounds';
import { fetchRoundPage } from '../../walk/request-rounds';
import { compileMastodonQuery } from './mastodon-query';
import { mastodonHistoryWalker, mastodonPollWalker } from './mastodon-walk';

/** Mastodon: full-text search (`/api/v2/search`, needs a token) and hashtag timelines, one request per term. */
export class MastodonMentionSource implements MentionSource {
  readonly platform = 'mastodon' as const;
  readonly historyDays = null;
  private readonly endpoint: HttpEndpoint;

  constructor(config: PlatformEndpoint, now: () => number = Date.now) {
    const headers: Record<string, string> = config.accessToken
      ? { authorization: `Bearer ${config.accessToken}` }
      : {};
    this.endpoint = { label: 'Mastodon', baseUrl: config.baseUrl, timeoutMs: config.timeoutMs, headers, now };
  }

  compile(spec: ListeningQuerySpec): CompiledQuery {
    return { platform: 'mastodon', requests: compileMastodonQuery(spec) };
  }

  fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage> {
    return fetchRoundPage(query.requests, cursor, pageSize, mastodonPollWalker(this.endpoint));
  }

  fetchHistory(
    query: CompiledQuery,
    since: Date,
    cursor: SourceCursor | null,
    pageSize: number,
  ): Promise<HistoryPage> {
    return fetchHistoryRound(query.requests, since, cursor, pageSize, mastodonHistoryWalker(this.endpoint));
  }
}
