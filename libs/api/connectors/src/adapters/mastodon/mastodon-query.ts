import type { ListeningQuerySpec } from '@ecoute/contracts';
import {
  bareHandle,
  bareHashtag,
  includeSearches,
  oneRequestPerSearch,
  searchWithExclusions,
} from '../../query/terms';

const TAG_REQUEST = /^#([\p{L}\p{N}_]+)$/u;

/** A request written `#tag` is a hashtag timeline; any other is a full-text search. */
export function tagOfRequest(request: string): string | null {
  return TAG_REQUEST.exec(request)?.[1] ?? null;
}

/**
 * Mastodon full-text search has no OR: one search per include term (phrases quoted; includeMode 'all': one
 * search with every term), one per handle (`@handle`), each followed by the exclusions (`-term`) and, for a
 * single language, `language:xx`. Each hashtag is a tag timeline, written `#tag`.
 */
export function compileMastodonQuery(spec: ListeningQuerySpec): string[] {
  const search = searchWithExclusions(spec, (language) => `language:${language}`);
  return oneRequestPerSearch('Mastodon', spec, [
    ...includeSearches(spec).map(search),
    ...spec.handles.map((h) => search(`@${bareHandle(h)}`)),
    ...spec.hashtags.map((h) => `#${bareHashtag(h)}`),
  ]);
}
