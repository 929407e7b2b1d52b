import { findTermRanges } from '@ecoute/contracts';
import { HighlightedText, type HighlightedTextProps } from '@ecoute/web-ui';

export interface MatchedTextProps extends Omit<HighlightedTextProps, 'ranges'> {
  /** the terms to highlight, found case-insensitively on word boundaries */
  terms: readonly string[];
}

/** A post's text with the terms its listening queries matched in <mark>. */
export function MatchedText({ text, terms, ...rest }: MatchedTextProps) {
  return <HighlightedText text={text} ranges={findTermRanges(text, terms)} {...rest} />;
}
