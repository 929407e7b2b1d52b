import type { ConversationDetailDto, ConversationEventDto, MemberDto, TeamDto } from '@ecoute/contracts';
import { formatDateTime } from '@ecoute/web-ui';
import { Group, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const STRATEGIES = ['round_robin', 'least_loaded'] as const;

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export interface TrailNames {
  members: readonly MemberDto[] | undefined;
  teams: readonly TeamDto[] | undefined;
  conversation: ConversationDetailDto;
}

/** One event of the trail as a short sentence: who did what (names looked up among members and teams). */
export function describeEvent(e: ConversationEventDto, names: TrailNames, t: TFunction, locale: string): string {
  const actor = e.actor?.name ?? t('inbox.trail.routing');
  const d = e.data;
  const person = (id: string | null) => {
    if (!id) return t('inbox.trail.someone');
    const c = names.conversation;
    return (
      names.members?.find((m) => m.id === id)?.name ??
      (c.assignee?.id === id ? c.assignee.name : null) ??
      (c.escalation?.toUser?.id === id ? c.escalation.toUser.name : null) ??
      t('inbox.trail.someone')
    );
  };
  const team = (id: string | null) => {
    if (!id) return t('inbox.trail.aTeam');
    const c = names.conversation;
    return (
      names.teams?.find((x) => x.id === id)?.name ??
      (c.team?.id === id ? c.team.name : null) ??
      (c.escalation?.toTeam?.id === id ? c.escalation.toTeam.name : null) ??
      t('inbox.trail.aTeam')
    );
  };
  switch (e.kind) {
    case 'assigned': {
      const strategy = str(d['strategy']);
      const name = person(str(d['assigneeId']));
      if (strategy === 'claimed') return t('inbox.trail.claimed', { actor });
      const known = STRATEGIES.find((s) => s === strategy);
      return known
        ? t('inbox.trail.assignedBy', { actor, name, strategy: t(`inbox.trail.strategy.${known}`) })
        : t('inbox.trail.assigned', { actor, name });
    }
    case 'unassigned':
      return t('inbox.trail.unassigned', { actor, name: person(str(d['from'])) });
    case 'queued':
      return t('inbox.trail.queued', { actor, team: team(str(d['teamId'])) });
    case 'status': {
      const to = str(d['to']);
      const until = str(d['until']);
      if (to === 'snoozed' && until) return t('inbox.trail.snoozed', { actor, until: formatDateTime(until, locale) });
      return t('inbox.trail.status', { actor, to: to ? t(`status.${to}`) : '?' });
    }
    case 'priority': {
      const to = str(d['to']);
      return t('inbox.trail.priority', { actor, to: to ? t(`priority.${to}`) : '?' });
    }
    case 'tags': {
      const added = strings(d['added']).join(', ');
      const removed = strings(d['removed']).join(', ');
      if (added && removed) return t('inbox.trail.tagsChanged', { actor, added, removed });
      if (removed) return t('inbox.trail.tagsRemoved', { actor, removed });
      return t('inbox.trail.tagsAdded', { actor, added });
    }
    case 'team': {
      const id = 'to' in d ? str(d['to']) : str(d['teamId']);
      return id ? t('inbox.trail.team', { actor, team: team(id) }) : t('inbox.trail.teamRemoved', { actor });
    }
    case 'escalated': {
      const reason = str(d['reason']) ?? '';
      const toUser = str(d['toUserId']);
      return toUser
        ? t('inbox.trail.escalatedUser', { actor, name: person(toUser), reason })
        : t('inbox.trail.escalatedTeam', { actor, team: team(str(d['toTeamId'])), reason });
    }
    case 'routed':
      return t('inbox.trail.routed', { actor });
  }
}

/** An event in the thread: a quiet line between the messages. */
export function TrailItem({ event, names }: { event: ConversationEventDto; names: TrailNames }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" justify="center" data-testid="trail-event" data-kind={event.kind}>
      <IconHistory size={14} aria-hidden color="var(--mantine-color-dimmed)" />
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {describeEvent(event, names, t, i18n.language)}
        {' · '}
        <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, i18n.language)}</time>
      </Text>
    </Group>
  );
}
