import { SetCapacityRequest } from '@ecoute/contracts';
import { useErrorMessage, useSetMemberCapacity } from '@ecoute/web-data-access';
import { formatNumber, LoadFailedAlert, LoadingSkeletons } from '@ecoute/web-ui';
import { Box, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberChoices, MemberChoice } from './use-member-choices';

export interface MembersSectionProps {
  choices: MemberChoices;
  canManage: boolean;
}

/** Each member's open conversations and capacity: the most that automatic assignment gives them at once. */
export function MembersSection({ choices, canManage }: MembersSectionProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const { members } = choices;

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby={titleId}
      data-testid="members-section"
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id={titleId}>
            {t('routing.members.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {canManage ? t('routing.members.description') : t('routing.members.descriptionReadOnly')}
          </Text>
        </Stack>
        {choices.isPending ? (
          <LoadingSkeletons label={t('common.loading')} height={32} count={3} />
        ) : members.length === 0 && choices.error ? (
          <LoadFailedAlert
            title={t('routing.members.loadFailed')}
            message={errorMessage(choices.error)}
            retryLabel={t('common.retry')}
            onRetry={choices.refetch}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={360}>
              <Table verticalSpacing={6} horizontalSpacing="xs" aria-label={t('routing.members.table')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('routing.members.member')}</Table.Th>
                    <Table.Th ta="right">{t('routing.members.load')}</Table.Th>
                    <Table.Th>{t('routing.members.capacity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((m) => (
                    <MemberRow key={m.id} member={m} canManage={canManage} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function MemberRow({ member: m, canManage }: { member: MemberChoice; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Table.Tr data-testid="member-row" data-member-id={m.id}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {m.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`roles.${m.role}`)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="member-load">
        {formatNumber(m.load, locale)}
      </Table.Td>
      <Table.Td>
        {canManage ? (
          <CapacityForm member={m} />
        ) : (
          <Text size="sm" data-testid="member-capacity">
            {m.capacity === null ? t('routing.members.noLimit') : formatNumber(m.capacity, locale)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The capacity of one member: a number, or empty for no limit; Enter or Save sends it. */
function CapacityForm({ member }: { member: MemberChoice }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const set = useSetMemberCapacity();
  const [value, setValue] = useState<number | string>(member.capacity ?? '');
  const [error, setError] = useState<string | null>(null);
  const [synced, setSynced] = useState(member.capacity);
  // a refreshed capacity (from the server) replaces what the field shows, unless it is being edited
  if (synced !== member.capacity) {
    setSynced(member.capacity);
    setValue(member.capacity ?? '');
  }
  const errorId = useId();

  const parsed = SetCapacityRequest.safeParse({
    capacity: value === '' ? null : typeof value === 'number' ? value : Number.NaN,
  });
  const dirty = (value === '' ? null : value) !== member.capacity;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (set.isPending || !dirty) return;
    if (!parsed.success) {
      setError(t('routing.members.capacityInvalid'));
      return;
    }
    setError(null);
    set.mutate(
      { userId: member.id, capacity: parsed.data.capacity },
      {
        onSuccess: () =>
          notifications.show({
            message:
              parsed.data.capacity === null
                ? t('routing.members.capacityCleared', { name: member.name })
                : t('routing.members.capacitySaved', { name: member.name, n: parsed.data.capacity }),
            color: 'teal',
            autoClose: 2500,
          }),
        onError: (err) => setError(errorMessage(err)),
      },
    );
  };

  return (
    <Box
      component="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('routing.members.capacityOf', { name: member.name })}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        <NumberInput
          aria-label={t('routing.members.capacityOf', { name: member.name })}
          placeholder={t('routing.members.noLimit')}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(null);
          }}
          min={0}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          size="xs"
          w={96}
          error={error ? true : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid="member-capacity-input"
        />
        <Button
          type="submit"
          size="xs"
          variant={dirty ? 'filled' : 'default'}
          disabled={!dirty}
          loading={set.isPending}
          aria-label={t('routing.members.saveCapacityOf', { name: member.name })}
        >
          {t('routing.members.saveCapacity')}
        </Button>
      </Group>
      {error ? (
        <Text size="xs" c="red" id={errorId} role="alert" mt={4} maw={220}>
          {error}
        </Text>
      ) : null}
    </Box>
  );
}
