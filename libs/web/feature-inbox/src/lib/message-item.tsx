import { findTermRanges, type MessageDto } from '@ecoute/contracts';
import {
  DeliveryState,
  HighlightedText,
  MentionByline,
  MentionIntents,
  PLATFORM_NAMES,
  RelativeTime,
  SentimentEvidence,
} from '@ecoute/web-ui';
import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconNote } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CorrectMentionButton } from './correct-mention-button';
import { useEvidenceLabels } from './evidence-labels';

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
  const { t } = useTranslation();
  const evidence = useEvidenceLabels();
  const mention = message.mention;
  if (!mention) return <EventMessage message={message} />;
  const { sentiment } = mention;
  const text = mention.text || message.body;
  const terms = [...new Set((mention.matches ?? []).flatMap((x) => x.terms))];
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
          locale={evidence.locale}
          openPostLabel={t('inbox.thread.openPost', { platform: PLATFORM_NAMES[mention.platform] })}
          verifiedLabel={t('author.verified')}
        />
        <HighlightedText
          text={text}
          ranges={findTermRanges(text, terms)}
          evidence={evidence.highlights(text, sentiment.explanation)}
          lang={mention.language ?? undefined}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          testId="message-text"
        />
        <Box pt={4} style={{ borderTop: '1px dashed var(--mantine-color-default-border)' }}>
          <Stack gap={6}>
            <SentimentEvidence
              sentiment={sentiment}
              locale={evidence.locale}
              labels={evidence.sentiment(sentiment)}
              corrected={mention.corrected.sentiment}
            />
            <Group gap="xs" wrap="wrap" justify="space-between">
              <MentionIntents
                intents={mention.intents}
                evidence={mention.intentEvidence}
                abuse={mention.abuse}
                corrected={mention.corrected.intents}
                locale={evidence.locale}
                labels={evidence.intents}
              />
              <Box ml="auto">
                <CorrectMentionButton mention={mention} />
              </Box>
            </Group>
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
