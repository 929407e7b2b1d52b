import type { ListeningQuerySpec } from '@ecoute/contracts';
import { ConnectorError } from '../connector-error';

/** A term as a search word: phrases (with a space or a quote) are quoted, inner quotes dropped. */
export const quoteTerm = (term: string): string =>
  /[\s"]/u.test(term) ? `"${term.replace(/"/g, '')}"` : term;

export const bareHashtag = (tag: string): string => tag.replace(/^#/, '');
export const bareHandle = (handle: string): string => handle.replace(/^@/, '');

/** Drops repeated strings, case-insensitively, keeping the first spelling. */
export function uniqueCaseInsensitive(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function assertSomethingToFind(spec: ListeningQuerySpec): void {
  if (spec.include.length + spec.hashtags.length + spec.handles.length === 0) {
    throw new ConnectorError('bad_query', 'the query needs at least one term, hashtag or handle');
  }
}

/**
 * Platforms without OR get one request per term, and each request costs a call on every poll: a query may
 * need at most this many.
 */
export const MAX_REQUESTS_PER_QUERY = 20;

export function assertRequestCount(platform: string, requests: readonly string[]): void {
  if (requests.length > MAX_REQUESTS_PER_QUERY) {
    throw new ConnectorError(
      'bad_query',
      `the ${platform} query needs ${requests.length} searches (${platform} search has no OR); ` +
        `at most ${MAX_REQUESTS_PER_QUERY} per query`,
    );
  }
}

/**
 * The include terms as searches, for a platform without OR: one per term (phrases quoted), or with includeMode
 * 'all', one search with every term.
 */
export function includeSearches(spec: ListeningQuerySpec): string[] {
  const terms = spec.include.map(quoteTerm);
  return spec.includeMode === 'all' && terms.length > 0 ? [terms.join(' ')] : terms;
}

/**
 * Writes a search followed by the exclusions (`-term`, phrases quoted) and, when the query names a single
 * language, the platform's language filter (`languageFilter('en')`, e.g. `lang:en`).
 */
export function searchWithExclusions(
  spec: ListeningQuerySpec,
  languageFilter: (language: string) => string,
): (words: string) => string {
  const suffix = [
    ...spec.exclude.map((t) => `-${quoteTerm(t)}`),
    ...(spec.languages.length === 1 ? [languageFilter(spec.languages[0])] : []),
  ];
  return (words) => [words, ...suffix].join(' ');
}

/**
 * The requests of a platform without OR (one per term, hashtag or handle): repeats dropped, case-insensitively,
 * and at most MAX_REQUESTS_PER_QUERY of them.
 */
export function oneRequestPerSearch(
  platform: string,
  spec: ListeningQuerySpec,
  searches: readonly string[],
): string[] {
  assertSomethingToFind(spec);
  const requests = uniqueCaseInsensitive(searches);
  assertRequestCount(platform, requests);
  return requests;
}

export function assertLength(platform: string, text: string, max: number): void {
  if (text.length > max) {
    throw new ConnectorError(
      'bad_query',
      `the ${platform} query is ${text.length} characters; ${platform} allows at most ${max}`,
    );
  }
}
