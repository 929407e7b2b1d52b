/**
 * Runs a recent search against the store (X's posts only) and builds X's response body: `data` newest first, `includes` for the
 * requested expansions, `meta` with newest/oldest ids, count and `next_token`.
 */
import type { SimPost, SimUser } from './model';
import { encodeNextToken } from './pagination';
import type { Store } from './store';
import { RECENT_WINDOW_MS, type SearchParams } from './x-params';
import { referencedTweets, renderTweet, renderUser, type JsonObject } from './x-render';

export interface SearchResult {
  body: JsonObject;
  /** the posts in `data`, to count as served */
  posts: SimPost[];
}

export function runSearch(store: Store, params: SearchParams, nowMs: number): SearchResult {
  const windowStart = nowMs - RECENT_WINDOW_MS;
  const untilId =
    params.cursor !== undefined && (params.untilId === undefined || params.cursor < params.untilId)
      ? params.cursor
      : params.untilId;
  const { posts, more } = store.find(
    {
      node: params.node,
      platform: 'x',
      sinceId: params.sinceId,
      untilId,
      startMs: Math.max(windowStart, params.startMs ?? windowStart),
      endMs: params.endMs,
    },
    params.maxResults,
  );
  if (posts.length === 0) return { body: { meta: { result_count: 0 } }, posts };

  const body: JsonObject = { data: posts.map((p) => renderTweet(p, params.tweetFields)) };
  const includes = buildIncludes(store, posts, params);
  if (includes) body['includes'] = includes;
  const meta: JsonObject = {
    newest_id: posts[0].id,
    oldest_id: posts[posts.length - 1].id,
    result_count: posts.length,
  };
  if (more) meta['next_token'] = encodeNextToken(params, posts[posts.length - 1].id);
  body['meta'] = meta;
  return { body, posts };
}

function buildIncludes(store: Store, posts: SimPost[], params: SearchParams): JsonObject | null {
  const ex = params.expansions;
  const users = new Map<string, SimUser>();
  const addUser = (id: string | undefined) => {
    const u = id === undefined ? undefined : store.user(id);
    if (u && !users.has(u.id)) users.set(u.id, u);
  };
  const tweets = new Map<string, SimPost>();
  if (ex.has('referenced_tweets.id')) {
    for (const p of posts) {
      for (const ref of referencedTweets(p)) {
        const t = store.post(ref.id);
        if (t && !tweets.has(t.id)) tweets.set(t.id, t);
      }
    }
  }
  if (ex.has('author_id')) for (const p of posts) addUser(p.authorId);
  if (ex.has('in_reply_to_user_id')) for (const p of posts) addUser(p.inReplyTo?.userId);
  if (ex.has('entities.mentions.username')) {
    for (const p of posts)
      for (const m of p.entities.mentions ?? []) addUser(store.userByName(m.username)?.id);
  }
  if (ex.has('referenced_tweets.id.author_id')) {
    for (const p of posts) for (const ref of referencedTweets(p)) addUser(store.post(ref.id)?.authorId);
  }
  const includes: JsonObject = {};
  if (users.size > 0) includes['users'] = [...users.values()].map((u) => renderUser(u, params.userFields));
  if (tweets.size > 0)
    includes['tweets'] = [...tweets.values()].map((t) => renderTweet(t, params.tweetFields));
  return Object.keys(includes).length > 0 ? includes : null;
}
