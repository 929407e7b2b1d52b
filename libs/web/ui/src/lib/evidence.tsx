import type { EvidenceSource, EvidenceTerm, Intent, SentimentDto } from '@ecoute/contracts';
import { Badge, Group, Stack, Text, VisuallyHidden, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconArrowBigUpLines, IconUserCheck } from '@tabler/icons-react';
import { useId } from 'react';
import { IntentBadge, SentimentBadge } from './badges';

export type EvidencePolarity = 'positive' | 'negative';

/** Which way a piece of sentiment evidence pushes: > 0 toward positive, < 0 toward negative, 0 neither. */
export function evidencePolarity(weight: number): EvidencePolarity | null {
  return weight > 0 ? 'positive' : weight < 0 ? 'negative' : null;
}

/** A weight with its sign: +0.8, −1.25, 0. */
export function formatWeight(weight: number, locale: string): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 2 }).format(
    weight,
  );
}

/** A probability in [0, 1] as a whole percentage: "82%", "82 %". */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

const POLARITY_COLORS: Record<EvidencePolarity, string> = { positive: 'teal', negative: 'red' };

export interface EvidenceChipLabels {
  /** the translated name of each source: "lexicon", "model"… */
  sources: Record<EvidenceSource, string>;
  /** "negated": a negation flipped the word's polarity */
  negated: string;
  /** "intensified": an intensifier scaled the word's weight */
  intensified: string;
}

export interface EvidenceChipProps {
  term: EvidenceTerm;
  locale: string;
  labels: EvidenceChipLabels;
}

/**
 * One piece of evidence: the word as it appears in the post, its signed weight and where it comes from. A negated
 * word is struck through and says so; an intensified one has an arrow and says so (not by colour alone).
 */
export function EvidenceChip({ term, locale, labels }: EvidenceChipProps) {
  const polarity = evidencePolarity(term.weight);
  const weight = formatWeight(term.weight, locale);
  const notes = [
    labels.sources[term.source],
    term.negated ? labels.negated : null,
    term.intensified ? labels.intensified : null,
  ].filter((n): n is string => n !== null);
  return (
    <Badge
      size="md"
      radius="sm"
      variant="outline"
      color={polarity ? POLARITY_COLORS[polarity] : 'gray'}
      tt="none"
      fw={500}
      maw="100%"
      title={`${term.text} ${weight} · ${notes.join(' · ')}`}
      leftSection={term.intensified ? <IconArrowBigUpLines size={12} aria-hidden /> : undefined}
      data-testid="evidence-chip"
      data-polarity={polarity ?? 'neutral'}
      data-source={term.source}
      data-negated={term.negated || undefined}
      data-intensified={term.intensified || undefined}
    >
      <Text span inherit td={term.negated ? 'line-through' : undefined}>
        {term.text}
      </Text>{' '}
      <Text span inherit fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {weight}
      </Text>{' '}
      <Text span inherit c="dimmed" fz="0.85em">
        {notes.join(' · ')}
      </Text>
    </Badge>
  );
}

export interface CorrectedMarkProps extends Omit<BadgeProps, 'children'> {
  /** "Corrected" */
  text: string;
  /** what was corrected, e.g. "An agent corrected the sentiment" */
  hint: string;
}

/** A mention whose sentiment or intents an agent corrected. */
export function CorrectedMark({ text, hint, ...rest }: CorrectedMarkProps) {
  return (
    <Badge
      size="sm"
      variant="light"
      color="violet"
      tt="none"
      title={hint}
      leftSection={<IconUserCheck size={12} aria-hidden />}
      data-testid="corrected-mark"
      {...rest}
    >
      <span aria-hidden>{text}</span>
      <VisuallyHidden>{hint}</VisuallyHidden>
    </Badge>
  );
}

export interface SentimentEvidenceLabels extends EvidenceChipLabels {
  /** the translated sentiment label, "Negative" */
  label: string;
  /** the badge's tooltip, e.g. "Sentiment score −0.6 (from −1 to +1)" */
  scoreHint: string;
  /** "82% confident", from the formatted confidence */
  confidence: (percent: string) => string;
  /** for a confidence of 0: the language is one the classifier does not score */
  notScored: string;
  /** no evidence was found */
  none: string;
  /** the caption of the evidence, "Why this sentiment" */
  evidence: string;
  /** the mark of a label an agent corrected, and what it means */
  corrected: string;
  correctedHint: string;
}

export interface SentimentEvidenceProps {
  sentiment: SentimentDto;
  locale: string;
  labels: SentimentEvidenceLabels;
  /** an agent corrected the label (the score, confidence and evidence stay the classifier's) */
  corrected?: boolean;
  testId?: string;
}

/**
 * A sentiment and why: the label with the classifier's confidence ("82% confident", or "not scored" for a
 * language it does not read), and the evidence, strongest first.
 */
export function SentimentEvidence({
  sentiment,
  locale,
  labels,
  corrected = false,
  testId = 'sentiment-evidence',
}: SentimentEvidenceProps) {
  const captionId = useId();
  const scored = sentiment.confidence > 0;
  return (
    <Stack gap={6} data-testid={testId} data-sentiment={sentiment.label} data-scored={scored}>
      <Group gap={6} wrap="wrap">
        <SentimentBadge label={sentiment.label} text={labels.label} hint={labels.scoreHint} />
        {corrected ? <CorrectedMark text={labels.corrected} hint={labels.correctedHint} /> : null}
        <Text size="xs" c="dimmed" data-testid="sentiment-confidence">
          {scored ? labels.confidence(formatPercent(sentiment.confidence, locale)) : labels.notScored}
        </Text>
      </Group>
      {sentiment.explanation.length > 0 ? (
        <Group gap={4} wrap="wrap" role="group" aria-labelledby={captionId}>
          <Text size="xs" c="dimmed" id={captionId}>
            {labels.evidence}
          </Text>
          {sentiment.explanation.map((e, i) => (
            <EvidenceChip key={`${i}:${e.text}`} term={e} locale={locale} labels={labels} />
          ))}
        </Group>
      ) : scored ? (
        <Text size="xs" c="dimmed">
          {labels.none}
        </Text>
      ) : null}
    </Stack>
  );
}

export interface AbuseBadgeProps extends Omit<BadgeProps, 'children' | 'color'> {
  /** "Abuse" */
  text: string;
  /** why, and how likely: read by screen readers instead of `text`, and shown on hover */
  hint: string;
}

/** A post the abuse classifier flagged: filled red with a warning sign. */
export function AbuseBadge({ text, hint, ...rest }: AbuseBadgeProps) {
  return (
    <Badge
      size="sm"
      variant="filled"
      color="red"
      title={hint}
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
      data-testid="abuse-badge"
      data-intent="abuse"
      {...rest}
    >
      <span aria-hidden>{text}</span>
      <VisuallyHidden>{hint}</VisuallyHidden>
    </Badge>
  );
}

export interface MentionIntentsLabels {
  /** the translated name of an intent */
  intent: (intent: Intent) => string;
  /** an intent with its evidence, e.g. "Complaint: refund, still waiting" */
  evidence: (intent: string, words: string) => string;
  /** the abuse classifier's probability, e.g. "91% likely to be abusive" */
  abuseScore: (percent: string) => string;
  /** the accessible name of the group, "Intents" */
  group: string;
  /** the mark of intents an agent corrected, and what it means */
  corrected: string;
  correctedHint: string;
}

export interface MentionIntentsProps {
  intents: readonly Intent[];
  evidence: Partial<Record<Intent, EvidenceTerm[]>>;
  abuse: { abusive: boolean; score: number };
  /** an agent corrected the intents */
  corrected?: boolean;
  locale: string;
  labels: MentionIntentsLabels;
}

/**
 * What the author wants, each intent with the words and rules behind it (on hover, and for screen readers). The
 * abuse intent, when the classifier flagged the post, is a filled badge with its probability.
 */
export function MentionIntents({
  intents,
  evidence,
  abuse,
  corrected = false,
  locale,
  labels,
}: MentionIntentsProps) {
  if (intents.length === 0 && !corrected) return null;
  return (
    <Group gap={4} wrap="wrap" role="group" aria-label={labels.group} data-testid="mention-intents">
      {intents.map((intent) => {
        const name = labels.intent(intent);
        const words = [...new Set((evidence[intent] ?? []).map((e) => e.text))];
        const hint = words.length > 0 ? labels.evidence(name, words.join(', ')) : undefined;
        if (intent === 'abuse' && abuse.abusive) {
          const score = labels.abuseScore(formatPercent(abuse.score, locale));
          return (
            <AbuseBadge key={intent} text={name} hint={hint ? `${hint} · ${score}` : `${name} · ${score}`} />
          );
        }
        return <IntentBadge key={intent} intent={intent} text={name} hint={hint} />;
      })}
      {corrected ? <CorrectedMark text={labels.corrected} hint={labels.correctedHint} /> : null}
    </Group>
  );
}
