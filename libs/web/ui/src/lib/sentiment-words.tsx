import type { SentimentExplanation } from '@ecoute/contracts';
import { Badge, Group, Text } from '@mantine/core';

export interface SentimentWordsProps {
  explanation: SentimentExplanation;
  labels: { positive: string; negative: string; negated: string; none: string };
  locale: string;
}

/** The words that explain a sentiment score: "+ love (3) great (3) · − slow (−2) · negated: good". */
export function SentimentWords({ explanation, labels, locale }: SentimentWordsProps) {
  const fmt = new Intl.NumberFormat(locale, { signDisplay: 'always' });
  const { positive, negative, negated } = explanation;
  if (positive.length === 0 && negative.length === 0 && negated.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="sentiment-words">
        {labels.none}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="wrap" data-testid="sentiment-words">
      {positive.length > 0 ? (
        <Group gap={4} wrap="wrap" aria-label={labels.positive} role="group">
          <Text size="xs" c="dimmed">
            {labels.positive}
          </Text>
          {positive.map((w) => (
            <Badge key={`p-${w.token}`} size="xs" variant="outline" color="teal" tt="none">
              {w.token} {fmt.format(w.weight)}
            </Badge>
          ))}
        </Group>
      ) : null}
      {negative.length > 0 ? (
        <Group gap={4} wrap="wrap" aria-label={labels.negative} role="group">
          <Text size="xs" c="dimmed">
            {labels.negative}
          </Text>
          {negative.map((w) => (
            <Badge key={`n-${w.token}`} size="xs" variant="outline" color="red" tt="none">
              {w.token} {fmt.format(w.weight)}
            </Badge>
          ))}
        </Group>
      ) : null}
      {negated.length > 0 ? (
        <Group gap={4} wrap="wrap" aria-label={labels.negated} role="group">
          <Text size="xs" c="dimmed">
            {labels.negated}
          </Text>
          {negated.map((w) => (
            <Badge key={`x-${w}`} size="xs" variant="outline" color="gray" tt="none" td="line-through">
              {w}
            </Badge>
          ))}
        </Group>
      ) : null}
    </Group>
  );
}
