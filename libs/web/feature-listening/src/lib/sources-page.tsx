import type { SourceDto } from '@ecoute/contracts';
import { useErrorMessage, useSources, useUpdateSource } from '@ecoute/web-data-access';
import {
  EmptyPanel,
  formatNumber,
  LiveUpdatedAt,
  LoadFailedAlert,
  LoadingSkeletons,
  PageHeader,
  PLATFORM_NAMES,
  PlatformBadge,
  QueryKindBadge,
  RefreshFailedAlert,
  RelativeTime,
  SourceStateBadge,
  TruncatedText,
} from '@ecoute/web-ui';
import { Alert, Anchor, Button, Container, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKeyOff, IconPlayerPause, IconPlayerPlay, IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listeningPaths, type ListeningPageProps } from './paths';
import { useListeningAccess } from './use-listening-access';

/** Listening → Sources: one row per query and platform, with its polling health; refreshed every 5 s. */
export function ListeningSourcesPage({ basePath = '/listening' }: ListeningPageProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { canWrite } = useListeningAccess();
  const sources = useSources();
  useDocumentTitle(`${t('listening.sources.title')} · ${t('app.name')}`);

  const items = sources.data ?? [];
  const needReauth = items.filter((s) => s.state === 'needs_reauth').length;

  return (
    <Container fluid py="lg" px={{ base: 'md', md: 'xl' }} w="100%">
      <PageHeader
        title={t('listening.sources.title')}
        description={t('listening.sources.description')}
        actions={
          <LiveUpdatedAt
            updatedAt={sources.dataUpdatedAt}
            locale={i18n.language}
            label={(time) => t('listening.sources.updated', { time })}
            loadingLabel={t('common.loading')}
            fetching={sources.isFetching}
            title={t('listening.sources.liveHint')}
          />
        }
      />

      {needReauth > 0 ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconKeyOff size={16} />}
          mb="md"
          data-testid="needs-reauth-alert"
        >
          {t('listening.sources.needsReauthAlert')}
        </Alert>
      ) : null}

      {sources.isPending ? (
        <LoadingSkeletons label={t('common.loading')} height={44} />
      ) : sources.isError && items.length === 0 ? (
        <LoadFailedAlert
          title={t('listening.sources.loadFailed')}
          message={errorMessage(sources.error)}
          retryLabel={t('common.retry')}
          onRetry={() => void sources.refetch()}
        />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyPanel
            testId="sources-empty"
            icon={<IconPlugConnectedX size={28} />}
            title={t('listening.sources.emptyTitle')}
            description={t('listening.sources.emptyHint')}
          />
        </Paper>
      ) : (
        <>
          {sources.isError ? (
            <RefreshFailedAlert mb="md">
              {t('listening.sources.refreshFailed', { message: errorMessage(sources.error) })}
            </RefreshFailedAlert>
          ) : null}
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={1040}>
              <Table verticalSpacing="sm" horizontalSpacing="sm" aria-label={t('listening.sources.table')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('listening.sources.query')}</Table.Th>
                    <Table.Th>{t('listening.sources.platform')}</Table.Th>
                    <Table.Th>{t('listening.sources.state')}</Table.Th>
                    <Table.Th>{t('listening.sources.lastPoll')}</Table.Th>
                    <Table.Th>{t('listening.sources.nextPoll')}</Table.Th>
                    <Table.Th>{t('listening.sources.lastError')}</Table.Th>
                    <Table.Th ta="right">{t('listening.sources.mentions')}</Table.Th>
                    <Table.Th>{t('listening.sources.rateLimit')}</Table.Th>
                    {canWrite ? (
                      <Table.Th style={STICKY_END}>{t('listening.sources.actions')}</Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((s) => (
                    <SourceRow key={s.id} source={s} canWrite={canWrite} basePath={basePath} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
    </Container>
  );
}

/** The actions stay in view when the table scrolls sideways (narrow screens). */
const STICKY_END = {
  position: 'sticky',
  insetInlineEnd: 0,
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset 1px 0 0 var(--mantine-color-default-border)',
} as const;

function Dash() {
  return (
    <Text size="xs" c="dimmed" aria-hidden>
      —
    </Text>
  );
}

function SourceRow({
  source: s,
  canWrite,
  basePath,
}: {
  source: SourceDto;
  canWrite: boolean;
  basePath: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const errorMessage = useErrorMessage();
  const update = useUpdateSource();
  const platform = PLATFORM_NAMES[s.platform];
  const paused = s.state === 'paused';
  const canResume = s.state === 'paused' || s.state === 'needs_reauth';

  const change = (state: 'active' | 'paused') =>
    update.mutate(
      { id: s.id, changes: { state } },
      {
        onSuccess: () =>
          notifications.show({
            message: t(
              state === 'paused' ? 'listening.sources.pausedDone' : 'listening.sources.resumedDone',
              {
                query: s.queryName,
                platform,
              },
            ),
            color: 'teal',
            autoClose: 2500,
          }),
        onError: (e) =>
          notifications.show({
            message: t('listening.sources.actionFailed', { message: errorMessage(e) }),
            color: 'red',
          }),
      },
    );

  return (
    <Table.Tr data-testid="source-row" data-state={s.state} data-platform={s.platform} data-source-id={s.id}>
      <Table.Td miw={120} maw={220}>
        <Stack gap={2} align="flex-start">
          <Anchor component={Link} to={listeningPaths(basePath).query(s.queryId)} size="sm" fw={600}>
            {s.queryName}
          </Anchor>
          <QueryKindBadge
            kind={s.queryKind}
            text={t(`queryKind.${s.queryKind}`)}
            size="xs"
            style={{ minWidth: 'max-content' }}
          />
        </Stack>
      </Table.Td>
      <Table.Td>
        <PlatformBadge platform={s.platform} style={{ minWidth: 'max-content' }} />
      </Table.Td>
      <Table.Td miw={160} maw={220}>
        <Stack gap={2} align="flex-start">
          <SourceStateBadge
            state={s.state}
            text={t(`sourceState.${s.state}`)}
            data-testid="source-state"
            style={{ minWidth: 'max-content' }}
          />
          {s.state === 'needs_reauth' ? (
            <Text size="xs" c="red" data-testid="needs-reauth-help">
              {t('listening.sources.needsReauthHelp')}
            </Text>
          ) : s.state === 'backing_off' ? (
            <Text size="xs" c="dimmed">
              {t('listening.sources.backingOffHelp')}
              {s.consecutiveFailures > 0
                ? ` ${t('listening.sources.failures', { n: s.consecutiveFailures })}`
                : ''}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        {s.lastPolledAt ? (
          <RelativeTime date={s.lastPolledAt} locale={locale} />
        ) : (
          <Text size="xs" c="dimmed">
            {t('listening.sources.never')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {paused || s.state === 'needs_reauth' ? (
          <Text size="xs" c="dimmed">
            {t('listening.sources.notScheduled')}
          </Text>
        ) : (
          <Stack gap={0}>
            <RelativeTime date={s.nextPollAt} locale={locale} />
            <Text size="xs" c="dimmed">
              {t('listening.sources.every', { seconds: formatNumber(s.pollIntervalSeconds, locale) })}
            </Text>
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        {s.lastError ? (
          <TruncatedText text={s.lastError} maxWidth={170} c="red" testId="source-last-error" />
        ) : (
          <Text size="xs" c="dimmed">
            {t('listening.sources.none')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" miw={120} style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm" data-testid="mentions-last-hour">
          {t('listening.sources.lastHour', { n: formatNumber(s.mentionsLastHour, locale) })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="mentions-per-hour">
          {t('listening.sources.perHour', {
            n: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(s.mentionsPerHour24h),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        {s.rateLimit && (s.rateLimit.remaining !== null || s.rateLimit.resetAt) ? (
          <Stack gap={0}>
            {s.rateLimit.remaining !== null ? (
              <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('listening.sources.rateLimitRemaining', {
                  n: formatNumber(s.rateLimit.remaining, locale),
                })}
              </Text>
            ) : null}
            {s.rateLimit.resetAt ? (
              <Group gap={4} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t('listening.sources.rateLimitReset')}
                </Text>
                <RelativeTime date={s.rateLimit.resetAt} locale={locale} />
              </Group>
            ) : null}
          </Stack>
        ) : (
          <Dash />
        )}
      </Table.Td>
      {canWrite ? (
        <Table.Td style={STICKY_END}>
          {canResume ? (
            <Button
              size="xs"
              variant="light"
              color="teal"
              leftSection={<IconPlayerPlay size={14} aria-hidden />}
              onClick={() => change('active')}
              loading={update.isPending}
              aria-label={t('listening.sources.resumeLabel', { query: s.queryName, platform })}
            >
              {t('listening.sources.resume')}
            </Button>
          ) : (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlayerPause size={14} aria-hidden />}
              onClick={() => change('paused')}
              loading={update.isPending}
              aria-label={t('listening.sources.pauseLabel', { query: s.queryName, platform })}
            >
              {t('listening.sources.pause')}
            </Button>
          )}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
