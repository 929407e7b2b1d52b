/**
 * Renders posts as Bluesky PostViews (app.bsky.feed.defs#postView, as app.bsky.feed.searchPosts returns them):
 * an at:// URI with the post's TID as record key, a CID, the author's profile, the app.bsky.feed.post record with
 * its language, reply references and rich-text facets (byte offsets in UTF-8), the counts, and the viewer state
 * an authenticated search carries (as in a captured response, tests/fixtures/platform-payloads/bluesky).
 */
import { blueskyDid, blueskyHandle, cidFor, hash48 } from './identities';
import type { SimPost, SimUser } from './model';
import { segments } from './segments';
import type { Store } from './store';
import type { JsonObject } from './x-render';

export function blueskyUri(post: SimPost, store: Store): string {
  const author = store.user(post.authorId);
  const did = author ? blueskyDid(author) : 'did:plc:unknown';
  return `at://${did}/app.bsky.feed.post/${post.nativeId}`;
}

export function blueskyWebUrl(post: SimPost, store: Store): string {
  const author = store.user(post.authorId);
  return `https://bsky.app/profile/${author ? blueskyHandle(author.username) : 'unknown'}/post/${post.nativeId}`;
}

export function strongRef(post: SimPost, store: Store): { uri: string; cid: string } {
  const uri = blueskyUri(post, store);
  return { uri, cid: cidFor(`${uri}\n${post.createdAt}\n${post.text}`) };
}

export function renderProfile(user: SimUser): JsonObject {
  const did = blueskyDid(user);
  return {
    did,
    handle: blueskyHandle(user.username),
    displayName: user.name,
    avatar: `https://cdn.bsky.app/img/avatar/plain/${did}/${cidFor(`avatar:${user.id}`)}@jpeg`,
    // what the (authenticated) caller's account has to do with the author
    viewer: { muted: false, blockedBy: false },
    labels: [],
    createdAt: user.createdAt,
  };
}

/** the AppView indexes a post a moment after it was written: 0.1 to 2 s later, derived from the post */
function indexedAt(post: SimPost): string {
  const delay = 100 + (hash48(`indexed:${post.id}`) % 1900);
  return new Date(Date.parse(post.createdAt) + delay).toISOString();
}

/** the rich-text facets of a post: links, mentions of known users, hashtags */
export function facets(post: SimPost, store: Store): JsonObject[] {
  const out: JsonObject[] = [];
  let byte = 0;
  for (const s of segments(post)) {
    const start = byte;
    byte += Buffer.byteLength(s.text);
    const index = { byteStart: start, byteEnd: byte };
    if (s.kind === 'url') {
      out.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: s.url }] });
    } else if (s.kind === 'hashtag') {
      out.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: s.tag }] });
    } else if (s.kind === 'mention') {
      const user = store.userByName(s.username);
      if (user)
        out.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did: blueskyDid(user) }] });
    }
  }
  return out;
}

export function renderPostView(post: SimPost, store: Store): JsonObject {
  const author = store.user(post.authorId);
  const { uri, cid } = strongRef(post, store);
  const record: JsonObject = {
    $type: 'app.bsky.feed.post',
    createdAt: post.createdAt,
    langs: [post.lang],
    text: post.text,
  };
  const richText = facets(post, store);
  if (richText.length > 0) record['facets'] = richText;
  const parent = post.inReplyTo ? store.post(post.inReplyTo.tweetId) : undefined;
  const root = store.post(post.conversationId);
  if (parent?.platform === 'bluesky') {
    record['reply'] = {
      root: strongRef(root?.platform === 'bluesky' ? root : parent, store),
      parent: strongRef(parent, store),
    };
  }
  return {
    uri,
    cid,
    author: author ? renderProfile(author) : null,
    record,
    replyCount: post.metrics.reply_count,
    repostCount: post.metrics.retweet_count,
    likeCount: post.metrics.like_count,
    quoteCount: post.metrics.quote_count,
    indexedAt: indexedAt(post),
    viewer: { threadMuted: false, embeddingDisabled: false },
    labels: [],
  };
}
