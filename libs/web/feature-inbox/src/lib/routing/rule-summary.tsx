import type { RuleActions, RuleConditions } from '@ecoute/contracts';
import { formatLanguage, formatNumber, PLATFORM_NAMES } from '@ecoute/web-ui';
import { Badge, Group, Text, type BadgeProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Names of what a rule points at, by id; null when it no longer exists. */
export interface RuleLookups {
  queryName: (id: string) => string | null;
  teamName: (id: string) => string | null;
  memberName: (id: string) => string | null;
}

/** "X or Reddit", "X ou Reddit": within a condition, any value matches. */
export function formatAlternatives(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

function formatScore(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 2 }).format(n);
}

interface Chip {
  key: string;
  text: string;
  color?: string;
  variant?: BadgeProps['variant'];
}

/** One short phrase per condition, in the order of the editor. */
export function conditionPhrases(
  c: RuleConditions,
  lookups: RuleLookups,
  t: TFunction,
  locale: string,
): Chip[] {
  const or = (items: readonly string[]) => formatAlternatives(items, locale);
  const chips: Chip[] = [];
  if (c.queryIds)
    chips.push({
      key: 'queryIds',
      text: t('routing.summary.queries', {
        list: or(c.queryIds.map((id) => lookups.queryName(id) ?? t('routing.summary.unknownQuery'))),
      }),
    });
  if (c.queryKinds)
    chips.push({
      key: 'queryKinds',
      text: t('routing.summary.queryKinds', { list: or(c.queryKinds.map((k) => t(`queryKind.${k}`))) }),
    });
  if (c.platforms)
    chips.push({
      key: 'platforms',
      text: t('routing.summary.platforms', { list: or(c.platforms.map((p) => PLATFORM_NAMES[p])) }),
    });
  if (c.languages)
    chips.push({
      key: 'languages',
      text: t('routing.summary.languages', {
        list: or(c.languages.map((l) => formatLanguage(l, locale) ?? l)),
      }),
    });
  if (c.sentimentLabels)
    chips.push({
      key: 'sentimentLabels',
      text: t('routing.summary.sentiment', { list: or(c.sentimentLabels.map((s) => t(`sentiment.${s}`))) }),
    });
  if (c.sentimentScore) {
    const { min, max } = c.sentimentScore;
    const text =
      min !== undefined && max !== undefined
        ? t('routing.summary.scoreBetween', { min: formatScore(min, locale), max: formatScore(max, locale) })
        : min !== undefined
          ? t('routing.summary.scoreAtLeast', { min: formatScore(min, locale) })
          : t('routing.summary.scoreAtMost', { max: formatScore(max ?? 1, locale) });
    chips.push({ key: 'sentimentScore', text });
  }
  if (c.intents)
    chips.push({
      key: 'intents',
      text: t('routing.summary.intents', { list: or(c.intents.map((i) => t(`intent.${i}`))) }),
    });
  if (c.keywords)
    chips.push({
      key: 'keywords',
      text: t('routing.summary.keywords', { list: or(c.keywords.map((k) => `“${k}”`)) }),
    });
  if (c.minFollowers !== undefined)
    chips.push({
      key: 'minFollowers',
      text: t('routing.summary.minFollowers', { n: formatNumber(c.minFollowers, locale) }),
    });
  if (c.verifiedOnly) chips.push({ key: 'verifiedOnly', text: t('routing.summary.verifiedOnly') });
  if (c.authorHandles)
    chips.push({
      key: 'authorHandles',
      text: t('routing.summary.authorHandles', {
        list: or(c.authorHandles.map((h) => (h.startsWith('@') ? h : `@${h}`))),
      }),
    });
  if (c.matchAny) chips.push({ key: 'matchAny', text: t('routing.summary.matchAny'), color: 'violet' });
  if (chips.length === 0 || (chips.length === 1 && c.matchAny))
    chips.unshift({ key: 'every', text: t('routing.summary.everyMention'), color: 'orange' });
  return chips;
}

/** One short phrase per action. */
export function actionPhrases(a: RuleActions, lookups: RuleLookups, t: TFunction): Chip[] {
  const chips: Chip[] = [];
  if (a.ignore) chips.push({ key: 'ignore', text: t('routing.summary.ignore'), color: 'red' });
  else if (a.openConversation) chips.push({ key: 'open', text: t('routing.summary.open'), color: 'teal' });
  else chips.push({ key: 'open', text: t('routing.summary.noOpen') });
  if (a.priority)
    chips.push({
      key: 'priority',
      text: t('routing.summary.priority', { priority: t(`priority.${a.priority}`) }),
      color: a.priority === 'urgent' ? 'red' : a.priority === 'high' ? 'orange' : 'gray',
      variant: a.priority === 'urgent' ? 'filled' : 'light',
    });
  for (const tag of a.tags ?? [])
    chips.push({ key: `tag:${tag}`, text: t('routing.summary.tag', { tag }), color: 'indigo' });
  if (a.teamId)
    chips.push({
      key: 'team',
      text: t('routing.summary.team', {
        name: lookups.teamName(a.teamId) ?? t('routing.summary.unknownTeam'),
      }),
      color: 'cyan',
    });
  if (a.assign) {
    const text =
      'userId' in a.assign
        ? t('routing.summary.assignUser', {
            name: lookups.memberName(a.assign.userId) ?? t('routing.summary.unknownMember'),
          })
        : a.assign.strategy === 'round_robin'
          ? t('routing.summary.assignRoundRobin')
          : t('routing.summary.assignLeastLoaded');
    chips.push({ key: 'assign', text, color: 'cyan' });
  }
  if (a.stop && !a.ignore) chips.push({ key: 'stop', text: t('routing.summary.stop'), color: 'grape' });
  return chips;
}

function ChipLine({ label, chips, testId }: { label: string; chips: Chip[]; testId: string }): ReactNode {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid={testId}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" w={44} pt={3} style={{ flex: 'none' }}>
        {label}
      </Text>
      <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
        {chips.map((chip) => (
          <Badge
            key={chip.key}
            variant={chip.variant ?? 'light'}
            color={chip.color ?? 'gray'}
            size="md"
            radius="sm"
            tt="none"
            fw={500}
            data-chip={chip.key}
            style={{ maxWidth: '100%' }}
          >
            {chip.text}
          </Badge>
        ))}
      </Group>
    </Group>
  );
}

/** What a rule looks at and what it does, in short phrases ("When: Platform: X · Then: Priority: Urgent"). */
export function RuleSummary({
  conditions,
  actions,
  lookups,
}: {
  conditions: RuleConditions;
  actions: RuleActions;
  lookups: RuleLookups;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ChipLine
        label={t('routing.summary.when')}
        chips={conditionPhrases(conditions, lookups, t, i18n.language)}
        testId="rule-conditions"
      />
      <ChipLine
        label={t('routing.summary.then')}
        chips={actionPhrases(actions, lookups, t)}
        testId="rule-actions"
      />
    </>
  );
}
