import { useErrorMessage, useListeningQueries, useRoutingRules, useTeams } from '@ecoute/web-data-access';
import { LoadFailedAlert, LoadingSkeletons, PageHeader, RefreshFailedAlert } from '@ecoute/web-ui';
import { Alert, Container, Drawer, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router-dom';
import { MembersSection } from './members-section';
import { routingPaths, type RoutingPageProps } from './paths';
import { RuleEditor } from './rule-editor';
import type { RuleLookups } from './rule-summary';
import { RulesSection } from './rules-section';
import { TeamEditor } from './team-editor';
import { TeamsSection } from './teams-section';
import { useMemberChoices } from './use-member-choices';
import { useRoutingAccess } from './use-routing-access';

/**
 * Inbox → Routing: the rules that turn mentions into conversations (in order), the teams they go to, and each
 * member's capacity. The editors are drawers at `${basePath}/rules/new`, `${basePath}/rules/:ruleId`,
 * `${basePath}/teams/new` and `${basePath}/teams/:teamId`.
 */
export function RoutingPage({ basePath = '/inbox/routing' }: RoutingPageProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const paths = routingPaths(basePath);
  const navigate = useNavigate();
  const newRule = useMatch(paths.newRule) !== null;
  const ruleMatch = useMatch(paths.rulePattern);
  const newTeam = useMatch(paths.newTeam) !== null;
  const teamMatch = useMatch(paths.teamPattern);
  const ruleId = !newRule ? (ruleMatch?.params.ruleId ?? null) : null;
  const teamId = !newTeam ? (teamMatch?.params.teamId ?? null) : null;
  const { canManage, role, known } = useRoutingAccess();
  useDocumentTitle(`${t('routing.title')} · ${t('app.name')}`);

  const rules = useRoutingRules();
  const teams = useTeams();
  const queries = useListeningQueries();
  const choices = useMemberChoices();

  const lookups = useMemo<RuleLookups>(() => {
    const queryNames = new Map((queries.data ?? []).map((q) => [q.id, q.name]));
    const teamNames = new Map((teams.data ?? []).map((x) => [x.id, x.name]));
    const memberNames = new Map<string, string>();
    for (const team of teams.data ?? []) for (const m of team.members) memberNames.set(m.id, m.name);
    for (const m of choices.members) memberNames.set(m.id, m.name);
    return {
      queryName: (id) => queryNames.get(id) ?? null,
      teamName: (id) => teamNames.get(id) ?? null,
      memberName: (id) => memberNames.get(id) ?? null,
    };
  }, [queries.data, teams.data, choices.members]);

  const ruleOpen = newRule || ruleId !== null;
  const teamOpen = newTeam || teamId !== null;
  const close = () => navigate(paths.page);
  const ruleItems = rules.data ?? [];
  const teamItems = teams.data ?? [];
  const editedRule = ruleId ? ruleItems.find((r) => r.id === ruleId) : undefined;
  const editedTeam = teamId ? teamItems.find((x) => x.id === teamId) : undefined;
  // a closing drawer keeps its title (the address no longer names what it showed)
  const ruleTitle = useTitleWhileOpen(
    ruleOpen,
    newRule
      ? t('routing.editor.newTitle')
      : canManage
        ? t('routing.editor.editTitle', { name: editedRule?.name ?? '…' })
        : t('routing.editor.viewTitle', { name: editedRule?.name ?? '…' }),
  );
  const teamTitle = useTitleWhileOpen(
    teamOpen,
    newTeam
      ? t('routing.teamEditor.newTitle')
      : canManage
        ? t('routing.teamEditor.editTitle', { name: editedTeam?.name ?? '…' })
        : t('routing.teamEditor.viewTitle', { name: editedTeam?.name ?? '…' }),
  );

  return (
    <Container size="xl" py="lg" px={{ base: 'md', md: 'xl' }} w="100%">
      <PageHeader title={t('routing.title')} description={t('routing.description')} />
      {!canManage && role ? (
        <Alert color="gray" variant="light" icon={<IconLock size={16} />} mb="md" data-testid="read-only">
          {t('routing.readOnly', { role: t(`roles.${role}`) })}
        </Alert>
      ) : null}
      <Alert
        color="indigo"
        variant="light"
        icon={<IconInfoCircle size={16} />}
        mb="md"
        title={t('routing.howTitle')}
        role="note"
        data-testid="routing-semantics"
      >
        <Text size="sm">{t('routing.how')}</Text>
      </Alert>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {rules.isPending ? (
            <LoadingSkeletons label={t('common.loading')} height={96} />
          ) : rules.isError && ruleItems.length === 0 ? (
            <LoadFailedAlert
              title={t('routing.rules.loadFailed')}
              message={errorMessage(rules.error)}
              retryLabel={t('common.retry')}
              onRetry={() => void rules.refetch()}
            />
          ) : (
            <Stack gap="sm">
              {rules.isError ? (
                <RefreshFailedAlert>
                  {t('routing.refreshFailed', { message: errorMessage(rules.error) })}
                </RefreshFailedAlert>
              ) : null}
              <RulesSection rules={ruleItems} canManage={canManage} lookups={lookups} basePath={basePath} />
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {teams.isPending ? (
              <LoadingSkeletons label={t('common.loading')} height={80} count={2} />
            ) : teams.isError && teamItems.length === 0 ? (
              <LoadFailedAlert
                title={t('routing.teams.loadFailed')}
                message={errorMessage(teams.error)}
                retryLabel={t('common.retry')}
                onRetry={() => void teams.refetch()}
              />
            ) : (
              <TeamsSection teams={teamItems} canManage={canManage} basePath={basePath} />
            )}
            <MembersSection choices={choices} canManage={canManage} />
          </Stack>
        </Grid.Col>
      </Grid>

      <Drawer
        opened={ruleOpen}
        onClose={close}
        position="right"
        size="xl"
        title={ruleTitle}
        closeButtonProps={{ 'aria-label': t('routing.editor.close') }}
        styles={{
          content: { maxWidth: '100vw' },
          title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' },
        }}
        data-testid="rule-drawer"
      >
        {ruleOpen ? (
          <EditorGate
            ready={known && !rules.isPending && !teams.isPending && !choices.isPending}
            missing={!newRule && !editedRule}
            loadError={rules.isError ? errorMessage(rules.error) : null}
            notFound={t('routing.editor.notFound')}
            onRetry={() => void rules.refetch()}
          >
            <RuleEditor
              key={ruleId ?? 'new'}
              rule={editedRule}
              canManage={canManage}
              role={role}
              teams={teamItems}
              members={choices.members}
              onClose={close}
            />
          </EditorGate>
        ) : null}
      </Drawer>

      <Drawer
        opened={teamOpen}
        onClose={close}
        position="right"
        size="md"
        title={teamTitle}
        closeButtonProps={{ 'aria-label': t('routing.editor.close') }}
        styles={{
          content: { maxWidth: '100vw' },
          title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' },
        }}
        data-testid="team-drawer"
      >
        {teamOpen ? (
          <EditorGate
            ready={known && !teams.isPending && !choices.isPending}
            missing={!newTeam && !editedTeam}
            loadError={teams.isError ? errorMessage(teams.error) : null}
            notFound={t('routing.teamEditor.notFound')}
            onRetry={() => void teams.refetch()}
          >
            <TeamEditor
              key={teamId ?? 'new'}
              team={editedTeam}
              canManage={canManage}
              role={role}
              members={choices.members}
              onClose={close}
            />
          </EditorGate>
        ) : null}
      </Drawer>
    </Container>
  );
}

/** `title` while the drawer is open; the last one while it closes. */
function useTitleWhileOpen(open: boolean, title: string): string {
  const [shown, setShown] = useState(title);
  if (open && shown !== title) setShown(title);
  return open ? title : shown;
}

/** Waits for what an editor needs; says so when the rule or team does not exist (any more). */
function EditorGate({
  ready,
  missing,
  loadError,
  notFound,
  onRetry,
  children,
}: {
  ready: boolean;
  missing: boolean;
  loadError: string | null;
  notFound: string;
  onRetry: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (!ready) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={36} />
        <Skeleton height={120} />
        <Skeleton height={120} />
      </Stack>
    );
  }
  if (missing) {
    return loadError ? (
      <LoadFailedAlert
        title={notFound}
        message={loadError}
        retryLabel={t('common.retry')}
        onRetry={onRetry}
      />
    ) : (
      <Alert
        color="orange"
        variant="light"
        icon={<IconInfoCircle size={16} />}
        data-testid="editor-not-found"
      >
        {notFound}
      </Alert>
    );
  }
  return <>{children}</>;
}
