import type { MentionDto } from '@ecoute/contracts';
import {
  AuthorAvatar,
  MentionByline,
  MentionIntents,
  PLATFORM_NAMES,
  SentimentEvidence,
} from '@ecoute/web-ui';
import { Badge, Box, Group, Paper, Stack } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CorrectMentionButton } from './correct-mention-button';
import { useEvidenceLabels } from './evidence-labels';
import { MatchedText } from './matched-text';

export interface MentionCardProps {
  mention: MentionDto;
  /** highlight only this query's terms (the stream is filtered by it); all matched terms otherwise */
  queryId?: string | null;
}

/**
 * One mention of the stream: author, platform, time, the text with the matched terms and the sentiment evidence
 * highlighted, the sentiment and why, the intents and why, and "Correct" for the roles that answer the inbox.
 */
export function MentionCard({ mention: m, queryId }: MentionCardProps) {
  const { t } = useTranslation();
  const evidence = useEvidenceLabels();
  const { locale } = evidence;
  const titleId = useId();
  const matches = (m.matches ?? []).filter((x) => !queryId || x.queryId === queryId);
  const terms = [...new Set(matches.flatMap((x) => x.terms))];

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

          <MatchedText
            text={m.text}
            terms={terms}
            evidence={m.sentiment.explanation}
            lang={m.language ?? undefined}
            testId="mention-text"
          />

          <SentimentEvidence
            sentiment={m.sentiment}
            locale={locale}
            labels={evidence.sentiment(m.sentiment)}
            corrected={m.corrected.sentiment}
          />

          <Group gap={4} wrap="wrap" justify="space-between">
            <Group gap={4} wrap="wrap">
              <MentionIntents
                intents={m.intents}
                evidence={m.intentEvidence}
                abuse={m.abuse}
                corrected={m.corrected.intents}
                locale={locale}
                labels={evidence.intents}
              />
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
            <Box ml="auto">
              <CorrectMentionButton mention={m} />
            </Box>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
