import { CreateTeamRequest, type Role, type TeamDto } from '@ecoute/contracts';
import {
  useCreateTeam,
  useDeleteTeam,
  useErrorMessage,
  useRoutingRules,
  useUpdateTeam,
} from '@ecoute/web-data-access';
import { formatNumber } from '@ecoute/web-ui';
import { Alert, Box, Checkbox, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorFooter } from './editor-footer';
import type { MemberChoice } from './use-member-choices';

export interface TeamEditorProps {
  /** the team to edit; none: a new team */
  team?: TeamDto;
  canManage: boolean;
  role: Role | null;
  /** whom the team can hold (the members who can work conversations) */
  members: readonly MemberChoice[];
  onClose: () => void;
}

type TeamField = 'name' | 'memberIds';

/** Create or edit a team: its name and its members. */
export function TeamEditor({ team, canManage, role, members, onClose }: TeamEditorProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const readOnly = !canManage;
  const [name, setName] = useState(team?.name ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(() => team?.members.map((m) => m.id) ?? []);
  const [submitted, setSubmitted] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const remove = useDeleteTeam();
  const save = team ? update : create;
  const rules = useRoutingRules();

  useEffect(() => {
    if (canManage) nameRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only
  }, []);

  // members of the team the list does not offer (e.g. no longer allowed to work conversations) stay listed
  const choices = useMemo(() => {
    const list: Array<{ id: string; name: string; role: Role | null; load: number }> = [...members];
    for (const m of team?.members ?? []) {
      if (!list.some((c) => c.id === m.id)) list.push({ id: m.id, name: m.name, role: null, load: m.load });
    }
    return list;
  }, [members, team]);

  const parsed = CreateTeamRequest.safeParse({ name, memberIds });
  const issues = parsed.success ? [] : parsed.error.issues;
  const errorOf = (field: TeamField): string | undefined => {
    if (!submitted || readOnly) return undefined;
    const issue = issues.find((i) => i.path[0] === field);
    if (!issue) return undefined;
    if (field === 'name')
      return issue.code === 'too_big'
        ? t('routing.teamEditor.nameTooLong', { max: 60 })
        : t('routing.teamEditor.nameRequired');
    return issue.message;
  };

  const changed = () => {
    if (save.isError) save.reset();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || save.isPending) return;
    setSubmitted(true);
    if (!parsed.success) {
      if (issues.some((i) => i.path[0] === 'name')) nameRef.current?.focus();
      return;
    }
    const done = (saved: TeamDto) => {
      notifications.show({
        message: t(team ? 'routing.teamEditor.saved' : 'routing.teamEditor.created', { name: saved.name }),
        color: 'teal',
        autoClose: 3000,
      });
      onClose();
    };
    if (team) update.mutate({ id: team.id, changes: parsed.data }, { onSuccess: done });
    else create.mutate(parsed.data, { onSuccess: done });
  };

  const usedBy = team ? (rules.data ?? []).filter((r) => r.actions.teamId === team.id).length : 0;

  const confirmDelete = () => {
    if (!team) return;
    remove.mutate(team.id, {
      onSuccess: () => {
        notifications.show({
          message: t('routing.teamEditor.deleted', { name: team.name }),
          color: 'teal',
          autoClose: 3000,
        });
        onClose();
      },
      onError: (err) =>
        notifications.show({
          message: t('routing.teamEditor.deleteFailed', { message: errorMessage(err) }),
          color: 'red',
        }),
    });
  };

  return (
    <Box
      component="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('routing.teamEditor.form')}
      data-testid="team-editor"
    >
      <Stack gap="md">
        {readOnly ? (
          <Alert color="gray" variant="light" icon={<IconLock size={16} />} data-testid="read-only">
            {t('routing.readOnly', { role: role ? t(`roles.${role}`) : '—' })}
          </Alert>
        ) : null}
        <TextInput
          ref={nameRef}
          label={t('routing.teamEditor.name')}
          placeholder={t('routing.teamEditor.namePlaceholder')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            changed();
          }}
          error={errorOf('name')}
          required
          withAsterisk={false}
          maxLength={60}
          readOnly={readOnly}
        />
        <Checkbox.Group
          label={t('routing.teamEditor.members')}
          description={t('routing.teamEditor.membersHint')}
          value={memberIds}
          onChange={(v) => {
            setMemberIds(v);
            changed();
          }}
          error={errorOf('memberIds')}
        >
          {choices.length === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t('routing.teamEditor.noMembers')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360} mt="xs" type="auto" offsetScrollbars>
              <Stack gap="xs" py={2} pl={2}>
                {choices.map((m) => (
                  <Checkbox
                    key={m.id}
                    value={m.id}
                    disabled={readOnly}
                    label={m.name}
                    description={
                      <Group gap={6} component="span">
                        {m.role ? <span>{t(`roles.${m.role}`)}</span> : null}
                        <span>
                          {t('routing.members.loadShort', { n: formatNumber(m.load, i18n.language) })}
                        </span>
                      </Group>
                    }
                    data-member-id={m.id}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Checkbox.Group>
        {canManage ? (
          <EditorFooter
            deletable={team !== undefined}
            confirmTitle={t('routing.teamEditor.confirmTitle', { name: team?.name ?? '' })}
            confirmBody={
              <>
                {t('routing.teamEditor.confirmBody')}
                {usedBy > 0 ? (
                  <>
                    {' '}
                    {usedBy === 1
                      ? t('routing.teamEditor.usedByOne')
                      : t('routing.teamEditor.usedBy', { n: formatNumber(usedBy, i18n.language) })}
                  </>
                ) : null}
              </>
            }
            confirmLabel={t('routing.teamEditor.confirmDelete')}
            onDelete={confirmDelete}
            deleting={remove.isPending}
            saving={save.isPending}
            saveError={save.isError ? errorMessage(save.error) : null}
            showFixErrors={false}
            onCancel={onClose}
          />
        ) : null}
      </Stack>
    </Box>
  );
}
