import { findTermRanges, type EvidenceTerm } from '@ecoute/contracts';

export interface EvidenceRange {
  start: number;
  end: number;
  /** the evidence the span of the text stands for */
  term: EvidenceTerm;
}

/**
 * Where a post's text holds the words, emoji and hashtags of its sentiment evidence: sorted, non-overlapping
 * ranges, found case-insensitively on word boundaries (as the listening matches are). Evidence of no weight, and
 * features that are not a span of the text ("all caps"), are left out. The web UI library takes types only from
 * the contracts, so the screens compute these ranges and hand them over.
 */
export function findEvidenceRanges(text: string, evidence: readonly EvidenceTerm[]): EvidenceRange[] {
  const byText = new Map<string, EvidenceTerm>();
  for (const e of evidence) {
    const key = e.text.trim().toLowerCase();
    // the strongest first: keep the first evidence of each text
    if (key && e.weight !== 0 && !byText.has(key)) byText.set(key, e);
  }
  if (byText.size === 0) return [];
  return findTermRanges(
    text,
    [...byText.values()].map((e) => e.text.trim()),
  ).flatMap((r) => {
    const term = byText.get(r.term.toLowerCase());
    return term ? [{ start: r.start, end: r.end, term }] : [];
  });
}
