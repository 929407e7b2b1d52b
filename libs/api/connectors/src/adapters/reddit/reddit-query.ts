import type { ListeningQuerySpec } from '@ecoute/contracts';
import {
  assertLength,
  assertSomethingToFind,
  bareHandle,
  bareHashtag,
  quoteTerm,
  uniqueCaseInsensitive,
} from '../../query/terms';

/** Reddit search refuses a `q` longer than 512 characters. */
export const REDDIT_QUERY_MAX_LENGTH = 512;

/**
 * One Reddit search (it has OR and NOT): `(lumio OR "lumio fibre" OR Lumio) NOT job`; includeMode 'all' ANDs
 * the terms into one alternative. Hashtags and handles are bare words. Reddit has no language filter.
 */
export function compileRedditQuery(spec: ListeningQuerySpec): string {
  assertSomethingToFind(spec);
  const terms = spec.include.map(quoteTerm);
  const others = uniqueCaseInsensitive([...spec.hashtags.map(bareHashtag), ...spec.handles.map(bareHandle)]);
  const allOf = spec.includeMode === 'all' && terms.length > 1;
  const alternatives = uniqueCaseInsensitive(
    allOf ? [`(${terms.join(' AND ')})`, ...others] : [...terms, ...others],
  );
  let head: string;
  if (alternatives.length > 1) head = `(${alternatives.join(' OR ')})`;
  else head = allOf ? terms.join(' AND ') : alternatives[0];
  const text = [head, ...spec.exclude.map((t) => `NOT ${quoteTerm(t)}`)].join(' ');
  assertLength('Reddit', text, REDDIT_QUERY_MAX_LENGTH);
  return text;
}
