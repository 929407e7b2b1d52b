import { findTermRanges } from '@ecoute/contracts';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { HighlightedText } from './highlighted-text';

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
});
