import type { MessageDto } from '@ecoute/contracts';
import {
  DeliveryState,
  IntentBadge,
  MentionByline,
  PLATFORM_NAMES,
  RelativeTime,
  SentimentBadge,
  SentimentWords,
} from '@ecoute/web-ui';
import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconNote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function MessageItem({ message }: { message: MessageDto }) {
  switch (message.kind) {
    case 'inbound':
      return <InboundMessage message={message} />;
    case 'reply':
      return <ReplyMessage message={message} />;
    case 'note':
      return <NoteMessage message={message} />;
    default:
      return <EventMessage message={message} />;
  }
}

function InboundMessage({ message }: { message: MessageDto }) {
  const { t, i18n } = useTranslation();
  const mention = message.mention;
  if (!mention) return <EventMessage message={message} />;
  const { sentiment } = mention;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      className="ec-thread-inbound"
      component="article"
      data-testid="message"
      data-kind="inbound"
      aria-label={t('inbox.thread.inboundLabel', { name: mention.author.name || mention.author.handle })}
    >
      <Stack gap="xs">
        <MentionByline
          variant="thread"
          mention={mention}
          locale={i18n.language}
          openPostLabel={t('inbox.thread.openPost', { platform: PLATFORM_NAMES[mention.platform] })}
          verifiedLabel={t('author.verified')}
        />
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          lang={mention.language ?? undefined}
        >
          {mention.text || message.body}
        </Text>
        <Box pt={4} style={{ borderTop: '1px dashed var(--mantine-color-default-border)' }}>
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <SentimentBadge
                label={sentiment.label}
                text={t(`sentiment.${sentiment.label}`)}
                hint={t('sentiment.score', {
                  score: new Intl.NumberFormat(i18n.language, {
                    signDisplay: 'exceptZero',
                    maximumFractionDigits: 2,
                  }).format(sentiment.score),
                })}
              />
              {mention.intents.map((intent) => (
                <IntentBadge key={intent} intent={intent} text={t(`intent.${intent}`)} />
              ))}
            </Group>
            <SentimentWords
              explanation={sentiment.explanation}
              locale={i18n.language}
              labels={{
                positive: t('sentiment.words.positive'),
                negative: t('sentiment.words.negative'),
                negated: t('sentiment.words.negated'),
                none: t('sentiment.words.none'),
              }}
            />
          </Stack>
        </Box>
      </Stack>
    </Paper>
  );
}

function ReplyMessage({ message }: { message: MessageDto }) {
  const { t, i18n } = useTranslation();
  const delivery = message.delivery;
  return (
    <Paper
      radius="md"
      p="sm"
      className="ec-thread-reply"
      component="article"
      data-testid="message"
      data-kind="reply"
      bg="var(--mantine-primary-color-light)"
      aria-label={t('inbox.thread.replyLabel', { name: message.sentBy?.name ?? t('inbox.thread.team') })}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Text size="xs" fw={600}>
            {message.sentBy?.name ?? t('inbox.thread.team')}
          </Text>
          <RelativeTime date={message.createdAt} locale={i18n.language} />
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
        {delivery ? (
          <DeliveryState
            state={delivery.state}
            text={t(`delivery.${delivery.state}`)}
            error={delivery.state === 'failed' ? delivery.error : null}
            extra={
              <>
                {delivery.platformPostId ? (
                  <Text size="xs" c="dimmed">
                    {t('delivery.postId', { id: delivery.platformPostId })}
                  </Text>
                ) : null}
                {delivery.attempts > 1 ? (
                  <Text size="xs" c="dimmed">
                    {t('delivery.attempts', { n: delivery.attempts })}
                  </Text>
                ) : null}
              </>
            }
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function NoteMessage({ message }: { message: MessageDto }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper
      radius="md"
      p="sm"
      className="ec-thread-note"
      component="article"
      data-testid="message"
      data-kind="note"
      bg="var(--mantine-color-yellow-light)"
    >
      <Group gap={6} mb={4} wrap="nowrap">
        <IconNote size={14} aria-hidden />
        <Text size="xs" fw={600}>
          {t('inbox.thread.note', { name: message.sentBy?.name ?? t('inbox.thread.team') })}
        </Text>
        <RelativeTime date={message.createdAt} locale={i18n.language} />
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Text>
    </Paper>
  );
}

function EventMessage({ message }: { message: MessageDto }) {
  const { i18n } = useTranslation();
  return (
    <Group justify="center" gap={6} data-testid="message" data-kind={message.kind}>
      <Text size="xs" c="dimmed">
        {message.body}
      </Text>
      <RelativeTime date={message.createdAt} locale={i18n.language} />
    </Group>
  );
}
