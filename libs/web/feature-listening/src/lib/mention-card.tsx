import type { MentionDto } from '@ecoute/contracts';
import {
  AuthorAvatar,
  IntentBadge,
  MentionByline,
  PLATFORM_NAMES,
  SentimentBadge,
  SentimentWords,
} from '@ecoute/web-ui';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MatchedText } from './matched-text';

export interface MentionCardProps {
  mention: MentionDto;
  /** highlight only this query's terms (the stream is filtered by it); all matched terms otherwise */
  queryId?: string | null;
}

/** One mention of the stream: author, platform, time, text with the matched terms, sentiment and why. */
export function MentionCard({ mention: m, queryId }: MentionCardProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const titleId = useId();
  const matches = (m.matches ?? []).filter((x) => !queryId || x.queryId === queryId);
  const terms = [...new Set(matches.flatMap((x) => x.terms))];
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(
    m.sentiment.score,
  );

  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="md"
      aria-labelledby={titleId}
      data-testid="mention-card"
      data-mention-id={m.id}
      data-platform={m.platform}
      data-sentiment={m.sentiment.label}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <AuthorAvatar author={m.author} size="md" />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <MentionByline
            mention={m}
            locale={locale}
            openPostLabel={t('listening.mentions.openPost', { platform: PLATFORM_NAMES[m.platform] })}
            verifiedLabel={t('author.verified')}
            nameId={titleId}
            withPlatformBadge
            wrap
          />

          <MatchedText text={m.text} terms={terms} lang={m.language ?? undefined} testId="mention-text" />

          <Group gap={4} wrap="wrap">
            <SentimentBadge
              label={m.sentiment.label}
              text={t(`sentiment.${m.sentiment.label}`)}
              hint={t('sentiment.score', { score })}
            />
            {m.intents.map((intent) => (
              <IntentBadge key={intent} intent={intent} text={t(`intent.${intent}`)} />
            ))}
            {matches.length > 0 ? (
              <Group gap={4} wrap="wrap" role="group" aria-label={t('listening.mentions.matched')}>
                {matches.map((x) => (
                  <Badge
                    key={x.queryId}
                    size="sm"
                    variant="light"
                    color="indigo"
                    tt="none"
                    title={t('listening.mentions.matchedTerms', { terms: x.terms.join(', ') })}
                    data-testid="mention-match"
                  >
                    {x.queryName}
                  </Badge>
                ))}
              </Group>
            ) : null}
          </Group>

          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
              {t('listening.mentions.sentimentWhy')}
            </Text>
            <SentimentWords
              explanation={m.sentiment.explanation}
              labels={{
                positive: t('sentiment.words.positive'),
                negative: t('sentiment.words.negative'),
                negated: t('sentiment.words.negated'),
                none: t('sentiment.words.none'),
              }}
              locale={locale}
            />
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
