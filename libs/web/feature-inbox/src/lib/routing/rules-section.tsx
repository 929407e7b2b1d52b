import type { RoutingRuleDto } from '@ecoute/contracts';
import {
  moveRule,
  useErrorMessage,
  useReorderRoutingRules,
  useUpdateRoutingRule,
} from '@ecoute/web-data-access';
import { EmptyPanel, formatNumber } from '@ecoute/web-ui';
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconRoute } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { routingPaths } from './paths';
import { RuleSummary, type RuleLookups } from './rule-summary';

export interface RulesSectionProps {
  rules: readonly RoutingRuleDto[];
  canManage: boolean;
  lookups: RuleLookups;
  basePath: string;
}

type Direction = 'up' | 'down';

/** The routing rules in the order they apply, with Move up / Move down and an on/off switch for each. */
export function RulesSection({ rules, canManage, lookups, basePath }: RulesSectionProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const paths = routingPaths(basePath);
  const reorder = useReorderRoutingRules();
  const titleId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // the moved rule's button keeps the focus once the rule is in its new place
  const [focusAfterMove, setFocusAfterMove] = useState<{
    id: string;
    direction: Direction;
    from: number;
  } | null>(null);

  useEffect(() => {
    if (!focusAfterMove) return;
    const index = rules.findIndex((r) => r.id === focusAfterMove.id);
    if (index === focusAfterMove.from) return;
    setFocusAfterMove(null);
    const row = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-rule-id]') ?? []).find(
      (el) => el.dataset.ruleId === focusAfterMove.id,
    );
    const enabled = (d: Direction) =>
      row?.querySelector<HTMLButtonElement>(`[data-move="${d}"]:not(:disabled)`);
    (
      enabled(focusAfterMove.direction) ?? enabled(focusAfterMove.direction === 'up' ? 'down' : 'up')
    )?.focus();
  }, [rules, focusAfterMove]);

  const move = (rule: RoutingRuleDto, index: number, direction: Direction) => {
    if (reorder.isPending) return;
    const to = direction === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= rules.length) return;
    setFocusAfterMove({ id: rule.id, direction, from: index });
    reorder.mutate(
      { ids: moveRule(rules, index, to) },
      {
        onSuccess: () =>
          setAnnouncement(
            t('routing.rules.moved', {
              name: rule.name,
              position: formatNumber(to + 1, i18n.language),
              total: formatNumber(rules.length, i18n.language),
            }),
          ),
        onError: (e) => {
          setFocusAfterMove(null);
          notifications.show({
            message: t('routing.rules.moveFailed', { name: rule.name, message: errorMessage(e) }),
            color: 'red',
          });
        },
      },
    );
  };

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby={titleId}
      data-testid="rules-section"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
            <Title order={2} size="h4" id={titleId}>
              {t('routing.rules.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('routing.rules.description')}
            </Text>
          </Stack>
          {canManage ? (
            <Button component={Link} to={paths.newRule} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('routing.rules.new')}
            </Button>
          ) : null}
        </Group>
        <VisuallyHidden role="status" aria-live="polite" data-testid="rules-announcement">
          {announcement}
        </VisuallyHidden>
        {rules.length === 0 ? (
          <EmptyPanel
            testId="rules-empty"
            icon={<IconRoute size={28} />}
            title={t('routing.rules.emptyTitle')}
            description={canManage ? t('routing.rules.emptyHint') : t('routing.rules.emptyHintReadOnly')}
          />
        ) : (
          <Stack
            component="ol"
            gap="sm"
            className="ec-list"
            ref={listRef}
            aria-label={t('routing.rules.list')}
          >
            {rules.map((rule, index) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                index={index}
                count={rules.length}
                canManage={canManage}
                lookups={lookups}
                href={paths.rule(rule.id)}
                onMove={(direction) => move(rule, index, direction)}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

interface RuleRowProps {
  rule: RoutingRuleDto;
  index: number;
  count: number;
  canManage: boolean;
  lookups: RuleLookups;
  href: string;
  onMove: (direction: Direction) => void;
}

function RuleRow({ rule, index, count, canManage, lookups, href, onMove }: RuleRowProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateRoutingRule();

  const toggle = (enabled: boolean) =>
    update.mutate(
      { id: rule.id, changes: { enabled } },
      {
        onSuccess: () =>
          notifications.show({
            message: t(enabled ? 'routing.rules.enabledDone' : 'routing.rules.disabledDone', {
              name: rule.name,
            }),
            color: 'teal',
            autoClose: 2500,
          }),
        onError: (e) =>
          notifications.show({
            message: t('routing.rules.toggleFailed', { name: rule.name, message: errorMessage(e) }),
            color: 'red',
          }),
      },
    );

  const upLabel = t('routing.rules.moveUp', { name: rule.name });
  const downLabel = t('routing.rules.moveDown', { name: rule.name });

  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      data-testid="rule-row"
      data-rule-id={rule.id}
      data-enabled={rule.enabled}
      style={{ opacity: rule.enabled ? 1 : 0.7 }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Box
          aria-hidden
          w={28}
          h={28}
          style={{
            flex: 'none',
            borderRadius: '50%',
            display: 'grid',
            placeItems: 'center',
            fontWeight: 700,
            fontSize: 13,
            fontVariantNumeric: 'tabular-nums',
            background: 'var(--mantine-color-default-hover)',
            border: '1px solid var(--mantine-color-default-border)',
          }}
          data-testid="rule-position"
        >
          {formatNumber(index + 1, i18n.language)}
        </Box>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Anchor component={Link} to={href} fw={600} size="sm" truncate="end" data-testid="rule-name">
                {rule.name}
              </Anchor>
              {!rule.enabled ? (
                <Badge size="sm" variant="outline" color="gray" tt="none" data-testid="rule-off">
                  {t('routing.rules.off')}
                </Badge>
              ) : null}
            </Group>
            {canManage ? (
              <Group gap={6} wrap="nowrap">
                <Switch
                  size="sm"
                  checked={rule.enabled}
                  onChange={(e) => toggle(e.currentTarget.checked)}
                  disabled={update.isPending}
                  aria-label={t('routing.rules.toggle', { name: rule.name })}
                  data-testid="rule-enabled"
                  mr={4}
                />
                <Tooltip label={upLabel} withArrow>
                  <ActionIcon
                    variant="default"
                    size="md"
                    onClick={() => onMove('up')}
                    disabled={index === 0}
                    aria-label={upLabel}
                    data-move="up"
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={downLabel} withArrow>
                  <ActionIcon
                    variant="default"
                    size="md"
                    onClick={() => onMove('down')}
                    disabled={index === count - 1}
                    aria-label={downLabel}
                    data-move="down"
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ) : null}
          </Group>
          <RuleSummary conditions={rule.conditions} actions={rule.actions} lookups={lookups} />
        </Stack>
      </Group>
    </Paper>
  );
}
