import { Box, EmptyState, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconEar } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md" mb="lg">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}

export interface EmptyPanelProps {
  icon: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  testId?: string;
}

/** An explicit "nothing here" with what to do about it. */
export function EmptyPanel({ icon, title, description, action, testId }: EmptyPanelProps) {
  return (
    <Box py="xl" px="md" data-testid={testId} role="status">
      <EmptyState icon={icon} title={title} description={description} withIndicatorBackground size="sm">
        {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
      </EmptyState>
    </Box>
  );
}

/** The product's mark: a listening ear on the brand colour. */
export function BrandMark({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon
        size={size === 'lg' ? 40 : size === 'md' ? 30 : 24}
        radius="md"
        variant="gradient"
        gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}
      >
        <IconEar size={size === 'lg' ? 24 : 18} aria-hidden />
      </ThemeIcon>
      <Text fw={800} size={size === 'lg' ? 'xl' : 'lg'} style={{ letterSpacing: '-0.02em' }}>
        {name}
      </Text>
    </Group>
  );
}

/** A keyboard key, e.g. in the shortcut legend. */
export function ShortcutLegend({ items }: { items: Array<{ keys: string[]; label: string }> }) {
  return (
    <Group gap="md" wrap="wrap">
      {items.map((item) => (
        <Group key={item.label} gap={4} wrap="nowrap">
          {item.keys.map((k) => (
            <Box
              key={k}
              component="kbd"
              fz={11}
              px={5}
              py={1}
              style={{
                border: '1px solid var(--mantine-color-default-border)',
                borderBottomWidth: 2,
                borderRadius: 4,
                fontFamily: 'var(--mantine-font-family-monospace)',
                background: 'var(--mantine-color-default)',
              }}
            >
              {k}
            </Box>
          ))}
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** A small "Live" mark that pulses while data is being refreshed. */
export function LiveIndicator({
  label,
  fetching,
  title,
}: {
  label: string;
  fetching: boolean;
  title?: string;
}) {
  return (
    <Group gap={6} wrap="nowrap" title={title}>
      <span className="ec-live-dot" data-fetching={fetching || undefined} aria-hidden />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

export interface LiveUpdatedAtProps {
  /** when the data was last received (ms since the epoch; 0 when never) */
  updatedAt: number;
  locale: string;
  /** the translated "Updated at {{time}}" */
  label: (time: string) => string;
  /** shown before any data was received */
  loadingLabel: string;
  fetching: boolean;
  title?: string;
}

/** The live mark with the time the data was last refreshed. */
export function LiveUpdatedAt({
  updatedAt,
  locale,
  label,
  loadingLabel,
  fetching,
  title,
}: LiveUpdatedAtProps) {
  const time = updatedAt ? new Date(updatedAt).toLocaleTimeString(locale) : null;
  return <LiveIndicator label={time ? label(time) : loadingLabel} fetching={fetching} title={title} />;
}
