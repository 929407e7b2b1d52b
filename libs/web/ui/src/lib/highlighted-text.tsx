import { Mark, Text, type TextProps } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import type { EvidencePolarity } from './evidence';

export interface TextRange {
  start: number;
  end: number;
}

/** A span of the text that sentiment evidence points at. */
export interface EvidenceHighlight extends TextRange {
  polarity: EvidencePolarity;
  /** what the highlight stands for, shown on hover: "positive: love (+0.8)" */
  label: string;
}

export interface HighlightedTextProps extends Omit<TextProps, 'children'> {
  text: string;
  /**
   * What to highlight: sorted, non-overlapping ranges of `text` (as returned by `findTermRanges` of the
   * contracts, which the caller runs: this library takes types only from the contracts).
   */
  ranges: readonly TextRange[];
  /**
   * The sentiment evidence to highlight by polarity: sorted, non-overlapping ranges (as `findEvidenceRanges` of
   * the data access returns them). An evidence word that overlaps a matched term is one highlight, marked as both.
   */
  evidence?: readonly EvidenceHighlight[];
  /** the language of the text, for screen readers and hyphenation */
  lang?: string;
  testId?: string;
}

/** Keeps the ranges that are sorted, not empty, inside the text and do not overlap the one before. */
function usable<T extends TextRange>(ranges: readonly T[], length: number): T[] {
  const out: T[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end <= r.start || r.end > length) continue;
    out.push(r);
    at = r.end;
  }
  return out;
}

type Piece =
  | { kind: 'match'; start: number; end: number }
  | { kind: 'evidence'; start: number; end: number; highlight: EvidenceHighlight; matched: boolean };

/**
 * The highlights in text order, never overlapping: each evidence word whole (flagged when a matched term overlaps
 * it), and the matched terms around them.
 */
function pieces(matches: readonly TextRange[], evidence: readonly EvidenceHighlight[]): Piece[] {
  const out: Piece[] = evidence.map((e) => ({
    kind: 'evidence',
    start: e.start,
    end: e.end,
    highlight: e,
    matched: matches.some((m) => m.start < e.end && e.start < m.end),
  }));
  for (const m of matches) {
    let from = m.start;
    for (const e of evidence) {
      if (e.end <= from || e.start >= m.end) continue;
      if (e.start > from) out.push({ kind: 'match', start: from, end: e.start });
      from = Math.max(from, e.end);
    }
    if (from < m.end) out.push({ kind: 'match', start: from, end: m.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A post's text with the matched terms in yellow <mark>s, which screen readers can announce as highlighted, and
 * the sentiment evidence highlighted by polarity: green with a straight underline for positive, red with a wavy
 * underline for negative (so not by colour alone), with what it stands for on hover.
 */
export function HighlightedText({
  text,
  ranges,
  evidence = [],
  lang,
  testId,
  ...rest
}: HighlightedTextProps) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const p of pieces(usable(ranges, text.length), usable(evidence, text.length))) {
    if (p.start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, p.start)}</Fragment>);
    const slice = text.slice(p.start, p.end);
    parts.push(
      p.kind === 'match' ? (
        <Mark key={`m${p.start}`} color="yellow" px={1} style={{ borderRadius: 3 }}>
          {slice}
        </Mark>
      ) : (
        <Mark
          key={`e${p.start}`}
          color={p.matched ? 'yellow' : p.highlight.polarity === 'positive' ? 'teal.1' : 'red.1'}
          px={1}
          className="ec-evidence"
          title={p.highlight.label}
          data-testid="evidence-mark"
          data-polarity={p.highlight.polarity}
          data-matched={p.matched || undefined}
        >
          {slice}
        </Mark>
      ),
    );
    at = p.end;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return (
    <Text
      size="sm"
      style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}
      lang={lang}
      data-testid={testId}
      {...rest}
    >
      {parts}
    </Text>
  );
}
