/**
 * Renders posts as Mastodon Status entities and their authors as Account entities, with the fields of the real
 * ones (mastodon/documentation's Status example, Mastodon.py's cassettes of a 4.x server): the text as HTML with
 * hashtags, mentions and links marked up the way Mastodon's formatter does, counts from the post's metrics.
 */
import { mastodonAccountId } from './identities';
import type { SimPost, SimUser } from './model';
import { escapeHtml, segments } from './segments';
import type { Store } from './store';
import type { JsonObject } from './x-render';

export const MASTODON_HOST = 'mastodon.example';
const BASE = `https://${MASTODON_HOST}`;

export function mastodonStatusUrl(username: string, id: string): string {
  return `${BASE}/@${username}/${id}`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** Mastodon shows an account's creation day, at midnight */
function midnight(iso: string): string {
  return `${day(iso)}T00:00:00.000Z`;
}

/** /system/accounts/avatars/117/020/565/966/271/181/original/<hash>.jpg: the id in groups of three */
function mediaPath(kind: 'avatars' | 'headers', accountId: string, file: string): string {
  const padded = accountId.padStart(Math.ceil(accountId.length / 3) * 3, '0');
  const groups = padded.match(/\d{3}/g) ?? [padded];
  return `${BASE}/system/accounts/${kind}/${groups.join('/')}/original/${file}`;
}

export function renderAccount(user: SimUser, lastStatusAt: string): JsonObject {
  const id = mastodonAccountId(user);
  const hex = BigInt(id).toString(16).slice(-16).padStart(16, '0');
  const avatar = mediaPath('avatars', id, `${hex}.jpg`);
  const header = mediaPath('headers', id, `${hex.split('').reverse().join('')}.png`);
  return {
    id,
    username: user.username,
    acct: user.username,
    display_name: user.name,
    locked: false,
    bot: false,
    discoverable: true,
    indexable: true,
    group: false,
    created_at: midnight(user.createdAt),
    note: user.description === '' ? '' : `<p>${escapeHtml(user.description)}</p>`,
    url: `${BASE}/@${user.username}`,
    uri: `${BASE}/users/${user.username}`,
    avatar,
    avatar_static: avatar,
    avatar_description: '',
    header,
    header_static: header,
    header_description: '',
    followers_count: user.metrics.followers_count,
    following_count: user.metrics.following_count,
    statuses_count: user.metrics.tweet_count,
    last_status_at: day(lastStatusAt),
    hide_collections: null,
    show_media: true,
    show_media_replies: true,
    show_featured: true,
    noindex: false,
    feature_approval: { automatic: ['public'], manual: [], current_user: 'automatic' },
    emojis: [],
    roles: [],
    fields: [],
  };
}

function linkHtml(url: string): string {
  const m = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url);
  const prefix = m ? m[1] : '';
  const rest = m ? m[2] : url;
  const shown = rest.slice(0, 30);
  const hidden = rest.slice(30);
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    `<span class="${hidden === '' ? '' : 'ellipsis'}">${escapeHtml(shown)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  );
}

/** the post's text as Mastodon's HTML: paragraphs, line breaks, links, known mentions and hashtags */
export function statusContent(post: SimPost, store: Store): string {
  const html = segments(post)
    .map((s) => {
      switch (s.kind) {
        case 'text':
          return escapeHtml(s.text);
        case 'url':
          return linkHtml(s.url);
        case 'hashtag':
          return (
            `<a href="${BASE}/tags/${encodeURIComponent(s.tag.toLowerCase())}" class="mention hashtag" rel="tag">` +
            `#<span>${escapeHtml(s.tag)}</span></a>`
          );
        case 'mention': {
          const user = store.userByName(s.username);
          if (!user) return escapeHtml(s.text);
          return (
            `<span class="h-card" translate="no"><a href="${BASE}/@${user.username}" class="u-url mention">` +
            `@<span>${escapeHtml(user.username)}</span></a></span>`
          );
        }
      }
    })
    .join('');
  const paragraphs = html.split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br />')}</p>`);
  return paragraphs.join('');
}

export function renderStatus(post: SimPost, store: Store): JsonObject {
  const author = store.user(post.authorId);
  const parent = post.inReplyTo ? store.post(post.inReplyTo.tweetId) : undefined;
  const parentAuthor = post.inReplyTo ? store.user(post.inReplyTo.userId) : undefined;
  const username = author?.username ?? 'unknown';
  const mentions = (post.entities.mentions ?? []).flatMap((m) => {
    const u = store.userByName(m.username);
    return u
      ? [{ id: mastodonAccountId(u), username: u.username, url: `${BASE}/@${u.username}`, acct: u.username }]
      : [];
  });
  const seenTags = new Set<string>();
  const tags = (post.entities.hashtags ?? []).flatMap((h) => {
    const name = h.tag.toLowerCase();
    if (seenTags.has(name)) return [];
    seenTags.add(name);
    return [{ name, url: `${BASE}/tags/${encodeURIComponent(name)}` }];
  });
  return {
    id: post.nativeId,
    created_at: post.createdAt,
    in_reply_to_id: parent?.nativeId ?? post.inReplyTo?.tweetId ?? null,
    in_reply_to_account_id: parentAuthor ? mastodonAccountId(parentAuthor) : null,
    sensitive: post.possiblySensitive,
    spoiler_text: '',
    visibility: 'public',
    language: post.lang,
    uri: `${BASE}/users/${username}/statuses/${post.nativeId}`,
    url: mastodonStatusUrl(username, post.nativeId),
    replies_count: post.metrics.reply_count,
    reblogs_count: post.metrics.retweet_count,
    favourites_count: post.metrics.like_count,
    quotes_count: post.metrics.quote_count,
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: statusContent(post, store),
    filtered: [],
    reblog: null,
    application: { name: 'Web', website: null },
    account: author ? renderAccount(author, post.createdAt) : null,
    media_attachments: [],
    mentions,
    tags,
    emojis: [],
    tagged_collections: [],
    quote: null,
    card: null,
    poll: null,
    quote_approval: { automatic: ['public'], manual: [], current_user: 'automatic' },
  };
}
