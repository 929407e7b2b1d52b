import type { ListeningQuerySpec } from '@ecoute/contracts';
import type { PlatformEndpoint } from '@ecoute/api-platform';
import type { HttpEndpoint } from '../../http/json-get';
import type { CompiledQuery, FetchedPage, HistoryPage, MentionSource, SourceCursor } from '../../types';
import { fetchHistoryRound } from '../../walk/history-rounds';
import { fetchRoundPage } from '../../walk/request-rounds';
import { compileRedditQuery } from './reddit-query';
import { redditHistoryWalker, redditPollWalker } from './reddit-walk';

/** Reddit search (`/search`, OAuth bearer token and a descriptive User-Agent, as Reddit requires). */
export class RedditMentionSource implements MentionSource {
  readonly platform = 'reddit' as const;
  /** Reddit keeps no fixed window, but a listing reaches only about 1,000 posts back */
  readonly historyDays = null;
  private readonly endpoint: HttpEndpoint;

  constructor(config: PlatformEndpoint & { userAgent: string }, now: () => number = Date.now) {
    const headers: Record<string, string> = { 'user-agent': config.userAgent };
    if (config.accessToken) headers['authorization'] = `bearer ${config.accessToken}`;
    this.endpoint = { label: 'Reddit', baseUrl: config.baseUrl, timeoutMs: config.timeoutMs, headers, now };
  }

  compile(spec: ListeningQuerySpec): CompiledQuery {
    return { platform: 'reddit', requests: [compileRedditQuery(spec)] };
  }

  fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage> {
    return fetchRoundPage(query.requests, cursor, pageSize, redditPollWalker(this.endpoint));
  }

  fetchHistory(
    query: CompiledQuery,
    since: Date,
    cursor: SourceCursor | null,
    pageSize: number,
  ): Promise<HistoryPage> {
    return fetchHistoryRound(query.requests, since, cursor, pageSize, redditHistoryWalker(this.endpoint));
  }
}
