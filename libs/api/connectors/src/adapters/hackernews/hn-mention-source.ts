import type { ListeningQuerySpec } from '@ecoute/contracts';
import type { PlatformEndpoint } from '@ecoute/api-platform';
import type { HttpEndpoint } from '../../http/json-get';
import type { CompiledQuery, FetchedPage, HistoryPage, MentionSource, SourceCursor } from '../../types';
import { fetchHistoryRound } from '../../walk/history-rounds';
import { fetchRoundPage } from '../../walk/request-rounds';
import { compileHackerNewsQuery } from './hn-query';
import { hackerNewsHistoryWalker, hackerNewsPollWalker } from './hn-walk';

/** Hacker News, through its Algolia search API (no credentials). */
export class HackerNewsMentionSource implements MentionSource {
  readonly platform = 'hackernews' as const;
  readonly historyDays = null;
  private readonly endpoint: HttpEndpoint;

  constructor(config: PlatformEndpoint, now: () => number = Date.now) {
    const headers: Record<string, string> = config.accessToken
      ? { authorization: `Bearer ${config.accessToken}` }
      : {};
    this.endpoint = {
      label: 'Hacker News',
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs,
      headers,
      now,
    };
  }

  compile(spec: ListeningQuerySpec): CompiledQuery {
    return { platform: 'hackernews', requests: compileHackerNewsQuery(spec) };
  }

  fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage> {
    return fetchRoundPage(query.requests, cursor, pageSize, hackerNewsPollWalker(this.endpoint));
  }

  fetchHistory(
    query: CompiledQuery,
    since: Date,
    cursor: SourceCursor | null,
    pageSize: number,
  ): Promise<HistoryPage> {
    return fetchHistoryRound(query.requests, since, cursor, pageSize, hackerNewsHistoryWalker(this.endpoint));
  }
}
