/**
 * Validates the query parameters of GET /2/tweets/search/recent as X does, collecting every problem into X's
 * "Invalid Request" errors.
 */
import { isNumericId } from './ids';
import { decodeNextToken } from './pagination';
import { parseQuery, QuerySyntaxError, type QueryNode } from './query-parser';
import { parameterError, type XParameterError } from './x-errors';

export const TWEET_FIELDS = [
  'article',
  'attachments',
  'author_id',
  'card_uri',
  'community_id',
  'context_annotations',
  'conversation_id',
  'created_at',
  'display_text_range',
  'edit_controls',
  'edit_history_tweet_ids',
  'entities',
  'geo',
  'id',
  'in_reply_to_user_id',
  'lang',
  'media_metadata',
  'non_public_metrics',
  'note_tweet',
  'organic_metrics',
  'possibly_sensitive',
  'promoted_metrics',
  'public_metrics',
  'referenced_tweets',
  'reply_settings',
  'scopes',
  'source',
  'text',
  'withheld',
] as const;
export const USER_FIELDS = [
  'affiliation',
  'connection_status',
  'created_at',
  'description',
  'entities',
  'id',
  'is_identity_verified',
  'location',
  'most_recent_tweet_id',
  'name',
  'parody',
  'pinned_tweet_id',
  'profile_banner_url',
  'profile_image_url',
  'protected',
  'public_metrics',
  'receives_your_dm',
  'subscription',
  'subscription_type',
  'url',
  'username',
  'verified',
  'verified_followers_count',
  'verified_type',
  'withheld',
] as const;
export const EXPANSIONS = [
  'article.cover_media',
  'article.media_entities',
  'attachments.media_keys',
  'attachments.media_source_tweet',
  'attachments.poll_ids',
  'author_id',
  'edit_history_tweet_ids',
  'entities.mentions.username',
  'geo.place_id',
  'in_reply_to_user_id',
  'entities.note.mentions.username',
  'referenced_tweets.id',
  'referenced_tweets.id.attachments.media_keys',
  'referenced_tweets.id.author_id',
] as const;
const MEDIA_FIELDS = [
  'alt_text',
  'duration_ms',
  'height',
  'media_key',
  'non_public_metrics',
  'organic_metrics',
  'preview_image_url',
  'promoted_metrics',
  'public_metrics',
  'type',
  'url',
  'variants',
  'width',
] as const;
const PLACE_FIELDS = [
  'contained_within',
  'country',
  'country_code',
  'full_name',
  'geo',
  'id',
  'name',
  'place_type',
] as const;
const POLL_FIELDS = ['duration_minutes', 'end_datetime', 'id', 'options', 'voting_status'] as const;

const LISTS: Record<string, readonly string[]> = {
  expansions: EXPANSIONS,
  'tweet.fields': TWEET_FIELDS,
  'user.fields': USER_FIELDS,
  'media.fields': MEDIA_FIELDS,
  'place.fields': PLACE_FIELDS,
  'poll.fields': POLL_FIELDS,
};

const KNOWN_PARAMS = [
  'query',
  'start_time',
  'end_time',
  'since_id',
  'until_id',
  'max_results',
  'next_token',
  'pagination_token',
  'sort_order',
  'expansions',
  'tweet.fields',
  'media.fields',
  'poll.fields',
  'place.fields',
  'user.fields',
];

export const RECENT_WINDOW_MS = 7 * 24 * 3600_000;

export interface SearchParams {
  query: string;
  node: QueryNode;
  sinceId?: bigint;
  untilId?: bigint;
  startMs?: number;
  endMs?: number;
  maxResults: number;
  /** continue below this id (from next_token) */
  cursor?: bigint;
  expansions: ReadonlySet<string>;
  tweetFields: ReadonlySet<string>;
  userFields: ReadonlySet<string>;
}

export type ParseResult = { ok: true; params: SearchParams } | { ok: false; errors: XParameterError[] };

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseSearchParams(raw: Record<string, unknown>, nowMs: number): ParseResult {
  const errors: XParameterError[] = [];
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    if (!KNOWN_PARAMS.includes(name)) {
      errors.push(
        parameterError(name, list, `The query parameter [${name}] is not one of [${KNOWN_PARAMS.join(',')}]`),
      );
    } else if (Array.isArray(value) || typeof value !== 'string') {
      errors.push(parameterError(name, list, `Duplicate parameter [${name}]; it may be given only once`));
    } else values[name] = value;
  }

  const sets: Record<string, Set<string>> = {};
  for (const [name, allowed] of Object.entries(LISTS)) {
    const value = values[name];
    sets[name] = new Set();
    if (value === undefined) continue;
    for (const item of value.split(',')) {
      if (!allowed.includes(item)) {
        errors.push(
          parameterError(
            name,
            [item],
            `The \`${name}\` query parameter value [${item}] is not one of [${allowed.join(',')}]`,
          ),
        );
      } else sets[name].add(item);
    }
  }

  let node: QueryNode | undefined;
  const query = values['query'];
  if (query === undefined || query.trim() === '') {
    errors.push(parameterError('query', [], 'The `query` query parameter can not be empty'));
  } else {
    try {
      node = parseQuery(query);
    } catch (e) {
      if (!(e instanceof QuerySyntaxError)) throw e;
      errors.push(parameterError('query', [query], e.message));
    }
  }

  let maxResults = 10;
  if (values['max_results'] !== undefined) {
    const v = values['max_results'];
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= 10 && n <= 100)) {
      errors.push(
        parameterError(
          'max_results',
          [v],
          `The \`max_results\` query parameter value [${v}] is not between 10 and 100`,
        ),
      );
    } else maxResults = n;
  }

  const id = (name: 'since_id' | 'until_id'): bigint | undefined => {
    const v = values[name];
    if (v === undefined) return undefined;
    if (!isNumericId(v)) {
      errors.push(
        parameterError(
          name,
          [v],
          `The \`${name}\` query parameter value [${v}] does not match ^[0-9]{1,19}$`,
        ),
      );
      return undefined;
    }
    return BigInt(v);
  };
  const sinceId = id('since_id');
  const untilId = id('until_id');

  const time = (name: 'start_time' | 'end_time'): number | undefined => {
    const v = values[name];
    if (v === undefined) return undefined;
    const ms = RFC3339.test(v) ? Date.parse(v) : NaN;
    if (Number.isNaN(ms)) {
      errors.push(
        parameterError(
          name,
          [v],
          `The \`${name}\` query parameter value [${v}] is not a valid RFC 3339 date-time`,
        ),
      );
      return undefined;
    }
    return ms;
  };
  const startMs = time('start_time');
  const endMs = time('end_time');
  const oldest = new Date(nowMs - RECENT_WINDOW_MS).toISOString();
  if (startMs !== undefined && startMs < nowMs - RECENT_WINDOW_MS) {
    const v = values['start_time'];
    errors.push(
      parameterError(
        'start_time',
        [v],
        `Invalid 'start_time':'${v}'. 'start_time' must be on or after ${oldest}`,
      ),
    );
  }
  if (endMs !== undefined && endMs > nowMs - 10_000) {
    const v = values['end_time'];
    errors.push(
      parameterError(
        'end_time',
        [v],
        `Invalid 'end_time':'${v}'. 'end_time' must be a minimum of 10 seconds prior to the request time.`,
      ),
    );
  }
  if (endMs !== undefined && endMs <= nowMs - RECENT_WINDOW_MS) {
    const v = values['end_time'];
    errors.push(
      parameterError('end_time', [v], `Invalid 'end_time':'${v}'. 'end_time' must be on or after ${oldest}`),
    );
  }
  if (startMs !== undefined && endMs !== undefined && startMs >= endMs) {
    const v = values['start_time'];
    errors.push(
      parameterError(
        'start_time',
        [v],
        `Invalid 'start_time':'${v}'. 'start_time' must be before 'end_time'`,
      ),
    );
  }
  if (sinceId !== undefined && untilId !== undefined && sinceId >= untilId) {
    errors.push(parameterError('since_id', [String(sinceId)], "'since_id' must be smaller than 'until_id'"));
  }

  const sort = values['sort_order'];
  if (sort !== undefined && sort !== 'recency' && sort !== 'relevancy') {
    errors.push(
      parameterError(
        'sort_order',
        [sort],
        `The \`sort_order\` query parameter value [${sort}] is not one of [recency,relevancy]`,
      ),
    );
  }

  const tokenName = values['next_token'] !== undefined ? 'next_token' : 'pagination_token';
  const token = values[tokenName];
  let cursor: bigint | undefined;
  if (token !== undefined && query !== undefined) {
    const decoded = decodeNextToken({ query, sinceId, untilId, startMs, endMs }, token);
    if (decoded === null) {
      errors.push(
        parameterError(
          tokenName,
          [token],
          `The \`${tokenName}\` query parameter value [${token}] is not valid`,
        ),
      );
    } else cursor = decoded;
  }

  if (errors.length > 0 || node === undefined) return { ok: false, errors };
  return {
    ok: true,
    params: {
      query: query ?? '',
      node,
      sinceId,
      untilId,
      startMs,
      endMs,
      maxResults,
      cursor,
      expansions: sets['expansions'],
      tweetFields: sets['tweet.fields'],
      userFields: sets['user.fields'],
    },
  };
}
