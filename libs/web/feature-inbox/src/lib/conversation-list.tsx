import type { ConversationSummaryDto } from '@ecoute/contracts';
import {
  EmptyPanel,
  LiveIndicator,
  LoadFailedAlert,
  RefreshFailedAlert,
  SelectableList,
  ShortcutLegend,
} from '@ecoute/web-ui';
import { Box, Button, Group, Skeleton, Stack, Tabs, Title } from '@mantine/core';
import { IconInboxOff } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationRow } from './conversation-row';
import { useErrorMessage } from '@ecoute/web-data-access';
import { INBOX_VIEWS, type InboxViewId } from './views';

export interface ConversationListProps {
  view: InboxViewId;
  onViewChange: (view: InboxViewId) => void;
  items: ConversationSummaryDto[];
  isLoading: boolean;
  isFetching: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  onRetry: () => void;
  selectedId: string | null;
  activeId: string | null;
  hrefFor: (id: string) => string;
  onOpen: (id: string) => void;
  listRef: Ref<HTMLUListElement>;
}

export function ConversationList(props: ConversationListProps) {
  const {
    view,
    onViewChange,
    items,
    isLoading,
    isFetching,
    error,
    hasNextPage,
    isFetchingNextPage,
    onLoadMore,
    onRetry,
    selectedId,
    activeId,
    hrefFor,
    onOpen,
    listRef,
  } = props;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();

  return (
    <>
      <Box px="md" pt="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group justify="space-between" mb={6} wrap="nowrap">
          <Title order={1} size="h4">
            {t('inbox.title')}
          </Title>
          <LiveIndicator label={t('common.live')} fetching={isFetching} title={t('inbox.list.liveHint')} />
        </Group>
        <Tabs value={view} onChange={(v) => v && onViewChange(v as InboxViewId)} variant="default">
          <Tabs.List aria-label={t('inbox.views.label')} grow>
            {INBOX_VIEWS.map((v) => (
              <Tabs.Tab key={v.id} value={v.id} fz="xs" px={6}>
                {t(`inbox.views.${v.id}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </Box>

      <Box style={{ flex: 1, overflowY: 'auto', minHeight: 0 }} aria-busy={isLoading || undefined}>
        {error && items.length > 0 ? (
          <RefreshFailedAlert m="xs" p="xs">
            {t('inbox.list.refreshFailed', { message: errorMessage(error) })}
          </RefreshFailedAlert>
        ) : null}
        {isLoading ? (
          <Stack p="md" gap="lg" aria-label={t('common.loading')}>
            {[0, 1, 2, 3, 4].map((i) => (
              <Group key={i} wrap="nowrap" align="flex-start">
                <Skeleton circle height={38} />
                <Stack gap={6} style={{ flex: 1 }}>
                  <Skeleton height={10} width="50%" />
                  <Skeleton height={10} />
                  <Skeleton height={10} width="80%" />
                </Stack>
              </Group>
            ))}
          </Stack>
        ) : error && items.length === 0 ? (
          <LoadFailedAlert
            m="md"
            title={t('inbox.list.loadFailed')}
            message={errorMessage(error)}
            retryLabel={t('common.retry')}
            onRetry={onRetry}
          />
        ) : items.length === 0 ? (
          <EmptyPanel
            testId="inbox-empty"
            icon={<IconInboxOff size={28} />}
            title={t(`inbox.empty.${view}.title`)}
            description={t(`inbox.empty.${view}.description`)}
          />
        ) : (
          <SelectableList ref={listRef} aria-label={t('inbox.list.label')} data-testid="conversation-list">
            {items.map((c) => (
              <ConversationRow
                key={c.id}
                conversation={c}
                href={hrefFor(c.id)}
                selected={c.id === selectedId}
                active={c.id === activeId}
                showStatus={view === 'all'}
                onOpen={onOpen}
              />
            ))}
          </SelectableList>
        )}
        {hasNextPage ? (
          <Group justify="center" p="sm">
            <Button variant="subtle" size="xs" onClick={onLoadMore} loading={isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Box>

      <Box
        px="md"
        py={8}
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        visibleFrom="sm"
      >
        <ShortcutLegend
          items={[
            { keys: ['j', 'k'], label: t('inbox.shortcuts.move') },
            { keys: ['Enter'], label: t('inbox.shortcuts.open') },
            { keys: ['r'], label: t('inbox.shortcuts.reply') },
            { keys: ['Esc'], label: t('inbox.shortcuts.leave') },
          ]}
        />
      </Box>
    </>
  );
}
