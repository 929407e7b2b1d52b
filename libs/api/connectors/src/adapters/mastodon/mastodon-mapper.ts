import type { FetchedMention } from '../../types';
import { htmlToText } from '../../text/html-to-text';
import { parsePayload } from '../../schema/parse';
import { MastodonStatus, type MastodonStatusCore } from './mastodon-schema';

function mapCore(status: MastodonStatusCore, raw: unknown, repostOf: FetchedMention | null): FetchedMention {
  const account = status.account;
  const body = htmlToText(status.content);
  const warning = status.spoiler_text?.trim();
  return {
    externalId: status.id,
    url: status.url ?? status.uri,
    text: warning ? `${warning}\n\n${body}` : body,
    language: status.language ?? null,
    createdAt: new Date(status.created_at),
    author: {
      externalId: account.id,
      handle: account.acct,
      name: account.display_name || account.username,
      followers: account.followers_count ?? 0,
      verified: false,
      avatarUrl: account.avatar ?? null,
    },
    metrics: {
      likes: status.favourites_count ?? 0,
      reposts: status.reblogs_count ?? 0,
      replies: status.replies_count ?? 0,
      quotes: status.quotes_count ?? 0,
      bookmarks: 0,
      views: 0,
    },
    // only the parent is known, not the root of the thread
    threadId: status.in_reply_to_id ?? status.id,
    parentExternalId: status.in_reply_to_id ?? null,
    isRepost: repostOf !== null,
    repostOf,
    raw,
  };
}

/** A Mastodon Status as a mention; a reblog carries the reblogged status as `repostOf`. */
export function mapMastodonStatus(status: MastodonStatus, raw: unknown): FetchedMention {
  const rawRecord = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const repostOf = status.reblog ? mapCore(status.reblog, rawRecord['reblog'] ?? null, null) : null;
  return mapCore(status, raw, repostOf);
}

/** Validates and maps the statuses of a search or timeline response. */
export function mapMastodonStatuses(items: readonly unknown[]): FetchedMention[] {
  return items.map((raw, i) =>
    mapMastodonStatus(parsePayload(MastodonStatus, raw, 'Mastodon', `status ${i}`), raw),
  );
}
