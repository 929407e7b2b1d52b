import { PLATFORMS, SENTIMENT_LABELS, type DryRunRoutingRuleResult } from '@ecoute/contracts';
import { formatNumber, IntentBadge, PlatformBadge, RelativeTime, SentimentBadge } from '@ecoute/web-ui';
import { Alert, Box, Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface StatProps {
  label: string;
  value: number;
  testId: string;
  emphasis?: boolean;
}

function Stat({ label, value, testId, emphasis }: StatProps) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId} data-value={value}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text
        fw={700}
        size="xl"
        c={emphasis ? 'indigo' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {formatNumber(value, i18n.language)}
      </Text>
    </Paper>
  );
}

export interface DryRunResultsProps {
  result: DryRunRoutingRuleResult;
  /** the rule was edited since: the figures are those of an older version */
  stale: boolean;
  /** the rule ignores what it catches: say "would ignore" first */
  ignores: boolean;
}

/** What a rule would have done over the last days: counts, by platform and sentiment, and the latest caught. */
export function DryRunResults({ result, stale, ignores }: DryRunResultsProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const titleId = useId();
  const platforms = PLATFORMS.filter((p) => (result.byPlatform[p] ?? 0) > 0);
  const sentiments = SENTIMENT_LABELS.filter((s) => (result.bySentiment[s] ?? 0) > 0);
  const ref = useRef<HTMLDivElement>(null);

  // new figures come into view (they land below the form)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, [result]);

  return (
    <Stack
      ref={ref}
      gap="sm"
      component="section"
      aria-labelledby={titleId}
      data-testid="dry-run-results"
      data-stale={stale || undefined}
      style={{ opacity: stale ? 0.6 : 1 }}
    >
      <Title order={3} size="h5" id={titleId}>
        {result.days === 1
          ? t('routing.dryRun.resultsTitleOneDay')
          : t('routing.dryRun.resultsTitle', { days: formatNumber(result.days, locale) })}
      </Title>
      <VisuallyHidden role="status">
        {t('routing.dryRun.summary', {
          caught: formatNumber(result.caught, locale),
          replayed: formatNumber(result.replayed, locale),
        })}
      </VisuallyHidden>
      {stale ? (
        <Text size="xs" c="orange" role="status">
          {t('routing.dryRun.stale')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Stat label={t('routing.dryRun.replayed')} value={result.replayed} testId="dry-run-replayed" />
        <Stat label={t('routing.dryRun.caught')} value={result.caught} testId="dry-run-caught" emphasis />
        {ignores ? (
          <>
            <Stat
              label={t('routing.dryRun.wouldIgnore')}
              value={result.wouldIgnore}
              testId="dry-run-would-ignore"
            />
            <Stat
              label={t('routing.dryRun.wouldOpen')}
              value={result.wouldOpen}
              testId="dry-run-would-open"
            />
          </>
        ) : (
          <>
            <Stat
              label={t('routing.dryRun.wouldOpen')}
              value={result.wouldOpen}
              testId="dry-run-would-open"
            />
            <Stat
              label={t('routing.dryRun.wouldIgnore')}
              value={result.wouldIgnore}
              testId="dry-run-would-ignore"
            />
          </>
        )}
      </SimpleGrid>
      {result.truncated ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} p="xs" role="note">
          {t('routing.dryRun.truncated', { n: formatNumber(result.replayed, locale) })}
        </Alert>
      ) : null}
      {result.caught === 0 ? (
        <Text size="sm" c="dimmed" data-testid="dry-run-none">
          {t('routing.dryRun.none')}
        </Text>
      ) : (
        <>
          <Group gap="lg" wrap="wrap" align="flex-start">
            <Stack gap={4}>
              <Text size="xs" fw={600} c="dimmed">
                {t('routing.dryRun.byPlatform')}
              </Text>
              <Group gap={6} data-testid="dry-run-by-platform">
                {platforms.map((p) => (
                  <Group key={p} gap={4} wrap="nowrap" data-platform={p}>
                    <PlatformBadge platform={p} />
                    <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(result.byPlatform[p] ?? 0, locale)}
                    </Text>
                  </Group>
                ))}
              </Group>
            </Stack>
            <Stack gap={4}>
              <Text size="xs" fw={600} c="dimmed">
                {t('routing.dryRun.bySentiment')}
              </Text>
              <Group gap={6} data-testid="dry-run-by-sentiment">
                {sentiments.map((s) => (
                  <Group key={s} gap={4} wrap="nowrap" data-sentiment={s}>
                    <SentimentBadge label={s} text={t(`sentiment.${s}`)} />
                    <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(result.bySentiment[s] ?? 0, locale)}
                    </Text>
                  </Group>
                ))}
              </Group>
            </Stack>
          </Group>
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed">
              {t('routing.dryRun.examples', { n: formatNumber(result.examples.length, locale) })}
            </Text>
            <Box component="ul" className="ec-list" aria-label={t('routing.dryRun.examplesLabel')}>
              {result.examples.map((e) => (
                <Box
                  component="li"
                  key={e.mentionId}
                  py={6}
                  style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
                  data-testid="dry-run-example"
                >
                  <Group gap={6} wrap="wrap" mb={2}>
                    <PlatformBadge platform={e.platform} size="xs" />
                    <Text size="xs" fw={600}>
                      @{e.authorHandle}
                    </Text>
                    <RelativeTime date={e.createdAt} locale={locale} />
                    <SentimentBadge label={e.sentiment} text={t(`sentiment.${e.sentiment}`)} size="xs" />
                    {e.intents.map((i) => (
                      <IntentBadge key={i} intent={i} text={t(`intent.${i}`)} size="xs" />
                    ))}
                  </Group>
                  <Text size="sm" lineClamp={2}>
                    {e.text}
                  </Text>
                </Box>
              ))}
            </Box>
          </Stack>
        </>
      )}
    </Stack>
  );
}
