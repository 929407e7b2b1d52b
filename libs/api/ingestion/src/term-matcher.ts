import type { ListeningQuerySpec } from '@ecoute/contracts';

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which of a query's terms a post really contains (platform search is fuzzy). Words and phrases match on
 * word boundaries, case-insensitively; hashtags and handles match with their sigil.
 */
export function matchTerms(spec: ListeningQuerySpec, text: string): string[] {
  const haystack = normalise(text);
  const found: string[] = [];
  for (const term of spec.include) {
    if (new RegExp(`(^|[^\\p{L}\\p{N}_])${escape(normalise(term))}($|[^\\p{L}\\p{N}_])`, 'u').test(haystack)) found.push(term);
  }
  for (const tag of spec.hashtags) {
    const t = `#${tag.replace(/^#/, '')}`;
    if (new RegExp(`${escape(normalise(t))}($|[^\\p{L}\\p{N}_])`, 'u').test(haystack)) found.push(t);
  }
  for (const handle of spec.handles) {
    const h = `@${handle.replace(/^@/, '')}`;
    if (new RegExp(`${escape(normalise(h))}($|[^\\p{L}\\p{N}_])`, 'u').test(haystack)) found.push(h);
  }
  return found;
}
