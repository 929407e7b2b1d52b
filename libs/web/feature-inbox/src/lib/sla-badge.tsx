import type { ConversationSummaryDto, SlaClockDto, SlaState } from '@ecoute/contracts';
import { formatDateTime } from '@ecoute/web-ui';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const SLA_COLORS: Record<SlaState, string> = {
  on_track: 'blue',
  due_soon: 'orange',
  breached: 'red',
  met: 'green',
  missed: 'red',
};

export type SlaClockName = 'firstResponse' | 'resolution';

/** One clock of the conversation's SLA: which target, where it stands, and when it is (or was) due. */
export function SlaClockBadge({ clock, name }: { clock: SlaClockDto; name: SlaClockName }) {
  const { t, i18n } = useTranslation();
  return (
    <Badge
      color={SLA_COLORS[clock.state]}
      variant={clock.state === 'breached' || clock.state === 'missed' ? 'filled' : 'light'}
      size="sm"
      radius="sm"
      data-testid="sla-badge"
      data-clock={name}
      data-state={clock.state}
      style={{ textTransform: 'none' }}
    >
      {t('inbox.sla.clock', {
        clock: t(`inbox.sla.name.${name}`),
        state: t(`inbox.sla.state.${clock.state}`),
        due: formatDateTime(clock.dueAt, i18n.language),
      })}
    </Badge>
  );
}

/** The most urgent running clock worth a glance in the list: breached first, then due soon; null otherwise. */
export function urgentSla(sla: ConversationSummaryDto['sla']): SlaClockDto | null {
  const clocks = [sla.firstResponse, sla.resolution].filter((c): c is SlaClockDto => c !== null);
  return clocks.find((c) => c.state === 'breached') ?? clocks.find((c) => c.state === 'due_soon') ?? null;
}

/** The list's compact badge: only when a clock is breached or due soon. */
export function SlaRowBadge({ sla }: { sla: ConversationSummaryDto['sla'] }) {
  const { t, i18n } = useTranslation();
  const clock = urgentSla(sla);
  if (!clock) return null;
  return (
    <Badge
      color={SLA_COLORS[clock.state]}
      variant={clock.state === 'breached' ? 'filled' : 'light'}
      size="xs"
      radius="sm"
      data-testid="sla-row-badge"
      data-state={clock.state}
      title={formatDateTime(clock.dueAt, i18n.language)}
      style={{ textTransform: 'none' }}
    >
      {t(`inbox.sla.short.${clock.state === 'breached' ? 'breached' : 'due_soon'}`)}
    </Badge>
  );
}
