import type { ConversationDetailDto } from '@ecoute/contracts';
import {
  AuthorAvatar,
  formatCompactNumber,
  formatLanguage,
  formatNumber,
  IntentBadge,
  PLATFORM_NAMES,
  PlatformBadge,
  RelativeTime,
  VerifiedMark,
} from '@ecoute/web-ui';
import { Anchor, Box, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconUserCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid={testId}>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0} style={{ textAlign: 'right', minWidth: 0 }}>
        {children}
      </Box>
    </Group>
  );
}

function Metric({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0} align="center">
      <Text fw={700} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** The author and the context of the open conversation. */
export function ContextPanel({ conversation }: { conversation: ConversationDetailDto | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (!conversation) {
    return (
      <Stack p="md" align="center" justify="center" h="100%" c="dimmed" gap="xs">
        <IconUserCircle size={32} aria-hidden />
        <Text size="sm" c="dimmed" ta="center">
          {t('inbox.context.empty')}
        </Text>
      </Stack>
    );
  }
  const { author, subject } = conversation;
  const language = formatLanguage(subject.language, locale);
  return (
    <Stack
      p="md"
      gap="md"
      component="aside"
      aria-label={t('inbox.context.label')}
      data-testid="context-panel"
    >
      <Stack align="center" gap={6}>
        <AuthorAvatar author={author} size="xl" />
        <Group gap={4} wrap="nowrap" justify="center">
          <Title order={3} size="h5" ta="center">
            {author.name || author.handle}
          </Title>
          {author.verified ? <VerifiedMark label={t('author.verified')} /> : null}
        </Group>
        <Text size="sm" c="dimmed">
          @{author.handle}
        </Text>
        <PlatformBadge platform={author.platform} />
      </Stack>

      <Box component="dl" m={0}>
        <Stack gap={6}>
          <Fact label={t('author.followers')} testId="author-followers">
            <Text size="sm" fw={600} title={formatNumber(author.followers, locale)}>
              {formatCompactNumber(author.followers, locale)}
            </Text>
          </Fact>
          <Fact label={t('author.verifiedLabel')}>
            <Text size="sm">{author.verified ? t('common.yes') : t('common.no')}</Text>
          </Fact>
        </Stack>
      </Box>

      <Divider label={t('inbox.context.post')} labelPosition="left" />
      <Stack gap={8}>
        <Anchor href={subject.url} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4} wrap="nowrap" component="span">
            <span>{t('inbox.context.openPost', { platform: PLATFORM_NAMES[subject.platform] })}</span>
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
        <Box component="dl" m={0}>
          <Stack gap={6}>
            <Fact label={t('inbox.context.language')}>
              <Text size="sm">{language ?? t('inbox.context.unknownLanguage')}</Text>
            </Fact>
            <Fact label={t('inbox.context.posted')}>
              <RelativeTime date={subject.createdAt} locale={locale} size="sm" c={undefined} />
            </Fact>
          </Stack>
        </Box>
        <Group gap={4} wrap="wrap" aria-label={t('inbox.context.intents')} role="group">
          <Text size="xs" c="dimmed" mr={4}>
            {t('inbox.context.intents')}
          </Text>
          {subject.intents.length > 0 ? (
            subject.intents.map((i) => (
              <IntentBadge key={i} intent={i} text={t(`intent.${i}`)} variant="light" neutralColor="indigo" />
            ))
          ) : (
            <Text size="xs">{t('inbox.context.noIntent')}</Text>
          )}
        </Group>
        <SimpleGrid cols={4} spacing={4} mt={4}>
          <Metric label={t('metrics.likes')} value={formatCompactNumber(subject.metrics.likes, locale)} />
          <Metric label={t('metrics.reposts')} value={formatCompactNumber(subject.metrics.reposts, locale)} />
          <Metric label={t('metrics.replies')} value={formatCompactNumber(subject.metrics.replies, locale)} />
          <Metric label={t('metrics.views')} value={formatCompactNumber(subject.metrics.views, locale)} />
        </SimpleGrid>
      </Stack>

      <Divider label={t('inbox.context.conversation')} labelPosition="left" />
      <Box component="dl" m={0}>
        <Stack gap={6}>
          <Fact label={t('inbox.context.status')}>
            <Text size="sm">{t(`status.${conversation.status}`)}</Text>
          </Fact>
          <Fact label={t('inbox.context.priority')}>
            <Text size="sm">{t(`priority.${conversation.priority}`)}</Text>
          </Fact>
          <Fact label={t('inbox.context.assignee')}>
            <Text size="sm">{conversation.assignee?.name ?? t('inbox.context.unassigned')}</Text>
          </Fact>
          <Fact label={t('inbox.context.opened')}>
            <RelativeTime date={conversation.openedAt} locale={locale} size="sm" c={undefined} />
          </Fact>
          {conversation.waitingSince ? (
            <Fact label={t('inbox.context.waitingSince')}>
              <RelativeTime date={conversation.waitingSince} locale={locale} size="sm" c="orange" />
            </Fact>
          ) : null}
          <Fact label={t('inbox.context.firstResponse')}>
            {conversation.firstResponseAt ? (
              <RelativeTime date={conversation.firstResponseAt} locale={locale} size="sm" c={undefined} />
            ) : (
              <Text size="sm">{t('inbox.context.noResponseYet')}</Text>
            )}
          </Fact>
        </Stack>
      </Box>
    </Stack>
  );
}
