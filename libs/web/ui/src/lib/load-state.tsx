import { Alert, Button, Skeleton, Stack, Text, type AlertProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface LoadingSkeletonsProps {
  /** the accessible name of the busy region, e.g. "Loading…" */
  label: string;
  /** the height of each placeholder row */
  height: number;
  count?: number;
}

/** A busy column of placeholder rows while a list loads. */
export function LoadingSkeletons({ label, height, count = 3 }: LoadingSkeletonsProps) {
  return (
    <Stack gap="sm" aria-busy="true" aria-label={label}>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} height={height} />
      ))}
    </Stack>
  );
}

export interface LoadFailedAlertProps extends Omit<
  AlertProps,
  'children' | 'title' | 'color' | 'icon' | 'role'
> {
  title: ReactNode;
  /** what went wrong, already translated */
  message: ReactNode;
  retryLabel: string;
  onRetry: () => void;
}

/** Nothing could be loaded: the error, and a button to try again. */
export function LoadFailedAlert({ title, message, retryLabel, onRetry, ...rest }: LoadFailedAlertProps) {
  return (
    <Alert color="red" icon={<IconAlertCircle size={16} />} title={title} role="alert" {...rest}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {retryLabel}
        </Button>
      </Stack>
    </Alert>
  );
}

export type RefreshFailedAlertProps = Omit<AlertProps, 'color' | 'variant' | 'icon' | 'role'>;

/** The data shown is still there, but refreshing it failed. */
export function RefreshFailedAlert({ children, ...rest }: RefreshFailedAlertProps) {
  return (
    <Alert color="orange" variant="light" icon={<IconAlertCircle size={16} />} role="alert" {...rest}>
      {children}
    </Alert>
  );
}
