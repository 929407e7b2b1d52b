import {
  ActionIcon,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';

export interface KpiCardProps {
  label: string;
  value: ReactNode;
  icon?: ReactNode;
  color?: string;
  /** the metric's definition (DESIGN §4), shown in a tooltip on an info button */
  definition?: string;
  /** accessible name of the info button, e.g. "Definition of net sentiment" */
  definitionLabel?: string;
  footer?: ReactNode;
  loading?: boolean;
  testId?: string;
}

export function KpiCard({
  label,
  value,
  icon,
  color = 'indigo',
  definition,
  definitionLabel,
  footer,
  loading,
  testId,
}: KpiCardProps) {
  const definitionId = useId();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} role="group" aria-label={label}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
              {label}
            </Text>
            {definition ? (
              <Tooltip
                label={definition}
                multiline
                w={280}
                withArrow
                events={{ hover: true, focus: true, touch: true }}
              >
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="xs"
                  aria-label={definitionLabel ?? definition}
                  aria-describedby={definitionId}
                >
                  <IconInfoCircle size={14} aria-hidden />
                </ActionIcon>
              </Tooltip>
            ) : null}
            {definition ? (
              // screen readers get the definition without the tooltip
              <VisuallyHidden id={definitionId}>{definition}</VisuallyHidden>
            ) : null}
          </Group>
          {loading ? (
            <Skeleton height={34} width={90} mt={2} />
          ) : (
            <Text fz={30} fw={700} lh={1.15} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {value}
            </Text>
          )}
          {footer ? (
            <Text size="xs" c="dimmed">
              {footer}
            </Text>
          ) : null}
        </Stack>
        {icon ? (
          <ThemeIcon variant="light" color={color} size={40} radius="md">
            {icon}
          </ThemeIcon>
        ) : null}
      </Group>
    </Paper>
  );
}
