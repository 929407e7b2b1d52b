import { Box, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import type { TimeSeriesChartProps } from './chart-types';

export type { ChartSeries, TimeSeriesChartProps } from './chart-types';

/** chart.js loads with the first chart, not with the app. */
const LazyChart = lazy(() => import('./time-series-chart'));

/** A chart.js time series that receives ready-made labels and series, themed for light and dark. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const height = props.height ?? 260;
  return (
    <Suspense fallback={<Skeleton height={height} />}>
      <Box h={height}>
        <LazyChart {...props} />
      </Box>
    </Suspense>
  );
}

export interface ChartCardProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function ChartCard({ title, description, actions, children, testId }: ChartCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} component="section" aria-label={title}>
      <Stack gap="sm">
        <Box style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
          <div>
            <Text fw={600}>{title}</Text>
            {description ? (
              <Text size="xs" c="dimmed">
                {description}
              </Text>
            ) : null}
          </div>
          {actions}
        </Box>
        {children}
      </Stack>
    </Paper>
  );
}
