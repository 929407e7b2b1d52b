import { OVERVIEW_RANGES, useOverview, type OverviewRange } from '@ecoute/web-data-access';
import {
  ChartCard,
  EmptyPanel,
  formatNumber,
  formatSigned,
  KpiCard,
  LiveUpdatedAt,
  LoadFailedAlert,
  PageHeader,
  RefreshFailedAlert,
  SENTIMENT_COLORS,
  TimeSeriesChart,
  VOLUME_COLOR,
} from '@ecoute/web-ui';
import { Anchor, Box, Container, SegmentedControl, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChartBar, IconMessages, IconMoodSmile, IconSpeakerphone } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { LatestMentions } from './latest-mentions';
import { bucketLabel, fillSeries } from './series';
import { useErrorMessage } from '@ecoute/web-data-access';

const DEFAULT_RANGE: OverviewRange = '24h';

function parseRange(v: string | null): OverviewRange {
  return (OVERVIEW_RANGES as readonly string[]).includes(v ?? '') ? (v as OverviewRange) : DEFAULT_RANGE;
}

export interface OverviewPageProps {
  /** where the inbox lives, for the "open conversations" card */
  inboxPath?: string;
}

/** Brand overview: volume and sentiment over time, the headline figures and the latest mentions. */
export function OverviewPage({ inboxPath = '/inbox' }: OverviewPageProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const errorMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const range = parseRange(searchParams.get('range'));
  const overview = useOverview(range);
  useDocumentTitle(`${t('overview.title')} · ${t('app.name')}`);

  const data = overview.data;
  const chart = useMemo(() => {
    if (!data) return null;
    const series = fillSeries(data);
    return {
      labels: series.map((b) => bucketLabel(b.t, data.bucket, locale)),
      total: series.map((b) => b.total),
      positive: series.map((b) => b.positive),
      neutral: series.map((b) => b.neutral),
      negative: series.map((b) => b.negative),
    };
  }, [data, locale]);

  const setRange = (value: string) => {
    const params = new URLSearchParams(searchParams);
    if (value === DEFAULT_RANGE) params.delete('range');
    else params.set('range', value);
    setSearchParams(params, { replace: true });
  };

  const rangeLabel = t(`overview.range.${range}`);
  const loading = overview.isPending;
  const net = data?.netSentiment ?? null;
  const netColor = net === null ? 'gray' : net > 10 ? 'teal' : net < -10 ? 'red' : 'yellow';
  const bucketName = t(`overview.bucket.${data?.bucket ?? (range === '24h' ? 'hour' : 'day')}`);

  return (
    <Container size="xl" py="lg" px={{ base: 'md', md: 'xl' }}>
      <PageHeader
        title={t('overview.title')}
        description={t('overview.description')}
        actions={
          <>
            <LiveUpdatedAt
              updatedAt={overview.dataUpdatedAt}
              locale={locale}
              label={(time) => t('overview.updated', { time })}
              loadingLabel={t('common.loading')}
              fetching={overview.isFetching}
              title={t('overview.liveHint')}
            />
            <SegmentedControl
              aria-label={t('overview.range.label')}
              value={range}
              onChange={setRange}
              data={OVERVIEW_RANGES.map((r) => ({ value: r, label: t(`overview.range.${r}`) }))}
            />
          </>
        }
      />

      {overview.isError && !data ? (
        <LoadFailedAlert
          title={t('overview.loadFailed')}
          message={errorMessage(overview.error)}
          retryLabel={t('common.retry')}
          onRetry={() => void overview.refetch()}
          mb="lg"
        />
      ) : overview.isError ? (
        <RefreshFailedAlert mb="md">
          {t('overview.refreshFailed', { message: errorMessage(overview.error) })}
        </RefreshFailedAlert>
      ) : null}

      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <KpiCard
            testId="kpi-mentions"
            label={t('overview.kpi.mentions')}
            value={data ? formatNumber(data.totals.total, locale) : '—'}
            icon={<IconSpeakerphone size={22} />}
            color="indigo"
            loading={loading}
            definition={t('overview.kpi.mentionsDefinition')}
            definitionLabel={t('overview.kpi.definitionOf', { metric: t('overview.kpi.mentions') })}
            footer={
              data
                ? t('overview.kpi.mentionsFooter', {
                    positive: formatNumber(data.totals.positive, locale),
                    neutral: formatNumber(data.totals.neutral, locale),
                    negative: formatNumber(data.totals.negative, locale),
                  })
                : rangeLabel
            }
          />
          <KpiCard
            testId="kpi-net-sentiment"
            label={t('overview.kpi.netSentiment')}
            value={net === null ? '—' : formatSigned(net, locale)}
            icon={<IconMoodSmile size={22} />}
            color={netColor}
            loading={loading}
            definition={t('overview.kpi.netSentimentDefinition')}
            definitionLabel={t('overview.kpi.definitionOf', { metric: t('overview.kpi.netSentiment') })}
            footer={
              net === null
                ? t('overview.kpi.noOpinion')
                : t('overview.kpi.netSentimentFooter', {
                    n: formatNumber((data?.totals.positive ?? 0) + (data?.totals.negative ?? 0), locale),
                  })
            }
          />
          <KpiCard
            testId="kpi-open-conversations"
            label={t('overview.kpi.openConversations')}
            value={data ? formatNumber(data.openConversations, locale) : '—'}
            icon={<IconMessages size={22} />}
            color="violet"
            loading={loading}
            definition={t('overview.kpi.openConversationsDefinition')}
            definitionLabel={t('overview.kpi.definitionOf', { metric: t('overview.kpi.openConversations') })}
            footer={
              <Anchor component={Link} to={inboxPath} size="xs">
                {t('overview.kpi.goToInbox')}
              </Anchor>
            }
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <ChartCard
            testId="chart-volume"
            title={t('overview.volume.title')}
            description={t('overview.volume.description', { bucket: bucketName, range: rangeLabel })}
          >
            <ChartBody loading={loading} empty={!!data && data.totals.total === 0}>
              {chart ? (
                <TimeSeriesChart
                  type="bar"
                  labels={chart.labels}
                  locale={locale}
                  series={[{ label: t('overview.kpi.mentions'), data: chart.total, color: VOLUME_COLOR }]}
                  ariaLabel={t('overview.volume.aria', {
                    range: rangeLabel,
                    n: formatNumber(data?.totals.total ?? 0, locale),
                  })}
                />
              ) : null}
            </ChartBody>
          </ChartCard>
          <ChartCard
            testId="chart-sentiment"
            title={t('overview.sentiment.title')}
            description={t('overview.sentiment.description', { bucket: bucketName, range: rangeLabel })}
          >
            <ChartBody loading={loading} empty={!!data && data.totals.total === 0}>
              {chart ? (
                <TimeSeriesChart
                  type="bar"
                  stacked
                  labels={chart.labels}
                  locale={locale}
                  series={[
                    {
                      label: t('sentiment.positive'),
                      data: chart.positive,
                      color: SENTIMENT_COLORS.positive.hex,
                    },
                    {
                      label: t('sentiment.neutral'),
                      data: chart.neutral,
                      color: SENTIMENT_COLORS.neutral.hex,
                    },
                    {
                      label: t('sentiment.negative'),
                      data: chart.negative,
                      color: SENTIMENT_COLORS.negative.hex,
                    },
                  ]}
                  ariaLabel={t('overview.sentiment.aria', {
                    range: rangeLabel,
                    positive: formatNumber(data?.totals.positive ?? 0, locale),
                    neutral: formatNumber(data?.totals.neutral ?? 0, locale),
                    negative: formatNumber(data?.totals.negative ?? 0, locale),
                  })}
                />
              ) : null}
            </ChartBody>
          </ChartCard>
        </SimpleGrid>

        <LatestMentions />
      </Stack>
    </Container>
  );
}

function ChartBody({ loading, empty, children }: { loading: boolean; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (loading) return <Skeleton height={260} />;
  if (empty) {
    return (
      <Box h={260} style={{ display: 'grid', placeItems: 'center' }}>
        <EmptyPanel
          icon={<IconChartBar size={28} />}
          title={t('overview.emptyTitle')}
          description={t('overview.emptyHint')}
        />
      </Box>
    );
  }
  return <>{children}</>;
}
