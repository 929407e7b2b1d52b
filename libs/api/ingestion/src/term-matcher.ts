import type { ListeningQuerySpec } from '@ecoute/contracts';

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const boundary = '[^\\p{L}\\p{N}_]';

/** compiled patterns by needle: a query's few terms are tested against every post of every page */
const patterns = new Map<string, RegExp>();

function contains(haystack: string, needle: string, wordStart: boolean): boolean {
  const key = `${wordStart ? 'w' : 's'}${needle}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    if (patterns.size >= 10_000) patterns.clear();
    pattern = new RegExp(`${wordStart ? `(^|${boundary})` : ''}${escape(normalise(needle))}($|${boundary})`, 'u');
    patterns.set(key, pattern);
  }
  return pattern.test(haystack);
}

/**
 * Which of a query's terms a post really contains (platform search is fuzzy). Words and phrases match on
 * word boundaries, case-insensitively; hashtags and handles match with their sigil, and a handle also
 * matches posts written by that account.
 */
export function matchTerms(spec: ListeningQuerySpec, text: string, authorHandle?: string): string[] {
  return termsIn(spec, normalise(text), authorHandle);
}

function termsIn(spec: ListeningQuerySpec, haystack: string, authorHandle?: string): string[] {
  const found: string[] = [];
  for (const term of spec.include) if (contains(haystack, term, true)) found.push(term);
  for (const tag of spec.hashtags) {
    const t = `#${tag.replace(/^#/, '')}`;
    if (contains(haystack, t, false)) found.push(t);
  }
  const author = authorHandle ? normalise(authorHandle.replace(/^@/, '')) : null;
  for (const handle of spec.handles) {
    const bare = handle.replace(/^@/, '');
    if (contains(haystack, `@${bare}`, false) || author === normalise(bare)) found.push(`@${bare}`);
  }
  return found;
}

export interface LocalVerdict {
  matchedTerms: string[];
  /** why the local matcher drops the post, or null to keep it */
  dropReason: 'excluded_term' | 'language' | null;
}

/**
 * The local check every fetched post goes through. Exclusions and languages are enforced here, because some
 * platforms cannot express them; inclusions are recorded (the terms found), not enforced, because platforms
 * match on fields and stems the text alone does not show.
 */
export function judgeLocally(spec: ListeningQuerySpec, text: string, language: string | null, authorHandle?: string): LocalVerdict {
  const haystack = normalise(text);
  const matchedTerms = termsIn(spec, haystack, authorHandle);
  if (spec.exclude.some((term) => contains(haystack, term, true))) return { matchedTerms, dropReason: 'excluded_term' };
  if (spec.languages.length > 0 && language && !spec.languages.includes(language.slice(0, 2).toLowerCase())) {
    return { matchedTerms, dropReason: 'language' };
  }
  return { matchedTerms, dropReason: null };
}
