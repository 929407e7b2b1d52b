import type { ConversationSummaryDto } from '@ecoute/contracts';
import {
  AuthorAvatar,
  PlatformBadge,
  PriorityBadge,
  RelativeTime,
  ROW_LINK_CLASS,
  SelectableListItem,
  SentimentBadge,
  StatusBadge,
  VerifiedMark,
} from '@ecoute/web-ui';
import { Group, Stack, Text } from '@mantine/core';
import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SlaRowBadge } from './sla-badge';

export interface ConversationRowProps {
  conversation: ConversationSummaryDto;
  href: string;
  selected: boolean;
  active: boolean;
  showStatus: boolean;
  onOpen: (id: string) => void;
}

export const ConversationRow = memo(function ConversationRow({
  conversation: c,
  href,
  selected,
  active,
  showStatus,
  onOpen,
}: ConversationRowProps) {
  const { t, i18n } = useTranslation();
  const isNew = c.status === 'new';
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    // a plain click opens in place; modified clicks (new tab…) keep the browser's behaviour
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen(c.id);
  };
  return (
    <SelectableListItem
      testId="conversation-item"
      selected={selected}
      active={active}
      emphasized={isNew}
      data-conversation-id={c.id}
      data-status={c.status}
    >
      <a
        href={href}
        className={ROW_LINK_CLASS}
        onClick={onClick}
        aria-current={selected ? 'page' : undefined}
        data-conversation-link={c.id}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <AuthorAvatar author={c.author} size="md" />
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
                <Text
                  size="sm"
                  fw={isNew ? 800 : 600}
                  truncate="end"
                  style={{ flexShrink: 0, maxWidth: '70%' }}
                >
                  {c.author.name || c.author.handle}
                </Text>
                {c.author.verified ? <VerifiedMark label={t('author.verified')} size={14} /> : null}
                <Text size="xs" c="dimmed" truncate="end">
                  @{c.author.handle}
                </Text>
              </Group>
              <RelativeTime date={c.lastMessageAt} locale={i18n.language} />
            </Group>
            <Text
              size="sm"
              c={isNew ? undefined : 'dimmed'}
              lineClamp={2}
              style={{ overflowWrap: 'anywhere' }}
            >
              {c.subject.text}
            </Text>
            <Group gap={4} wrap="wrap">
              <SentimentBadge
                label={c.subject.sentiment.label}
                text={t(`sentiment.${c.subject.sentiment.label}`)}
              />
              <SlaRowBadge sla={c.sla} />
              <PriorityBadge priority={c.priority} text={t(`priority.${c.priority}`)} />
              <PlatformBadge platform={c.platform} />
              {showStatus ? <StatusBadge status={c.status} text={t(`status.${c.status}`)} /> : null}
              {c.messageCount > 1 ? (
                <Text size="xs" c="dimmed">
                  {t('inbox.list.messages', { n: c.messageCount })}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </Group>
      </a>
    </SelectableListItem>
  );
});
