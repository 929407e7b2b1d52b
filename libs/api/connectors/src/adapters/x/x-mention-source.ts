import type { TwitterApi } from 'twitter-api-v2';
import type { ListeningQuerySpec } from '@ecoute/contracts';
import { ConnectorError } from '../../connector-error';
import type { CompiledQuery, FetchedPage, HistoryPage, MentionSource, SourceCursor } from '../../types';
import { asString } from '../../walk/merge';
import { readXCursor, type XCursor, type XHistoryCursor } from './x-cursor';
import { maxXId, xIdAt, xIdTimeMs } from './x-ids';
import { mapXSearchBody } from './x-mapper';
import { compileXQuery } from './x-query';
import { X_RECENT_WINDOW_MS, X_SEARCH_PARAMS, clampMaxResults, oldestStartMs, searchRecent, xTime } from './x-search';

export { X_SEARCH_PARAMS } from './x-search';

const FIRST_POLL_LOOKBACK_MS = 60_000;

/**
 * X recent search, newest first. A poll walks back from the newest post through `next_token` pages down to
 * the stored `since_id`; only when the walk ends does `since_id` move up to the newest post seen (the largest
 * id of the walk's pages, whatever their order). The first poll takes the newest page only.
 */
export class XMentionSource implements MentionSource {
  readonly platform = 'x' as const;
  readonly historyDays = 7;

  constructor(
    private readonly client: TwitterApi,
    private readonly now: () => number = Date.now,
  ) {}

  compile(spec: ListeningQuerySpec): CompiledQuery {
    return { platform: 'x', requests: [compileXQuery(spec)] };
  }

  async fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage> {
    const text = this.queryText(query);
    const position = readXCursor(cursor);
    try {
      return await this.walk(text, position, pageSize);
    } catch (e) {
      // an expired page token: restart the walk from since_id (the upsert makes the replay harmless)
      if (e instanceof ConnectorError && e.code === 'bad_query' && position.nextToken) {
        return this.walk(
          text,
          { sinceId: position.sinceId, nextToken: null, pendingNewestId: null },
          pageSize,
        );
      }
      throw e;
    }
  }

  async fetchHistory(
    query: CompiledQuery,
    since: Date,
    cursor: SourceCursor | null,
    pageSize: number,
  ): Promise<HistoryPage> {
    const nowMs = this.now();
    const oldest = oldestStartMs(nowMs);
    // a walk resumes with the start_time its token was issued for, unless X would now refuse it (it left the
    // 7-day window: resumed days later); then it starts again from the window's edge (the upserts make that
    // harmless). The check is against X's own limit, not our margin, or a walk begun at the margin never ends.
    const storedStart = asString(cursor?.['startTime']);
    const nextToken = asString(cursor?.['nextToken']);
    const resume = nextToken && storedStart && Date.parse(storedStart) > nowMs - X_RECENT_WINDOW_MS + 10_000;
    const startTime = resume ? storedStart : xTime(Math.max(since.getTime(), oldest));
    const params: Record<string, string | number> = {
      query: this.queryText(query),
      max_results: clampMaxResults(pageSize),
      start_time: startTime,
      ...X_SEARCH_PARAMS,
    };
    if (resume) params['next_token'] = nextToken;
    const { body, rateLimit } = await searchRecent(this.client, params, this.now);
    const token = body.meta.next_token ?? null;
    const next: XHistoryCursor | null = token ? { nextToken: token, startTime } : null;
    const mentions = mapXSearchBody(body).filter((m) => m.createdAt.getTime() >= since.getTime());
    return { mentions, cursor: next, rateLimit };
  }

  private async walk(text: string, position: XCursor, pageSize: number): Promise<FetchedPage> {
    const { sinceId, nextToken, pendingNewestId } = position;
    const params: Record<string, string | number> = {
      query: text,
      max_results: clampMaxResults(pageSize),
      ...X_SEARCH_PARAMS,
    };
    if (sinceId) {
      const oldest = oldestStartMs(this.now());
      // a since_id beyond recent search's reach (a source paused for a week): walk the whole window instead
      if (xIdTimeMs(sinceId) >= oldest) params['since_id'] = sinceId;
      else params['start_time'] = xTime(oldest);
    }
    if (nextToken) params['next_token'] = nextToken;
    const { body, rateLimit } = await searchRecent(this.client, params, this.now);
    const mentions = mapXSearchBody(body);
    const pageNewest = maxXId([body.meta.newest_id, ...mentions.map((m) => m.externalId)]);
    if (!sinceId && !nextToken) {
      // the first poll: newest page only; with nothing found, from a minute ago (a since_id X accepts)
      const start = pageNewest ?? xIdAt(this.now() - FIRST_POLL_LOOKBACK_MS);
      return { mentions, cursor: cursorOf(start, null, null), hasMore: false, rateLimit };
    }
    const newest = maxXId([pendingNewestId, pageNewest]);
    const token = body.meta.next_token ?? null;
    if (token) return { mentions, cursor: cursorOf(sinceId, token, newest), hasMore: true, rateLimit };
    return { mentions, cursor: cursorOf(maxXId([newest, sinceId]), null, null), hasMore: false, rateLimit };
  }

  private queryText(query: CompiledQuery): string {
    const text = query.requests[0];
    if (!text) throw new ConnectorError('bad_query', 'the X query has no request');
    return text;
  }
}

const cursorOf = (
  sinceId: string | null,
  nextToken: string | null,
  pendingNewestId: string | null,
): XCursor => ({
  sinceId,
  nextToken,
  pendingNewestId,
});
