import type { ListeningQuerySpec } from '@ecoute/contracts';
import { bareHandle, bareHashtag, includeSearches, oneRequestPerSearch } from '../../query/terms';

/**
 * Hacker News search (Algolia) has no OR and no exclusion: one search per include term (phrases quoted;
 * includeMode 'all': one search with every term), per hashtag and per handle (as bare words). Exclusions and
 * languages are left to the local matcher.
 */
export function compileHackerNewsQuery(spec: ListeningQuerySpec): string[] {
  return oneRequestPerSearch('Hacker News', spec, [
    ...includeSearches(spec),
    ...spec.hashtags.map(bareHashtag),
    ...spec.handles.map(bareHandle),
  ]);
}
