import type { TeamDto } from '@ecoute/contracts';
import { EmptyPanel, formatNumber } from '@ecoute/web-ui';
import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { routingPaths } from './paths';

export interface TeamsSectionProps {
  teams: readonly TeamDto[];
  canManage: boolean;
  basePath: string;
}

/** "2 open · at most 5", "0 open · no limit". */
export function useLoadLabel(): (load: number, capacity: number | null) => string {
  const { t, i18n } = useTranslation();
  return (load, capacity) =>
    [
      t('routing.members.loadShort', { n: formatNumber(load, i18n.language) }),
      capacity === null
        ? t('routing.members.unlimited')
        : t('routing.members.atMost', { n: formatNumber(capacity, i18n.language) }),
    ].join(' · ');
}

/** The teams rules can send conversations to: their members, each member's load, and the team's queue. */
export function TeamsSection({ teams, canManage, basePath }: TeamsSectionProps) {
  const { t, i18n } = useTranslation();
  const paths = routingPaths(basePath);
  const titleId = useId();
  const loadLabel = useLoadLabel();

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby={titleId}
      data-testid="teams-section"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
            <Title order={2} size="h4" id={titleId}>
              {t('routing.teams.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('routing.teams.description')}
            </Text>
          </Stack>
          {canManage ? (
            <Button
              component={Link}
              to={paths.newTeam}
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('routing.teams.new')}
            </Button>
          ) : null}
        </Group>
        {teams.length === 0 ? (
          <EmptyPanel
            testId="teams-empty"
            icon={<IconUsersGroup size={28} />}
            title={t('routing.teams.emptyTitle')}
            description={canManage ? t('routing.teams.emptyHint') : t('routing.teams.emptyHintReadOnly')}
          />
        ) : (
          <Stack component="ul" gap="sm" className="ec-list" aria-label={t('routing.teams.list')}>
            {teams.map((team) => (
              <Paper
                component="li"
                key={team.id}
                withBorder
                radius="md"
                p="sm"
                data-testid="team-card"
                data-team-id={team.id}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs" mb={6}>
                  {canManage ? (
                    <Anchor component={Link} to={paths.team(team.id)} fw={600} size="sm" truncate="end">
                      {team.name}
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm" truncate="end">
                      {team.name}
                    </Text>
                  )}
                  <Badge
                    size="sm"
                    variant={team.queued > 0 ? 'filled' : 'light'}
                    color={team.queued > 0 ? 'orange' : 'gray'}
                    tt="none"
                    style={{ flex: 'none' }}
                    data-testid="team-queued"
                    data-value={team.queued}
                  >
                    {team.queued === 0
                      ? t('routing.teams.queueEmpty')
                      : t('routing.teams.queued', { n: formatNumber(team.queued, i18n.language) })}
                  </Badge>
                </Group>
                {team.members.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('routing.teams.noMembers')}
                  </Text>
                ) : (
                  <Box
                    component="ul"
                    className="ec-list"
                    aria-label={t('routing.teams.membersOf', { name: team.name })}
                  >
                    {team.members.map((m) => (
                      <Group
                        component="li"
                        key={m.id}
                        justify="space-between"
                        wrap="nowrap"
                        gap="xs"
                        py={2}
                        data-testid="team-member"
                      >
                        <Text size="sm" truncate="end">
                          {m.name}
                        </Text>
                        <Text
                          size="xs"
                          c="dimmed"
                          style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}
                        >
                          {loadLabel(m.load, m.capacity)}
                        </Text>
                      </Group>
                    ))}
                  </Box>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
