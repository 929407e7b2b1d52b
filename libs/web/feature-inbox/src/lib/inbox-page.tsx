import type { ConversationSummaryDto } from '@ecoute/contracts';
import { useConversation, useConversations } from '@ecoute/web-data-access';
import { ThreePane } from '@ecoute/web-ui';
import { useDocumentTitle } from '@mantine/hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ContextPanel } from './context-panel';
import { ConversationList } from './conversation-list';
import { ConversationPane } from './conversation-pane';
import { useInboxKeyboard } from './use-inbox-keyboard';
import { DEFAULT_VIEW, parseView, viewStatuses, type InboxViewId } from './views';

export interface InboxPageProps {
  /** where the router mounts the inbox; a conversation lives at `${basePath}/:conversationId` */
  basePath?: string;
}

function uniqueById(items: ConversationSummaryDto[]): ConversationSummaryDto[] {
  const seen = new Set<string>();
  return items.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

/** The shared inbox: conversation list, conversation, author and context. */
export function InboxPage({ basePath = '/inbox' }: InboxPageProps) {
  const { t } = useTranslation();
  const { conversationId = null } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const view = parseView(searchParams.get('view'));
  useDocumentTitle(`${t('inbox.title')} · ${t('app.name')}`);

  const list = useConversations({ status: viewStatuses(view) });
  const items = useMemo(() => uniqueById(list.data?.pages.flatMap((p) => p.items) ?? []), [list.data]);
  const detail = useConversation(conversationId);

  // The keyboard cursor (j/k) follows the open conversation, and can move away from it.
  const [cursor, setCursor] = useState<{ id: string | null; forSelection: string | null }>({
    id: conversationId,
    forSelection: conversationId,
  });
  if (cursor.forSelection !== conversationId)
    setCursor({ id: conversationId ?? cursor.id, forSelection: conversationId });
  const activeId = cursor.id;

  const listRef = useRef<HTMLUListElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  const hrefFor = useCallback(
    (id: string) => `${basePath}/${encodeURIComponent(id)}${location.search}`,
    [basePath, location.search],
  );
  const open = useCallback(
    (id: string) => {
      setCursor({ id, forSelection: id });
      navigate(hrefFor(id));
    },
    [navigate, hrefFor],
  );

  const focusRow = (id: string) => {
    const link = Array.from(
      listRef.current?.querySelectorAll<HTMLElement>('[data-conversation-link]') ?? [],
    ).find((el) => el.dataset.conversationLink === id);
    link?.focus();
  };
  const move = (delta: number) => {
    if (items.length === 0) return;
    const index = items.findIndex((c) => c.id === activeId);
    const nextIndex = index === -1 ? 0 : Math.min(items.length - 1, Math.max(0, index + delta));
    const id = items[nextIndex].id;
    setCursor((c) => ({ ...c, id }));
    focusRow(id);
  };

  useInboxKeyboard({
    next: () => move(1),
    previous: () => move(-1),
    open: () => {
      if (activeId && items.some((c) => c.id === activeId)) open(activeId);
    },
    reply: () => composerRef.current?.focus(),
  });

  const changeView = (next: InboxViewId) => {
    const params = new URLSearchParams(searchParams);
    if (next === DEFAULT_VIEW) params.delete('view');
    else params.set('view', next);
    setSearchParams(params);
  };

  return (
    <ThreePane
      mainOpen={conversationId !== null}
      labels={{
        list: t('inbox.panes.list'),
        main: t('inbox.panes.conversation'),
        aside: t('inbox.panes.context'),
      }}
      list={
        <ConversationList
          view={view}
          onViewChange={changeView}
          items={items}
          isLoading={list.isPending}
          isFetching={list.isFetching}
          error={list.error}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          onRetry={() => void list.refetch()}
          selectedId={conversationId}
          activeId={activeId}
          hrefFor={hrefFor}
          onOpen={open}
          listRef={listRef}
        />
      }
      main={
        <ConversationPane
          conversationId={conversationId}
          conversation={detail.data}
          isLoading={detail.isPending}
          error={detail.error}
          onRetry={() => detail.refetch()}
          composerRef={composerRef}
          onLeaveComposer={() => {
            if (activeId) focusRow(activeId);
          }}
          onBack={() => navigate(`${basePath}${location.search}`)}
        />
      }
      aside={<ContextPanel conversation={detail.data} />}
    />
  );
}
