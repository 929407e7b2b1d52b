import { roleHasPermission, type ConversationDetailDto } from '@ecoute/contracts';
import { useMe, useMembers, useTeams } from '@ecoute/web-data-access';
import {
  AuthorAvatar,
  EmptyPanel,
  formatDateTime,
  LoadFailedAlert,
  PLATFORM_NAMES,
  PlatformBadge,
  PriorityBadge,
  StatusBadge,
  VerifiedMark,
} from '@ecoute/web-ui';
import { ActionIcon, Alert, Badge, Box, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowUpRight, IconLock, IconMessages, IconUsersGroup } from '@tabler/icons-react';
import { Fragment, useEffect, useRef, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationActions } from './conversation-actions';
import { TrailItem } from './conversation-trail';
import { MessageItem } from './message-item';
import { SlaClockBadge } from './sla-badge';
import { ReplyComposer } from './reply-composer';
import { useErrorMessage } from '@ecoute/web-data-access';

export interface ConversationPaneProps {
  conversationId: string | null;
  conversation: ConversationDetailDto | undefined;
  isLoading: boolean;
  error: unknown;
  /** fetches the conversation again; resolves when it is back */
  onRetry: () => unknown;
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
      <Stack
        gap="xs"
        px="md"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <ConversationState conversation={c} />
        {canReply ? <ConversationActions key={c.id} conversation={c} onReload={onRetry} /> : null}
      </Stack>
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

/** Team, tags, escalation and SLA clocks: what the agent needs to know before acting. */
function ConversationState({ conversation: c }: { conversation: ConversationDetailDto }) {
  const { t, i18n } = useTranslation();
  const clocks = (['firstResponse', 'resolution'] as const).flatMap((name) => {
    const clock = c.sla[name];
    return clock ? [<SlaClockBadge key={name} name={name} clock={clock} />] : [];
  });
  const parts: ReactNode[] = [];
  if (c.team)
    parts.push(
      <Group key="team" gap={4} wrap="nowrap" data-testid="conversation-team">
        <IconUsersGroup size={14} aria-hidden />
        <Text size="xs">{t('inbox.state.team', { team: c.team.name })}</Text>
      </Group>,
    );
  if (c.status === 'snoozed' && c.snoozedUntil)
    parts.push(
      <Text key="snoozed" size="xs" data-testid="conversation-snoozed">
        {t('inbox.state.snoozedUntil', { until: formatDateTime(c.snoozedUntil, i18n.language) })}
      </Text>,
    );
  if (c.tags.length > 0)
    parts.push(
      <Group key="tags" gap={4} wrap="wrap" role="list" aria-label={t('inbox.state.tags')}>
        {c.tags.map((tag) => (
          <Badge key={tag} role="listitem" size="xs" variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {tag}
          </Badge>
        ))}
      </Group>,
    );
  if (clocks.length > 0)
    parts.push(
      <Group key="sla" gap={4} wrap="wrap" role="group" aria-label={t('inbox.sla.label')}>
        {clocks}
      </Group>,
    );
  const escalation = c.escalation;
  return (
    <Stack gap={4}>
      {parts.length > 0 ? (
        <Group gap="sm" wrap="wrap">
          {parts}
        </Group>
      ) : null}
      {escalation ? (
        <Group gap={4} wrap="nowrap" align="flex-start" data-testid="conversation-escalation">
          <IconArrowUpRight size={14} aria-hidden color="var(--mantine-color-orange-6)" />
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {escalation.toUser
              ? t('inbox.state.escalatedToUser', { name: escalation.toUser.name, reason: escalation.reason })
              : t('inbox.state.escalatedToTeam', {
                  team: escalation.toTeam?.name ?? t('inbox.trail.aTeam'),
                  reason: escalation.reason,
                })}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}

function Thread({ conversation }: { conversation: ConversationDetailDto }) {
  const { t } = useTranslation();
  const members = useMembers();
  const teams = useTeams();
  const ref = useRef<HTMLDivElement>(null);
  const count = conversation.messages.length + conversation.events.length;
  const names = { members: members.data, teams: teams.data, conversation };
  // messages and the trail, in the order they happened (a stable sort keeps each list's own order on a tie)
  const items = [
    ...conversation.messages.map((m) => ({ at: m.createdAt, key: `m-${m.id}`, node: <MessageItem message={m} /> })),
    ...conversation.events.map((e) => ({
      at: e.createdAt,
      key: `e-${e.id}`,
      node: <TrailItem event={e} names={names} />,
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
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
        {items.map((item) => (
          <Fragment key={item.key}>{item.node}</Fragment>
        ))}
      </Stack>
    </Box>
  );
}
