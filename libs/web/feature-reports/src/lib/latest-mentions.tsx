import { useMentions, OVERVIEW_REFETCH_MS } from '@ecoute/web-data-access';
import {
  AuthorAvatar,
  EmptyPanel,
  IntentBadge,
  MentionByline,
  PLATFORM_NAMES,
  PlatformBadge,
  SelectableList,
  SelectableListItem,
  SentimentBadge,
} from '@ecoute/web-ui';
import { Alert, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconMessageCircleOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@ecoute/web-data-access';

export const LATEST_MENTIONS_LIMIT = 20;

export function LatestMentions() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const mentions = useMentions({ limit: LATEST_MENTIONS_LIMIT }, { refetchInterval: OVERVIEW_REFETCH_MS });
  const items = mentions.data?.items ?? [];

  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="latest-mentions-title">
      <Group
        justify="space-between"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Title order={2} size="h5" id="latest-mentions-title">
          {t('overview.latest.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('overview.latest.subtitle', { n: LATEST_MENTIONS_LIMIT })}
        </Text>
      </Group>
      {mentions.isPending ? (
        <Stack p="md" gap="md">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={48} />
          ))}
        </Stack>
      ) : mentions.isError && items.length === 0 ? (
        <Alert m="md" color="red" icon={<IconAlertCircle size={16} />} role="alert">
          {errorMessage(mentions.error)}
        </Alert>
      ) : items.length === 0 ? (
        <EmptyPanel
          icon={<IconMessageCircleOff size={28} />}
          title={t('overview.latest.empty')}
          description={t('overview.latest.emptyHint')}
        />
      ) : (
        <SelectableList aria-label={t('overview.latest.title')} data-testid="latest-mentions">
          {items.map((m) => (
            <SelectableListItem key={m.id} testId="mention-item">
              <Group gap="sm" wrap="nowrap" align="flex-start" px="md" py="sm">
                <AuthorAvatar author={m.author} size="md" />
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <MentionByline
                    mention={m}
                    locale={i18n.language}
                    openPostLabel={t('overview.latest.openPost', { platform: PLATFORM_NAMES[m.platform] })}
                    verifiedLabel={t('author.verified')}
                  />
                  <Text
                    size="sm"
                    lineClamp={3}
                    style={{ overflowWrap: 'anywhere' }}
                    lang={m.language ?? undefined}
                  >
                    {m.text}
                  </Text>
                  <Group gap={4} wrap="wrap">
                    <SentimentBadge label={m.sentiment.label} text={t(`sentiment.${m.sentiment.label}`)} />
                    <PlatformBadge platform={m.platform} />
                    {m.intents.map((intent) => (
                      <IntentBadge key={intent} intent={intent} text={t(`intent.${intent}`)} />
                    ))}
                  </Group>
                </Stack>
              </Group>
            </SelectableListItem>
          ))}
        </SelectableList>
      )}
    </Paper>
  );
}
