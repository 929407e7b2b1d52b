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
 * Hacker News search (Algolia) has no OR and no exclusion: one search per include term (phrases quoted;
 * includeMode 'all': one search with every term), per hashtag and per handle (as bare words). Exclusions and
 * languages are left to the local matcher.
 */
export function compileHackerNewsQuery(spec: ListeningQuerySpec): string[] {
  assertSomethingToFind(spec);
  const terms = spec.include.map(quoteTerm);
  const termRequests = spec.includeMode === 'all' && terms.length > 0 ? [terms.join(' ')] : terms;
  const requests = uniqueCaseInsensitive([
    ...termRequests,
    ...spec.hashtags.map(bareHashtag),
    ...spec.handles.map(bareHandle),
  ]);
  assertRequestCount('Hacker News', requests);
  return requests;
}
