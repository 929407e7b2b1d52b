import type { ListeningQuerySpec, Platform } from '@ecoute/contracts';
import type { PlatformEndpoint } from '@ecoute/api-platform';
import type { HttpEndpoint } from '../http/json-get';
import type { CompiledQuery, FetchedPage, HistoryPage, MentionSource, SourceCursor } from '../types';
import { fetchHistoryRound, type HistoryWalker } from './history-rounds';
import { fetchRoundPage, type RoundWalker } from './request-rounds';

/** What a platform adds to RequestRoundsSource: its compiler, and how one request walks a poll and history. */
export interface RequestWalks<P, H> {
  /** the query in the platform's own syntax, one string per request */
  compile(spec: ListeningQuerySpec): string[];
  poll(endpoint: HttpEndpoint): RoundWalker<P>;
  history(endpoint: HttpEndpoint): HistoryWalker<H>;
}

/** A bearer token's header, when the platform is configured with one. */
export function bearerHeaders(accessToken: string | null): Record<string, string> {
  return accessToken ? { authorization: `Bearer ${accessToken}` } : {};
}

/** The endpoint of a platform's HTTP API, from its configuration. */
export function platformHttpEndpoint(
  label: string,
  config: PlatformEndpoint,
  now: () => number,
  headers: Record<string, string> = bearerHeaders(config.accessToken),
): HttpEndpoint {
  return { label, baseUrl: config.baseUrl, timeoutMs: config.timeoutMs, headers, now };
}

/**
 * A MentionSource over plain HTTP whose compiled query is a list of requests, each with its own sub-cursor:
 * polls go by request rounds (fetchRoundPage), history by history rounds (fetchHistoryRound).
 */
export abstract class RequestRoundsSource<P, H> implements MentionSource {
  abstract readonly platform: Platform;
  readonly historyDays = null;

  protected constructor(
    private readonly endpoint: HttpEndpoint,
    private readonly walks: RequestWalks<P, H>,
  ) {}

  compile(spec: ListeningQuerySpec): CompiledQuery {
    return { platform: this.platform, requests: this.walks.compile(spec) };
  }

  fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage> {
    return fetchRoundPage(query.requests, cursor, pageSize, this.walks.poll(this.endpoint));
  }

  fetchHistory(
    query: CompiledQuery,
    since: Date,
    cursor: SourceCursor | null,
    pageSize: number,
  ): Promise<HistoryPage> {
    return fetchHistoryRound(query.requests, since, cursor, pageSize, this.walks.history(this.endpoint));
  }
}
