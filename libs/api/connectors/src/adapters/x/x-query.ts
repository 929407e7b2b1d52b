import type { ListeningQuerySpec } from '@ecoute/contracts';
import { assertLength, assertSomethingToFind, bareHandle, bareHashtag, quoteTerm } from '../../query/terms';

/** X recent search accepts queries of at most 512 characters (self-serve access). */
export const X_QUERY_MAX_LENGTH = 512;

/**
 * Compiles a listening query into X search syntax, e.g. `(lumio OR #Lumio OR @lumio) -job lang:en -is:retweet`.
 * With includeMode 'all' the terms are AND-ed into one alternative: `((lumio fibre) OR #Lumio) -is:retweet`.
 */
export function compileXQuery(spec: ListeningQuerySpec): string {
  assertSomethingToFind(spec);
  const terms = spec.include.map(quoteTerm);
  const others = [
    ...spec.hashtags.map((h) => `#${bareHashtag(h)}`),
    ...spec.handles.map((h) => `@${bareHandle(h)}`),
  ];
  const allOf = spec.includeMode === 'all' && terms.length > 1;
  const alternatives = allOf ? [`(${terms.join(' ')})`, ...others] : [...terms, ...others];
  let head: string;
  if (alternatives.length > 1) head = `(${alternatives.join(' OR ')})`;
  else head = allOf ? terms.join(' ') : alternatives[0];
  const parts = [head];
  for (const term of spec.exclude) parts.push(`-${quoteTerm(term)}`);
  if (spec.languages.length === 1) parts.push(`lang:${spec.languages[0]}`);
  else if (spec.languages.length > 1) parts.push(`(${spec.languages.map((l) => `lang:${l}`).join(' OR ')})`);
  if (!spec.includeReposts) parts.push('-is:retweet');
  const text = parts.join(' ');
  assertLength('X', text, X_QUERY_MAX_LENGTH);
  return text;
}
