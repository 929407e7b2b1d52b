import type { ListeningQuerySpec } from '@ecoute/contracts';
import type { PlatformEndpoint } from '@ecoute/api-platform';
import type { HttpEndpoint } from '../../http/json-get';
import type { CompiledQuery, FetchedPage, HistoryPage, MentionSource, SourceCursor } from '../../types';
import { fetchHistoryRound } from '../../walk/history-rounds';
import { fetchRoundPage } from '../../walk/request-rounds';
import { compileBlueskyQuery } from './bluesky-query';
import { blueskyHistoryWalker, blueskyPollWalker } from './bluesky-walk';

/** Bluesky post search (`app.bsky.feed.searchPosts` on an AppView, with a bearer token). */
export class BlueskyMentionSource implements MentionSource {
  readonly platform = 'bluesky' as const;
  readonly historyDays = null;
  private readonly endpoint: HttpEndpoint;

  constructor(config: PlatformEndpoint, now: () => number = Date.now) {
    const headers: Record<string, string> = config.accessToken
      ? { authorization: `Bearer ${config.accessToken}` }
      : {};
    this.endpoint = { label: 'Bluesky', baseUrl: config.baseUrl, timeoutMs: config.timeoutMs, headers, now };
  }

  compile(spec: ListeningQuerySpec): CompiledQuery {
    return { platform: 'bluesky', requests: compileBlueskyQuery(spec) };
  }

  fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage> {
    return fetchRoundPage(query.requests, cursor, pageSize, blueskyPollWalker(this.endpoint));
  }

  fetchHistory(
    query: CompiledQuery,
    since: Date,
    cursor: SourceCursor | null,
    pageSize: number,
  ): Promise<HistoryPage> {
    return fetchHistoryRound(query.requests, since, cursor, pageSize, blueskyHistoryWalker(this.endpoint));
  }
}
