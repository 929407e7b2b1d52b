import type { ListeningQueryDto } from '@ecoute/contracts';
import {
  useErrorMessage,
  useListeningQueries,
  useListeningQuery,
  useUpdateListeningQuery,
} from '@ecoute/web-data-access';
import {
  EmptyPanel,
  LoadFailedAlert,
  LoadingSkeletons,
  PageHeader,
  PlatformBadge,
  QueryKindBadge,
} from '@ecoute/web-ui';
import {
  Alert,
  Anchor,
  Button,
  Container,
  Drawer,
  Group,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Badge,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEar, IconLock, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate, useParams } from 'react-router-dom';
import { listeningPaths, type ListeningPageProps } from './paths';
import { QueryEditor } from './query-editor';
import { useListeningAccess } from './use-listening-access';

/**
 * Listening → Queries: the workspace's listening queries, and the editor in a drawer at
 * `${basePath}/queries/new` and `${basePath}/queries/:queryId`.
 */
export function ListeningQueriesPage({ basePath = '/listening' }: ListeningPageProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const paths = listeningPaths(basePath);
  const navigate = useNavigate();
  const { queryId = null } = useParams();
  const isNew = useMatch(paths.newQuery) !== null;
  const { canWrite, role, known } = useListeningAccess();
  const queries = useListeningQueries();
  useDocumentTitle(`${t('listening.queries.title')} · ${t('app.name')}`);

  const editorOpen = isNew || queryId !== null;
  const closeEditor = () => navigate(paths.queries);
  const items = queries.data ?? [];

  return (
    <Container size="xl" py="lg" px={{ base: 'md', md: 'xl' }} w="100%">
      <PageHeader
        title={t('listening.queries.title')}
        description={t('listening.queries.description')}
        actions={
          canWrite ? (
            <Button component={Link} to={paths.newQuery} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('listening.queries.new')}
            </Button>
          ) : null
        }
      />
      {!canWrite && role ? (
        <Alert color="gray" variant="light" icon={<IconLock size={16} />} mb="md" data-testid="read-only">
          {t('listening.readOnly', { role: t(`roles.${role}`) })}
        </Alert>
      ) : null}

      {queries.isPending ? (
        <LoadingSkeletons label={t('common.loading')} height={44} />
      ) : queries.isError && items.length === 0 ? (
        <LoadFailedAlert
          title={t('listening.queries.loadFailed')}
          message={errorMessage(queries.error)}
          retryLabel={t('common.retry')}
          onRetry={() => void queries.refetch()}
        />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyPanel
            testId="queries-empty"
            icon={<IconEar size={28} />}
            title={t('listening.queries.emptyTitle')}
            description={
              canWrite ? t('listening.queries.emptyHint') : t('listening.queries.emptyHintReadOnly')
            }
            action={
              canWrite ? (
                <Button component={Link} to={paths.newQuery} variant="light">
                  {t('listening.queries.new')}
                </Button>
              ) : undefined
            }
          />
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('listening.queries.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('listening.queries.name')}</Table.Th>
                  <Table.Th>{t('listening.queries.kind')}</Table.Th>
                  <Table.Th>{t('listening.queries.platforms')}</Table.Th>
                  <Table.Th>{t('listening.queries.status')}</Table.Th>
                  <Table.Th>{t('listening.queries.mentions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((q) => (
                  <QueryRow key={q.id} query={q} canWrite={canWrite} basePath={basePath} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <Drawer
        opened={editorOpen}
        onClose={closeEditor}
        position="right"
        size="xl"
        title={<EditorTitle queryId={queryId} isNew={isNew} canWrite={canWrite} />}
        closeButtonProps={{ 'aria-label': t('listening.editor.close') }}
        styles={{
          content: { maxWidth: '100vw' },
          title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' },
        }}
        data-testid="query-drawer"
      >
        {editorOpen ? (
          <EditorBody
            key={queryId ?? 'new'}
            queryId={isNew ? null : queryId}
            accessKnown={known}
            canWrite={canWrite}
            role={role}
            onClose={closeEditor}
          />
        ) : null}
      </Drawer>
    </Container>
  );
}

function EditorTitle({
  queryId,
  isNew,
  canWrite,
}: {
  queryId: string | null;
  isNew: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const query = useListeningQuery(isNew ? null : queryId);
  if (isNew) return <>{t('listening.editor.newTitle')}</>;
  const name = query.data?.name ?? '…';
  return (
    <>{canWrite ? t('listening.editor.editTitle', { name }) : t('listening.editor.viewTitle', { name })}</>
  );
}

function EditorBody({
  queryId,
  accessKnown,
  canWrite,
  role,
  onClose,
}: {
  queryId: string | null;
  /** the user's permissions are known (until then, the editor would not know whether to be read-only) */
  accessKnown: boolean;
  canWrite: boolean;
  role: ReturnType<typeof useListeningAccess>['role'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useListeningQuery(queryId);
  if (accessKnown && !queryId) return <QueryEditor canWrite={canWrite} role={role} onClose={onClose} />;
  if (!accessKnown || query.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={36} />
        <Skeleton height={36} />
        <Skeleton height={120} />
      </Stack>
    );
  }
  if (!query.data) {
    return (
      <LoadFailedAlert
        title={t('listening.editor.loadFailed')}
        message={errorMessage(query.error)}
        retryLabel={t('common.retry')}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <QueryEditor query={query.data} canWrite={canWrite} role={role} onClose={onClose} />;
}

function termSummary(q: ListeningQueryDto): string {
  const terms = [
    ...q.spec.include.map((x) => (x.includes(' ') ? `"${x}"` : x)),
    ...q.spec.hashtags.map((h) => (h.startsWith('#') ? h : `#${h}`)),
    ...q.spec.handles.map((h) => (h.startsWith('@') ? h : `@${h}`)),
  ];
  return terms.join(' · ');
}

function QueryRow({
  query: q,
  canWrite,
  basePath,
}: {
  query: ListeningQueryDto;
  canWrite: boolean;
  basePath: string;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const paths = listeningPaths(basePath);
  const update = useUpdateListeningQuery();
  const summary = termSummary(q);

  const toggle = (active: boolean) =>
    update.mutate(
      { id: q.id, changes: { active } },
      {
        onSuccess: () =>
          notifications.show({
            message: t(active ? 'listening.queries.resumed' : 'listening.queries.pausedDone', {
              name: q.name,
            }),
            color: 'teal',
            autoClose: 2500,
          }),
        onError: (e) =>
          notifications.show({
            message: t('listening.queries.toggleFailed', { name: q.name, message: errorMessage(e) }),
            color: 'red',
          }),
      },
    );

  return (
    <Table.Tr data-testid="query-row" data-query-id={q.id} data-active={q.active}>
      <Table.Td maw={360}>
        <Anchor component={Link} to={paths.query(q.id)} fw={600} size="sm">
          {q.name}
        </Anchor>
        {summary ? (
          <Text size="xs" c="dimmed" truncate="end" title={summary}>
            {summary}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <QueryKindBadge kind={q.kind} text={t(`queryKind.${q.kind}`)} />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {q.platforms.map((p) => (
            <PlatformBadge key={p} platform={p} />
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        {canWrite ? (
          <Group gap="xs" wrap="nowrap">
            <Switch
              checked={q.active}
              onChange={(e) => toggle(e.currentTarget.checked)}
              disabled={update.isPending}
              aria-label={t('listening.queries.toggleActive', { name: q.name })}
              data-testid="query-active-toggle"
            />
            <Text size="sm" c={q.active ? undefined : 'dimmed'} aria-hidden>
              {q.active ? t('listening.queries.active') : t('listening.queries.paused')}
            </Text>
          </Group>
        ) : (
          <Badge variant="dot" color={q.active ? 'teal' : 'gray'} size="sm" tt="none">
            {q.active ? t('listening.queries.active') : t('listening.queries.paused')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={paths.mentionsOf(q.id)}
          size="sm"
          aria-label={t('listening.queries.viewMentionsOf', { name: q.name })}
        >
          {t('listening.queries.viewMentions')}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}
