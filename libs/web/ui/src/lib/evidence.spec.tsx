import type { SentimentDto } from '@ecoute/contracts';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { MentionIntents, SentimentEvidence, type SentimentEvidenceLabels } from './evidence';

const labels: SentimentEvidenceLabels = {
  sources: {
    lexicon: 'lexicon',
    model: 'model',
    emoji: 'emoji',
    hashtag: 'hashtag',
    tuning: 'tuning',
    rule: 'rule',
  },
  negated: 'negated',
  intensified: 'intensified',
  label: 'Positive',
  scoreHint: 'Score +0.4',
  confidence: (p) => `${p} confident`,
  notScored: 'Not scored for this language',
  none: 'No opinion words found.',
  evidence: 'Why this sentiment',
  corrected: 'Corrected',
  correctedHint: 'An agent corrected this sentiment.',
};

function show(sentiment: SentimentDto, corrected = false) {
  render(
    <MantineProvider env="test">
      <SentimentEvidence sentiment={sentiment} locale="en" labels={labels} corrected={corrected} />
    </MantineProvider>,
  );
  return screen.getByTestId('sentiment-evidence');
}

describe('SentimentEvidence', () => {
  it('shows the confidence and each piece of evidence with its signed weight and source', () => {
    const el = show({
      score: 0.4,
      label: 'positive',
      confidence: 0.82,
      explanation: [
        { text: 'love', weight: 0.8, source: 'lexicon', intensified: true },
        { text: 'good', weight: -0.3, source: 'lexicon', negated: true },
        { text: '😍', weight: 0.5, source: 'emoji' },
      ],
    });
    expect(within(el).getByTestId('sentiment-confidence')).toHaveTextContent('82% confident');
    const chips = within(el).getAllByTestId('evidence-chip');
    expect(chips.map((c) => c.textContent)).toEqual([
      'love +0.8 lexicon · intensified',
      'good -0.3 lexicon · negated',
      '😍 +0.5 emoji',
    ]);
    expect(chips.map((c) => c.dataset.polarity)).toEqual(['positive', 'negative', 'positive']);
    expect(chips[1]).toHaveAttribute('data-negated', 'true');
    expect(within(chips[1]).getByText('good')).toHaveStyle({ textDecoration: 'line-through' });
    expect(within(el).getByRole('group', { name: 'Why this sentiment' })).toBeInTheDocument();
    expect(within(el).queryByTestId('corrected-mark')).not.toBeInTheDocument();
  });

  it('says when the language is not scored, and when an agent corrected the label', () => {
    const el = show({ score: 0, label: 'neutral', confidence: 0, explanation: [] }, true);
    expect(within(el).getByTestId('sentiment-confidence')).toHaveTextContent('Not scored for this language');
    expect(within(el).queryByText('No opinion words found.')).not.toBeInTheDocument();
    expect(within(el).getByTestId('corrected-mark')).toHaveAttribute(
      'title',
      'An agent corrected this sentiment.',
    );
  });
});

describe('MentionIntents', () => {
  it('says why each intent was found, and flags abuse with its probability', () => {
    render(
      <MantineProvider env="test">
        <MentionIntents
          intents={['complaint', 'abuse']}
          evidence={{
            complaint: [
              { text: 'refund', weight: 1, source: 'rule' },
              { text: 'still waiting', weight: 1, source: 'rule' },
            ],
            abuse: [{ text: 'idiots', weight: 0.9, source: 'model' }],
          }}
          abuse={{ abusive: true, score: 0.91 }}
          locale="en"
          labels={{
            intent: (i) => i[0].toUpperCase() + i.slice(1),
            evidence: (intent, words) => `${intent}: ${words}`,
            abuseScore: (p) => `${p} likely abusive`,
            group: 'Intents',
            corrected: 'Corrected',
            correctedHint: 'An agent corrected these intents.',
          }}
        />
      </MantineProvider>,
    );
    const group = screen.getByRole('group', { name: 'Intents' });
    expect(within(group).getByTitle('Complaint: refund, still waiting')).toHaveAttribute(
      'data-intent',
      'complaint',
    );
    expect(within(group).getByText('Complaint: refund, still waiting')).toBeInTheDocument();
    expect(within(group).getByTestId('abuse-badge')).toHaveAttribute(
      'title',
      'Abuse: idiots · 91% likely abusive',
    );
  });
});
