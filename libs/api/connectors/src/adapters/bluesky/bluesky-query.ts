import type { ListeningQuerySpec } from '@ecoute/contracts';
import {
  assertRequestCount,
  assertSomethingToFind,
  bareHandle,
  bareHashtag,
  quoteTerm,
  uniqueCaseInsensitive,
} from '../../query/terms';

/**
 * Bluesky post search: one search per include term (phrases quoted; includeMode 'all': one search with
 * every term), per hashtag (`#tag`) and per handle, each followed by the exclusions (`-term`) and, for a
 * single language, `lang:xx`. A Bluesky handle (it has a dot: `brand.bsky.social`) becomes `mentions:handle`;
 * a handle from another platform (`@brand`) is searched as the word, which finds "@brand" in the text.
 */
export function compileBlueskyQuery(spec: ListeningQuerySpec): string[] {
  assertSomethingToFind(spec);
  const suffix = [
    ...spec.exclude.map((t) => `-${quoteTerm(t)}`),
    ...(spec.languages.length === 1 ? [`lang:${spec.languages[0]}`] : []),
  ];
  const search = (words: string) => [words, ...suffix].join(' ');
  const terms = spec.include.map(quoteTerm);
  const termRequests =
    spec.includeMode === 'all' && terms.length > 0 ? [search(terms.join(' '))] : terms.map(search);
  const requests = uniqueCaseInsensitive([
    ...termRequests,
    ...spec.hashtags.map((h) => search(`#${bareHashtag(h)}`)),
    ...spec.handles.map((h) => search(bareHandle(h).includes('.') ? `mentions:${bareHandle(h)}` : bareHandle(h))),
  ]);
  assertRequestCount('Bluesky', requests);
  return requests;
}
