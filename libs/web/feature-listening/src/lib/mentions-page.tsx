import { PLATFORMS, type MentionDto, type Platform } from '@ecoute/contracts';
import { useErrorMessage, useListeningQueries, useMentionStream } from '@ecoute/web-data-access';
import {
  EmptyPanel,
  LiveUpdatedAt,
  LoadFailedAlert,
  LoadingSkeletons,
  PageHeader,
  PLATFORM_NAMES,
  RefreshFailedAlert,
} from '@ecoute/web-ui';
import { Button, Container, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMessageCircleOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { MentionCard } from './mention-card';
import type { ListeningPageProps } from './paths';

const ALL = '';

function parsePlatform(v: string | null): Platform | null {
  return v && (PLATFORMS as readonly string[]).includes(v) ? (v as Platform) : null;
}

function uniqueById(items: MentionDto[]): MentionDto[] {
  const seen = new Set<string>();
  return items.filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
}

/**
 * Listening → Mentions: the mention stream, newest first, filtered by query and platform (kept in the address:
 * `?queryId=…&platform=…`), refreshed every 10 s, older pages on demand.
 */
// basePath is accepted like the other Listening pages; this page links nowhere inside the area.
export function ListeningMentionsPage(_props: ListeningPageProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const queryId = searchParams.get('queryId') || null;
  const platform = parsePlatform(searchParams.get('platform'));
  const queries = useListeningQueries();
  const stream = useMentionStream({ queryId, platform });
  useDocumentTitle(`${t('listening.mentions.title')} · ${t('app.name')}`);

  const items = useMemo(() => uniqueById(stream.data?.pages.flatMap((p) => p.items) ?? []), [stream.data]);
  const filtered = queryId !== null || platform !== null;

  const setFilter = (key: 'queryId' | 'platform', value: string) => {
    const params = new URLSearchParams(searchParams);
    if (value === ALL) params.delete(key);
    else params.set(key, value);
    setSearchParams(params, { replace: true });
  };

  const queryOptions = [
    { value: ALL, label: t('listening.mentions.allQueries') },
    ...(queries.data ?? []).map((q) => ({ value: q.id, label: q.name })),
  ];
  // a query from the address that the list does not have (yet): keep it selectable
  if (queryId && !queryOptions.some((o) => o.value === queryId))
    queryOptions.push({ value: queryId, label: queryId });

  return (
    <Container size="md" py="lg" px={{ base: 'md', md: 'xl' }} w="100%">
      <PageHeader
        title={t('listening.mentions.title')}
        description={t('listening.mentions.description')}
        actions={
          <LiveUpdatedAt
            updatedAt={stream.dataUpdatedAt}
            locale={i18n.language}
            label={(time) => t('listening.mentions.updated', { time })}
            loadingLabel={t('common.loading')}
            fetching={stream.isFetching && !stream.isFetchingNextPage}
            title={t('listening.mentions.liveHint')}
          />
        }
      />

      <Group gap="md" mb="md" align="flex-end" role="search" aria-label={t('listening.mentions.filters')}>
        <NativeSelect
          label={t('listening.mentions.query')}
          data={queryOptions}
          value={queryId ?? ALL}
          onChange={(e) => setFilter('queryId', e.currentTarget.value)}
          miw={220}
          data-testid="filter-query"
        />
        <NativeSelect
          label={t('listening.mentions.platform')}
          data={[
            { value: ALL, label: t('listening.mentions.allPlatforms') },
            ...PLATFORMS.map((p) => ({ value: p, label: PLATFORM_NAMES[p] })),
          ]}
          value={platform ?? ALL}
          onChange={(e) => setFilter('platform', e.currentTarget.value)}
          miw={180}
          data-testid="filter-platform"
        />
      </Group>

      {stream.isPending ? (
        <LoadingSkeletons label={t('common.loading')} height={110} />
      ) : stream.isError && items.length === 0 ? (
        <LoadFailedAlert
          title={t('listening.mentions.loadFailed')}
          message={errorMessage(stream.error)}
          retryLabel={t('common.retry')}
          onRetry={() => void stream.refetch()}
        />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyPanel
            testId="mentions-empty"
            icon={<IconMessageCircleOff size={28} />}
            title={filtered ? t('listening.mentions.emptyFilteredTitle') : t('listening.mentions.emptyTitle')}
            description={t('listening.mentions.emptyHint')}
          />
        </Paper>
      ) : (
        <Stack gap="sm">
          {stream.isError ? (
            <RefreshFailedAlert>
              {t('listening.mentions.refreshFailed', { message: errorMessage(stream.error) })}
            </RefreshFailedAlert>
          ) : null}
          <Stack
            gap="sm"
            component="section"
            aria-label={t('listening.mentions.stream')}
            aria-live="polite"
            aria-relevant="additions"
            data-testid="mention-stream"
          >
            {items.map((m) => (
              <MentionCard key={m.id} mention={m} queryId={queryId} />
            ))}
          </Stack>
          {stream.hasNextPage ? (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void stream.fetchNextPage()}
                loading={stream.isFetchingNextPage}
                data-testid="load-more"
              >
                {t('common.loadMore')}
              </Button>
            </Group>
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              {t('listening.mentions.end')}
            </Text>
          )}
        </Stack>
      )}
    </Container>
  );
}
