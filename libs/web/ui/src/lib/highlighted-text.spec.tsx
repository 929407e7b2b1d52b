import { findTermRanges } from '@ecoute/contracts';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { HighlightedText, type EvidenceHighlight } from './highlighted-text';

function marks(text: string, terms: string[]) {
  const { container } = render(
    <MantineProvider env="test">
      <HighlightedText text={text} ranges={findTermRanges(text, terms)} testId="t" />
    </MantineProvider>,
  );
  const el = container.querySelector('[data-testid="t"]') as HTMLElement;
  return { text: el.textContent, marks: [...el.querySelectorAll('mark')].map((m) => m.textContent) };
}

describe('HighlightedText', () => {
  it('marks the terms, case-insensitively and on word boundaries, and keeps the whole text', () => {
    const text = 'Lumio fibre down again. #lumio @lumio_help, not lumios';
    expect(marks(text, ['lumio', 'fibre down'])).toEqual({ text, marks: ['Lumio', 'fibre down', 'lumio'] });
  });

  it('renders the text as it is without ranges', () => {
    expect(marks('nothing here', [])).toEqual({ text: 'nothing here', marks: [] });
  });

  it('ignores ranges that overlap or fall outside the text', () => {
    const { container } = render(
      <MantineProvider env="test">
        <HighlightedText
          text="abcdef"
          ranges={[
            { start: 0, end: 2 },
            { start: 1, end: 3 },
            { start: 4, end: 99 },
          ]}
          testId="t"
        />
      </MantineProvider>,
    );
    const el = container.querySelector('[data-testid="t"]') as HTMLElement;
    expect(el.textContent).toBe('abcdef');
    expect([...el.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ab']);
  });

  describe('with sentiment evidence', () => {
    function render2(text: string, terms: string[], evidence: EvidenceHighlight[]) {
      const { container } = render(
        <MantineProvider env="test">
          <HighlightedText text={text} ranges={findTermRanges(text, terms)} evidence={evidence} testId="t" />
        </MantineProvider>,
      );
      const el = container.querySelector('[data-testid="t"]') as HTMLElement;
      return {
        text: el.textContent,
        all: [...el.querySelectorAll('mark')].map((m) => m.textContent),
        evidence: [...el.querySelectorAll('[data-testid="evidence-mark"]')].map((m) => ({
          text: m.textContent,
          polarity: m.getAttribute('data-polarity'),
          title: m.getAttribute('title'),
          matched: m.hasAttribute('data-matched'),
        })),
      };
    }
    const ev = (
      text: string,
      word: string,
      polarity: 'positive' | 'negative',
      label: string,
    ): EvidenceHighlight => {
      const start = text.indexOf(word);
      return { start, end: start + word.length, polarity, label };
    };

    it('marks positive and negative evidence apart from the matched terms, with what they stand for', () => {
      const text = 'Love my Lumio fibre but the app is slow';
      const r = render2(
        text,
        ['lumio'],
        [
          ev(text, 'Love', 'positive', 'positive: Love (+0.8)'),
          ev(text, 'slow', 'negative', 'negative: slow (-0.5)'),
        ],
      );
      expect(r.text).toBe(text);
      expect(r.all).toEqual(['Love', 'Lumio', 'slow']);
      expect(r.evidence).toEqual([
        { text: 'Love', polarity: 'positive', title: 'positive: Love (+0.8)', matched: false },
        { text: 'slow', polarity: 'negative', title: 'negative: slow (-0.5)', matched: false },
      ]);
    });

    it('renders one mark where an evidence word and a matched term overlap', () => {
      const text = 'lumio fibre rocks';
      // the matched phrase "lumio fibre" contains the evidence word "fibre"
      const same = render2(text, ['lumio fibre'], [ev(text, 'fibre', 'positive', 'positive: fibre (+1)')]);
      expect(same.text).toBe(text);
      expect(same.all).toEqual(['lumio ', 'fibre']);
      expect(same.evidence).toEqual([
        { text: 'fibre', polarity: 'positive', title: 'positive: fibre (+1)', matched: true },
      ]);

      // the evidence and the matched term are the same word: one mark, both
      const both = render2(
        'rocks!',
        ['rocks'],
        [{ start: 0, end: 5, polarity: 'positive', label: 'positive: rocks (+1)' }],
      );
      expect(both.all).toEqual(['rocks']);
      expect(both.evidence[0]).toMatchObject({ text: 'rocks', matched: true });
    });

    it('ignores evidence ranges that overlap or fall outside the text', () => {
      const r = render2(
        'good good',
        [],
        [
          { start: 0, end: 4, polarity: 'positive', label: 'a' },
          { start: 2, end: 6, polarity: 'positive', label: 'b' },
          { start: 5, end: 40, polarity: 'negative', label: 'c' },
        ],
      );
      expect(r.text).toBe('good good');
      expect(r.evidence.map((e) => e.title)).toEqual(['a']);
    });
  });
});
