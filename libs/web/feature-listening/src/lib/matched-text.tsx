import { findTermRanges, type EvidenceTerm } from '@ecoute/contracts';
import { HighlightedText, type HighlightedTextProps } from '@ecoute/web-ui';
import { useEvidenceLabels } from './evidence-labels';

export interface MatchedTextProps extends Omit<HighlightedTextProps, 'ranges' | 'evidence'> {
  /** the terms to highlight, found case-insensitively on word boundaries */
  terms: readonly string[];
  /** the sentiment evidence to highlight by polarity, found the same way */
  evidence?: readonly EvidenceTerm[];
}

/** A post's text with the terms its listening queries matched in <mark>, and its sentiment evidence. */
export function MatchedText({ text, terms, evidence = [], ...rest }: MatchedTextProps) {
  const { highlights } = useEvidenceLabels();
  return (
    <HighlightedText
      text={text}
      ranges={findTermRanges(text, terms)}
      evidence={highlights(text, evidence)}
      {...rest}
    />
  );
}
