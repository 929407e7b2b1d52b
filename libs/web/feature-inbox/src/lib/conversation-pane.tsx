import { roleHasPermission, type ConversationDetailDto } from '@ecoute/contracts';
import { useMe } from '@ecoute/web-data-access';
import {
  AuthorAvatar,
  EmptyPanel,
  LoadFailedAlert,
  PLATFORM_NAMES,
  PlatformBadge,
  PriorityBadge,
  StatusBadge,
  VerifiedMark,
} from '@ecoute/web-ui';
import { ActionIcon, Alert, Box, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock, IconMessages } from '@tabler/icons-react';
import { useEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageItem } from './message-item';
import { ReplyComposer } from './reply-composer';
import { useErrorMessage } from '@ecoute/web-data-access';

export interface ConversationPaneProps {
  conversationId: string | null;
  conversation: ConversationDetailDto | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  composerRef: Ref<HTMLTextAreaElement>;
  onLeaveComposer: () => void;
  /** back to the list, on small screens where the panes do not fit side by side */
  onBack: () => void;
}

export function ConversationPane({
  conversationId,
  conversation,
  isLoading,
  error,
  onRetry,
  composerRef,
  onLeaveComposer,
  onBack,
}: ConversationPaneProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const canReply = me.data ? roleHasPermission(me.data.user.role, 'inbox.reply') : true;

  if (!conversationId) {
    return (
      <Box style={{ display: 'grid', placeItems: 'center', flex: 1 }}>
        <EmptyPanel
          testId="no-conversation-selected"
          icon={<IconMessages size={28} />}
          title={t('inbox.pane.noneSelected')}
          description={t('inbox.pane.noneSelectedHint')}
        />
      </Box>
    );
  }
  if (isLoading && !conversation) {
    return (
      <Stack p="md" gap="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={28} width="40%" />
        <Skeleton height={90} />
        <Skeleton height={60} width="70%" ml="auto" />
      </Stack>
    );
  }
  if (!conversation) {
    return (
      <Box p="md">
        <LoadFailedAlert
          title={t('inbox.pane.loadFailed')}
          message={errorMessage(error)}
          retryLabel={t('common.retry')}
          onRetry={onRetry}
        />
      </Box>
    );
  }

  const c = conversation;
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Group
        px="md"
        py="sm"
        justify="space-between"
        wrap="nowrap"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ActionIcon
            variant="subtle"
            color="gray"
            hiddenFrom="sm"
            onClick={onBack}
            aria-label={t('inbox.pane.back')}
          >
            <IconArrowLeft size={18} aria-hidden />
          </ActionIcon>
          <AuthorAvatar author={c.author} size="md" />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={4} wrap="nowrap">
              <Title order={2} size="h4" lineClamp={1}>
                {c.author.name || c.author.handle}
              </Title>
              {c.author.verified ? <VerifiedMark label={t('author.verified')} /> : null}
            </Group>
            <Text size="xs" c="dimmed" truncate="end">
              @{c.author.handle}
              {c.messageCount > 1 ? ` · ${t('inbox.pane.messages', { n: c.messageCount })}` : ''}
              {c.assignee ? ` · ${t('inbox.pane.assignedTo', { name: c.assignee.name })}` : ''}
            </Text>
          </Stack>
        </Group>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <StatusBadge status={c.status} text={t(`status.${c.status}`)} />
          <PriorityBadge priority={c.priority} text={t(`priority.${c.priority}`)} />
          <PlatformBadge platform={c.platform} visibleFrom="sm" />
        </Group>
      </Group>
      <Thread conversation={c} />
      <Box p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {!c.replies.possible ? (
          <Alert color="gray" variant="light" icon={<IconLock size={16} />} data-testid="replies-impossible">
            {t(`inbox.composer.readOnly.${c.replies.code}`, { platform: PLATFORM_NAMES[c.platform] })}
          </Alert>
        ) : canReply ? (
          <ReplyComposer
            key={c.id}
            conversationId={c.id}
            textareaRef={composerRef}
            onEscape={onLeaveComposer}
          />
        ) : (
          <Alert color="gray" variant="light" icon={<IconLock size={16} />}>
            {t('inbox.composer.notAllowed', { role: t(`roles.${me.data?.user.role ?? 'analyst'}`) })}
          </Alert>
        )}
      </Box>
    </Box>
  );
}

function Thread({ conversation }: { conversation: ConversationDetailDto }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const count = conversation.messages.length;
  // Keep the newest message in view when the conversation opens and when a message arrives.
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [conversation.id, count]);

  return (
    <Box
      ref={ref}
      style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}
      p="md"
      role="log"
      aria-label={t('inbox.thread.label')}
      aria-live="polite"
    >
      <Stack gap="sm">
        {conversation.messages.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
      </Stack>
    </Box>
  );
}
