import { Mark, Text, type TextProps } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

export interface TextRange {
  start: number;
  end: number;
}

export interface HighlightedTextProps extends Omit<TextProps, 'children'> {
  text: string;
  /**
   * What to highlight: sorted, non-overlapping ranges of `text` (as returned by `findTermRanges` of the
   * contracts, which the caller runs: this library takes types only from the contracts).
   */
  ranges: readonly TextRange[];
  /** the language of the text, for screen readers and hyphenation */
  lang?: string;
  testId?: string;
}

/** A post's text with the matched terms in <mark>, which screen readers can announce as highlighted. */
export function HighlightedText({ text, ranges, lang, testId, ...rest }: HighlightedTextProps) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end <= r.start || r.end > text.length) continue;
    if (r.start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, r.start)}</Fragment>);
    parts.push(
      <Mark key={`m${r.start}`} color="yellow" px={1} style={{ borderRadius: 3 }}>
        {text.slice(r.start, r.end)}
      </Mark>,
    );
    at = r.end;
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
