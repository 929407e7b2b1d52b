/**
 * Renders posts and users as X API v2 objects: only the requested fields (id and text always, and
 * edit_history_tweet_ids as modern X always does), keys in alphabetical order like the captured payloads.
 */
import type { SimPost, SimUser } from './model';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function sorted(obj: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(obj).sort()) out[key] = obj[key];
  return out;
}

function entitiesJson(post: SimPost): JsonObject | null {
  const e = post.entities;
  const out: JsonObject = {};
  if (e.hashtags) out['hashtags'] = e.hashtags.map((h) => ({ start: h.start, end: h.end, tag: h.tag }));
  if (e.mentions)
    out['mentions'] = e.mentions.map((m) => ({ start: m.start, end: m.end, username: m.username }));
  if (e.urls) {
    out['urls'] = e.urls.map((u) => ({
      start: u.start,
      end: u.end,
      url: u.url,
      expanded_url: u.expanded_url,
      display_url: u.display_url,
    }));
  }
  return Object.keys(out).length > 0 ? out : null;
}

export function referencedTweets(post: SimPost): { type: string; id: string }[] {
  const refs: { type: string; id: string }[] = [];
  if (post.retweetOf) refs.push({ type: 'retweeted', id: post.retweetOf });
  if (post.inReplyTo) refs.push({ type: 'replied_to', id: post.inReplyTo.tweetId });
  return refs;
}

export function renderTweet(post: SimPost, fields: ReadonlySet<string>): JsonObject {
  const out: JsonObject = { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] };
  const want = (f: string) => fields.has(f);
  if (want('author_id')) out['author_id'] = post.authorId;
  if (want('created_at')) out['created_at'] = post.createdAt;
  if (want('lang')) out['lang'] = post.lang;
  if (want('conversation_id')) out['conversation_id'] = post.conversationId;
  if (want('possibly_sensitive')) out['possibly_sensitive'] = post.possiblySensitive;
  if (want('source')) out['source'] = post.source;
  if (want('reply_settings')) out['reply_settings'] = 'everyone';
  if (want('in_reply_to_user_id') && post.inReplyTo) out['in_reply_to_user_id'] = post.inReplyTo.userId;
  if (want('public_metrics')) {
    const m = post.metrics;
    out['public_metrics'] = {
      retweet_count: m.retweet_count,
      reply_count: m.reply_count,
      like_count: m.like_count,
      quote_count: m.quote_count,
      bookmark_count: m.bookmark_count,
      impression_count: m.impression_count,
    };
  }
  if (want('referenced_tweets')) {
    const refs = referencedTweets(post);
    if (refs.length > 0) out['referenced_tweets'] = refs;
  }
  if (want('entities')) {
    const entities = entitiesJson(post);
    if (entities) out['entities'] = entities;
  }
  if (want('display_text_range')) out['display_text_range'] = [0, Array.from(post.text).length];
  if (want('edit_controls')) {
    out['edit_controls'] = {
      edits_remaining: 5,
      is_edit_eligible: post.retweetOf === undefined,
      editable_until: new Date(Date.parse(post.createdAt) + 3600_000).toISOString(),
    };
  }
  return sorted(out);
}

export function renderUser(user: SimUser, fields: ReadonlySet<string>): JsonObject {
  const out: JsonObject = { id: user.id, name: user.name, username: user.username };
  const want = (f: string) => fields.has(f);
  if (want('created_at')) out['created_at'] = user.createdAt;
  if (want('description')) out['description'] = user.description;
  if (want('verified')) out['verified'] = user.verified;
  if (want('verified_type'))
    out['verified_type'] = user.kind === 'brand' ? 'business' : user.verified ? 'blue' : 'none';
  if (want('profile_image_url')) out['profile_image_url'] = user.profileImageUrl;
  if (want('protected')) out['protected'] = false;
  if (want('url')) out['url'] = '';
  if (want('public_metrics')) {
    const m = user.metrics;
    out['public_metrics'] = {
      followers_count: m.followers_count,
      following_count: m.following_count,
      tweet_count: m.tweet_count,
      listed_count: m.listed_count,
    };
  }
  return sorted(out);
}
