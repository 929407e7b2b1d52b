import type { CompiledQueryDto, Platform } from '@ecoute/contracts';
import { PlatformBadge } from '@ecoute/web-ui';
import { Alert, Code, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface CompiledQueriesProps {
  /** the selected platforms, in display order */
  platforms: readonly Platform[];
  results: readonly CompiledQueryDto[] | undefined;
  /** the results are on their way, or belong to an older version of the form */
  pending: boolean;
  /** the fields the compiler needs are invalid: nothing is compiled */
  invalid: boolean;
  /** the compile request itself failed */
  requestError: string | null;
  readOnly: boolean;
}

type CompiledState = 'ok' | 'error' | 'pending';

/** The query in each selected platform's own syntax, in monospace, or in red the limit it exceeds. */
export function CompiledQueries({
  platforms,
  results,
  pending,
  invalid,
  requestError,
  readOnly,
}: CompiledQueriesProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Stack component="section" aria-labelledby={titleId} gap="xs" data-testid="compiled-queries">
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h5" id={titleId}>
          {t('listening.compiled.title')}
        </Title>
        {pending && !invalid ? <Loader size="xs" aria-label={t('listening.compiled.pending')} /> : null}
      </Group>
      <Text size="xs" c="dimmed">
        {readOnly ? t('listening.compiled.readOnlyDescription') : t('listening.compiled.description')}
      </Text>
      {requestError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />} role="alert" p="xs">
          {t('listening.compiled.failed', { message: requestError })}
        </Alert>
      ) : null}
      {invalid ? (
        <Text size="sm" c="dimmed">
          {t('listening.compiled.invalid')}
        </Text>
      ) : platforms.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('listening.compiled.noPlatform')}
        </Text>
      ) : (
        platforms.map((p) => (
          <CompiledPlatform key={p} platform={p} result={results?.find((r) => r.platform === p)} />
        ))
      )}
    </Stack>
  );
}

function CompiledPlatform({
  platform,
  result,
}: {
  platform: Platform;
  result: CompiledQueryDto | undefined;
}) {
  const { t } = useTranslation();
  const state: CompiledState = !result ? 'pending' : result.error ? 'error' : 'ok';
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      data-testid={`compiled-${platform}`}
      data-state={state}
      style={state === 'error' ? { borderColor: 'var(--mantine-color-red-filled)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <PlatformBadge platform={platform} />
          {result && result.requests.length > 1 && !result.error ? (
            <Text size="xs" c="dimmed">
              {t('listening.compiled.separate', { n: result.requests.length })}
            </Text>
          ) : null}
        </Group>
        {!result ? (
          <Text size="xs" c="dimmed">
            {t('listening.compiled.pending')}
          </Text>
        ) : result.error ? (
          <Group
            gap={6}
            wrap="nowrap"
            align="flex-start"
            role="alert"
            data-testid={`compiled-error-${platform}`}
          >
            <IconAlertTriangle
              size={16}
              color="var(--mantine-color-red-text)"
              aria-hidden
              style={{ flex: 'none', marginTop: 2 }}
            />
            <Text size="sm" c="red" fw={500}>
              {result.error}
            </Text>
          </Group>
        ) : (
          result.requests.map((q, i) => (
            <Code key={i} block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {q}
            </Code>
          ))
        )}
      </Stack>
    </Paper>
  );
}
