import {
  PRIORITIES,
  type ConversationDetailDto,
  type ConversationStatus,
  type MemberDto,
  type Priority,
  type UpdateConversationRequest,
} from '@ecoute/contracts';
import {
  isApiRequestError,
  useErrorMessage,
  useEscalateConversation,
  useMe,
  useMembers,
  useTeams,
  useUpdateConversation,
} from '@ecoute/web-data-access';
import {
  Alert,
  Button,
  Group,
  Menu,
  Modal,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowUpRight, IconClock, IconRefresh, IconUserCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SNOOZE_OPTIONS, snoozeUntil, type SnoozeOption } from './snooze';

/** The statuses an agent picks; "snoozed" comes from the Snooze menu. */
export const SETTABLE_STATUSES = ['new', 'open', 'pending', 'resolved', 'ignored'] as const satisfies readonly ConversationStatus[];

const UNASSIGNED = '';

export interface ConversationActionsProps {
  conversation: ConversationDetailDto;
  /** reloads the conversation (after a conflict) */
  onReload: () => unknown;
}

/** Who can be handed a conversation: everyone who works the inbox (analysts only read it). */
export function assignableMembers(members: readonly MemberDto[] | undefined): MemberDto[] {
  return (members ?? []).filter((m) => m.role !== 'analyst');
}

/**
 * The conversation's controls: status and snooze, priority, assignee, escalation. Every change names the version it
 * was made on; when a teammate changed the conversation meanwhile, the server's 409 message says who, and Reload
 * fetches the conversation as it is now.
 */
export function ConversationActions({ conversation: c, onReload }: ConversationActionsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const members = useMembers();
  const update = useUpdateConversation();
  const [failure, setFailure] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);
  const [escalating, setEscalating] = useState(false);

  const assignable = assignableMembers(members.data);
  const myId = me.data?.user.id;
  const busy = update.isPending;

  const change = (changes: Omit<UpdateConversationRequest, 'version'>) => {
    setFailure(null);
    update.mutate(
      { id: c.id, changes: { ...changes, version: c.version } },
      { onError: (e) => setFailure(e) },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setFailure(null);
    } finally {
      setReloading(false);
    }
  };

  const conflict = isApiRequestError(failure) && failure.status === 409;
  const assigneeMissing = c.assignee !== null && !assignable.some((m) => m.id === c.assignee?.id);

  return (
    <Stack gap="xs" data-testid="conversation-actions">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label={t('inbox.actions.status')}
          value={c.status}
          disabled={busy}
          onChange={(e) => change({ status: e.currentTarget.value as ConversationStatus })}
          data={[
            ...(c.status === 'snoozed'
              ? [{ value: 'snoozed', label: t('status.snoozed'), disabled: true }]
              : []),
            ...SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconClock size={14} aria-hidden />}
              disabled={busy}
            >
              {t('inbox.actions.snooze')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {SNOOZE_OPTIONS.map((option: SnoozeOption) => (
              <Menu.Item
                key={option}
                onClick={() =>
                  change({ status: 'snoozed', snoozedUntil: snoozeUntil(option).toISOString() })
                }
              >
                {t(`inbox.actions.snoozeFor.${option}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <NativeSelect
          size="xs"
          label={t('inbox.actions.priority')}
          value={c.priority}
          disabled={busy}
          onChange={(e) => change({ priority: e.currentTarget.value as Priority })}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        />
        <NativeSelect
          size="xs"
          label={t('inbox.actions.assignee')}
          value={c.assignee?.id ?? UNASSIGNED}
          disabled={busy}
          onChange={(e) => {
            const value = e.currentTarget.value;
            change({ assigneeId: value === UNASSIGNED ? null : value });
          }}
          data={[
            { value: UNASSIGNED, label: t('inbox.actions.unassigned') },
            ...(assigneeMissing && c.assignee ? [{ value: c.assignee.id, label: c.assignee.name }] : []),
            ...assignable.map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        {myId && c.assignee?.id !== myId ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserCheck size={14} aria-hidden />}
            disabled={busy}
            onClick={() => change({ assigneeId: myId })}
          >
            {t('inbox.actions.assignToMe')}
          </Button>
        ) : null}
        <Button
          size="xs"
          variant="light"
          color="orange"
          leftSection={<IconArrowUpRight size={14} aria-hidden />}
          disabled={busy || c.status === 'resolved' || c.status === 'ignored'}
          onClick={() => setEscalating(true)}
        >
          {t('inbox.actions.escalate')}
        </Button>
      </Group>
      {failure ? (
        conflict ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={16} aria-hidden />}
            title={t('inbox.actions.conflictTitle')}
            data-testid="conversation-conflict"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(failure)}</Text>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} aria-hidden />}
                loading={reloading}
                onClick={() => void reload()}
              >
                {t('inbox.actions.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Alert
            color="red"
            variant="light"
            title={t('inbox.actions.failed')}
            withCloseButton
            closeButtonLabel={t('inbox.actions.dismiss')}
            onClose={() => setFailure(null)}
            data-testid="conversation-action-error"
          >
            {errorMessage(failure)}
          </Alert>
        )
      ) : null}
      <EscalateModal
        opened={escalating}
        conversation={c}
        members={assignable}
        onClose={() => setEscalating(false)}
        onConflict={(e) => {
          setEscalating(false);
          setFailure(e);
        }}
      />
    </Stack>
  );
}

type EscalateTarget = 'user' | 'team';

function EscalateModal({
  opened,
  conversation: c,
  members,
  onClose,
  onConflict,
}: {
  opened: boolean;
  conversation: ConversationDetailDto;
  members: MemberDto[];
  onClose: () => void;
  onConflict: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const teams = useTeams();
  const escalate = useEscalateConversation();
  const [target, setTarget] = useState<EscalateTarget>('user');
  const [userId, setUserId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);

  const leadsFirst = [...members].sort(
    (a, b) => Number(b.role === 'lead') - Number(a.role === 'lead') || a.name.localeCompare(b.name),
  );
  const reasonError = touched && reason.trim().length < 3 ? t('inbox.escalate.reasonRequired') : null;
  const targetError =
    touched && (target === 'user' ? userId === '' : teamId === '') ? t('inbox.escalate.targetRequired') : null;

  const close = () => {
    escalate.reset();
    setTouched(false);
    setReason('');
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const chosen = target === 'user' ? userId : teamId;
    if (reason.trim().length < 3 || chosen === '') return;
    escalate.mutate(
      {
        id: c.id,
        request: {
          version: c.version,
          reason: reason.trim(),
          ...(target === 'user' ? { toUserId: userId } : { toTeamId: teamId }),
        },
      },
      {
        onSuccess: close,
        onError: (err) => {
          if (isApiRequestError(err) && err.status === 409) {
            escalate.reset();
            onConflict(err);
          }
        },
      },
    );
  };

  const showError = escalate.isError && !(isApiRequestError(escalate.error) && escalate.error.status === 409);

  return (
    <Modal opened={opened} onClose={close} title={t('inbox.escalate.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group
            label={t('inbox.escalate.to')}
            value={target}
            onChange={(v) => setTarget(v === 'team' ? 'team' : 'user')}
          >
            <Group gap="md" mt={4}>
              <Radio value="user" label={t('inbox.escalate.toUser')} />
              <Radio value="team" label={t('inbox.escalate.toTeam')} />
            </Group>
          </Radio.Group>
          {target === 'user' ? (
            <NativeSelect
              label={t('inbox.escalate.user')}
              value={userId}
              onChange={(e) => setUserId(e.currentTarget.value)}
              error={targetError}
              required
              data={[
                { value: '', label: t('inbox.escalate.choose') },
                ...leadsFirst.map((m) => ({
                  value: m.id,
                  label: t('inbox.escalate.memberOption', { name: m.name, role: t(`roles.${m.role}`) }),
                })),
              ]}
            />
          ) : (
            <NativeSelect
              label={t('inbox.escalate.team')}
              value={teamId}
              onChange={(e) => setTeamId(e.currentTarget.value)}
              error={targetError}
              required
              data={[
                { value: '', label: t('inbox.escalate.choose') },
                ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
              ]}
            />
          )}
          <Textarea
            label={t('inbox.escalate.reason')}
            description={t('inbox.escalate.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            required
            autosize
            minRows={2}
            maxLength={500}
          />
          {showError ? (
            <Alert color="red" variant="light" data-testid="escalate-error">
              {errorMessage(escalate.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('inbox.escalate.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={escalate.isPending}>
              {t('inbox.escalate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
