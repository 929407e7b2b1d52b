import type { PreviewMentionDto, PreviewPlatformDto, PreviewResultDto } from '@ecoute/contracts';
import { MentionByline, PLATFORM_NAMES, PlatformBadge, SentimentBadge } from '@ecoute/web-ui';
import { Alert, Badge, Group, Paper, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconFilterOff, IconInfoCircle } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MatchedText } from './matched-text';
import { isKnownPreviewError } from './preview-errors';

export interface PreviewResultsProps {
  result: PreviewResultDto;
  /** the form changed after this preview ran */
  stale: boolean;
}

/** What the query would match on each platform right now (stored nowhere), and each platform's error. */
export function PreviewResults({ result, stale }: PreviewResultsProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm" data-testid="preview-results">
      <Title order={3} size="h5" id={titleId}>
        {t('listening.preview.results')}
      </Title>
      {stale ? (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={16} />} p="xs">
          {t('listening.preview.stale')}
        </Alert>
      ) : null}
      {result.platforms.map((p) => (
        <PreviewPlatform key={p.platform} result={p} />
      ))}
    </Stack>
  );
}

function PreviewPlatform({ result }: { result: PreviewPlatformDto }) {
  const { t } = useTranslation();
  const name = PLATFORM_NAMES[result.platform];
  const code = result.error?.code ?? '';
  const errorTitle = result.error
    ? t('listening.preview.errorTitle', {
        platform: name,
        error: isKnownPreviewError(code) ? t(`previewError.${code}`) : code,
      })
    : null;
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      component="section"
      aria-label={name}
      data-testid={`preview-result-${result.platform}`}
      data-state={result.error ? 'error' : 'ok'}
      data-error-code={result.error?.code}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <PlatformBadge platform={result.platform} />
          {!result.error ? (
            <Text size="xs" c="dimmed">
              {t('listening.preview.count', { n: result.mentions.length })}
            </Text>
          ) : null}
        </Group>
        {result.error ? (
          <Alert
            color={code === 'rate_limited' || code === 'temporary' ? 'orange' : 'red'}
            variant="light"
            icon={<IconAlertCircle size={16} />}
            title={errorTitle}
            role="alert"
            p="xs"
            data-testid="preview-error"
          >
            {result.error.message}
          </Alert>
        ) : result.mentions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('listening.preview.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {result.mentions.map((m) => (
              <PreviewMention key={m.externalId} mention={m} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function PreviewMention({ mention: m }: { mention: PreviewMentionDto }) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  return (
    <li
      data-testid="preview-mention"
      data-filtered-out={m.filteredOut || undefined}
      style={{
        opacity: m.filteredOut ? 0.65 : 1,
        borderTop: '1px solid var(--mantine-color-default-border)',
        paddingTop: 8,
      }}
    >
      <Stack gap={4}>
        <MentionByline
          mention={{ ...m, author: { name: m.authorName, handle: m.authorHandle } }}
          locale={i18n.language}
          openPostLabel={t('listening.preview.openPost', { platform: PLATFORM_NAMES[m.platform] })}
        />
        <MatchedText text={m.text} terms={m.matchedTerms} lang={m.language ?? undefined} />
        <Group gap={4}>
          <SentimentBadge label={m.sentiment} text={t(`sentiment.${m.sentiment}`)} />
          {m.filteredOut ? (
            <Tooltip label={t('listening.preview.filteredOutHint')} multiline w={260} withArrow>
              <Badge
                size="sm"
                variant="outline"
                color="gray"
                leftSection={<IconFilterOff size={11} aria-hidden />}
                data-testid="filtered-out"
                aria-describedby={hintId}
              >
                {t('listening.preview.filteredOut')}
              </Badge>
            </Tooltip>
          ) : null}
          {m.filteredOut ? (
            <VisuallyHidden id={hintId}>{t('listening.preview.filteredOutHint')}</VisuallyHidden>
          ) : null}
        </Group>
      </Stack>
    </li>
  );
}
