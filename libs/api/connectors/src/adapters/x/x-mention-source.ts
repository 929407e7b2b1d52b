import type { TweetSearchRecentV2Paginator, TwitterApi } from 'twitter-api-v2';
import type { ListeningQuerySpec } from '@ecoute/contracts';
import { ConnectorError } from '../../connector-error';
import type { CompiledQuery, FetchedPage, MentionSource, SourceCursor } from '../../types';
import { toConnectorError } from './x-errors';
import { mapXSearchBody } from './x-mapper';
import { compileXQuery } from './x-query';

export const X_SEARCH_PARAMS = {
  'tweet.fields': 'author_id,created_at,lang,conversation_id,public_metrics,in_reply_to_user_id,referenced_tweets,entities',
  expansions: 'author_id,referenced_tweets.id',
  'user.fields': 'name,username,verified,profile_image_url,public_metrics',
} as const;

/**
 * X recent search, newest first. A poll walks back from the newest post through `next_token` pages down to
 * the stored `since_id`; only when the walk ends does `since_id` move up to the newest post seen.
 */
export class XMentionSource implements MentionSource {
  readonly platform = 'x' as const;

  constructor(private readonly client: TwitterApi) {}

  compile(spec: ListeningQuerySpec): CompiledQuery {
    return { platform: 'x', text: compileXQuery(spec) };
  }

  async fetchPage(query: CompiledQuery, cursor: SourceCursor, pageSize: number): Promise<FetchedPage> {
    const sinceId = cursor.sinceId ?? null;
    const params: Record<string, string | number> = {
      query: query.text,
      max_results: Math.min(100, Math.max(10, pageSize)),
      ...X_SEARCH_PARAMS,
    };
    if (sinceId) params['since_id'] = sinceId;
    if (cursor.nextToken) params['next_token'] = cursor.nextToken;

    let body: TweetSearchRecentV2Paginator['data'];
    try {
      body = await this.client.v2.get<TweetSearchRecentV2Paginator['data']>('tweets/search/recent', params);
    } catch (e) {
      const error = toConnectorError(e);
      // an expired page token: restart the walk from since_id (the upsert makes the replay harmless)
      if (error.code === 'bad_query' && cursor.nextToken) return this.fetchPage(query, { sinceId }, pageSize);
      throw error;
    }
    if (typeof body !== 'object' || body === null || typeof body.meta !== 'object') {
      throw new ConnectorError('temporary', 'X sent a response without meta');
    }
    const mentions = mapXSearchBody(body);
    const newest = cursor.nextToken ? (cursor.pendingNewestId ?? null) : (body.meta.newest_id ?? null);
    const nextToken = body.meta.next_token ?? null;
    if (nextToken) {
      return { mentions, cursor: { sinceId, nextToken, pendingNewestId: newest }, hasMore: true };
    }
    return { mentions, cursor: { sinceId: maxId(newest, sinceId), nextToken: null, pendingNewestId: null }, hasMore: false };
  }
}

function maxId(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return BigInt(a) > BigInt(b) ? a : b;
}
