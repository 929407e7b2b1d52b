import type { ListeningQuerySpec } from '@ecoute/contracts';
import { ConnectorError } from '../../connector-error';

/** X recent search accepts queries of at most 512 characters (self-serve access). */
export const X_QUERY_MAX_LENGTH = 512;

const quote = (term: string) => (/[\s"]/u.test(term) ? `"${term.replace(/"/g, '')}"` : term);

/** Compiles a listening query into X search syntax, e.g. `(lumio OR #Lumio OR @lumio) -job lang:en -is:retweet`. */
export function compileXQuery(spec: ListeningQuerySpec): string {
  const any = [
    ...spec.include.map(quote),
    ...spec.hashtags.map((h) => `#${h.replace(/^#/, '')}`),
    ...spec.handles.map((h) => `@${h.replace(/^@/, '')}`),
  ];
  if (any.length === 0) throw new ConnectorError('bad_query', 'the query needs at least one term, hashtag or handle');
  const parts = [any.length === 1 ? any[0] : `(${any.join(' OR ')})`];
  for (const term of spec.exclude) parts.push(`-${quote(term)}`);
  if (spec.languages.length === 1) parts.push(`lang:${spec.languages[0]}`);
  else if (spec.languages.length > 1) parts.push(`(${spec.languages.map((l) => `lang:${l}`).join(' OR ')})`);
  if (!spec.includeReposts) parts.push('-is:retweet');
  const text = parts.join(' ');
  if (text.length > X_QUERY_MAX_LENGTH) {
    throw new ConnectorError('bad_query', `the X query is ${text.length} characters; X allows at most ${X_QUERY_MAX_LENGTH}`);
  }
  return text;
}
