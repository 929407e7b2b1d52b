import type { ListeningQuerySpec } from '@ecoute/contracts';
import {
  assertRequestCount,
  assertSomethingToFind,
  bareHandle,
  bareHashtag,
  quoteTerm,
  uniqueCaseInsensitive,
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
  assertSomethingToFind(spec);
  const suffix = [
    ...spec.exclude.map((t) => `-${quoteTerm(t)}`),
    ...(spec.languages.length === 1 ? [`language:${spec.languages[0]}`] : []),
  ];
  const search = (words: string) => [words, ...suffix].join(' ');
  const terms = spec.include.map(quoteTerm);
  const termRequests =
    spec.includeMode === 'all' && terms.length > 0 ? [search(terms.join(' '))] : terms.map(search);
  const requests = uniqueCaseInsensitive([
    ...termRequests,
    ...spec.handles.map((h) => search(`@${bareHandle(h)}`)),
    ...spec.hashtags.map((h) => `#${bareHashtag(h)}`),
  ]);
  assertRequestCount('Mastodon', requests);
  return requests;
}
