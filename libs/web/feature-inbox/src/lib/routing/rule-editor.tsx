import {
  DryRunRoutingRuleRequest,
  INTENTS,
  PLATFORMS,
  PRIORITIES,
  QUERY_KINDS,
  SENTIMENT_LABELS,
  type Priority,
  type Role,
  type RoutingRuleDto,
  type TeamDto,
} from '@ecoute/contracts';
import {
  useCreateRoutingRule,
  useDeleteRoutingRule,
  useDryRunRoutingRule,
  useErrorMessage,
  useListeningQueries,
  useUpdateRoutingRule,
} from '@ecoute/web-data-access';
import { LANGUAGE_CODES, languageOptionLabel, PLATFORM_NAMES } from '@ecoute/web-ui';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle, IconLock, IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DryRunResults } from './dry-run-results';
import { EditorFooter } from './editor-footer';
import {
  catchesEverything,
  emptyRuleForm,
  firstInvalidRuleField,
  normaliseHandles,
  normaliseWords,
  ruleFormFromDto,
  toActions,
  toConditions,
  validateRuleForm,
  type AssignChoice,
  type RuleFieldErrors,
  type RuleFormField,
  type RuleFormValues,
} from './rule-form';
import type { MemberChoice } from './use-member-choices';

/** Mount a combobox's listbox only while it is open (a hidden one shares the field's name). */
const NO_HIDDEN_LISTBOX = { keepMounted: false } as const;

/** How many days a dry run replays unless told otherwise. */
export const DEFAULT_DRY_RUN_DAYS = 7;

export interface RuleEditorProps {
  /** the rule to edit; none: a new rule */
  rule?: RoutingRuleDto;
  /** the user holds `routing.manage`; otherwise the editor only shows the rule */
  canManage: boolean;
  role: Role | null;
  teams: readonly TeamDto[];
  members: readonly MemberChoice[];
  onClose: () => void;
}

function fieldSelector(field: RuleFormField): string {
  const scope = `[data-field="${field}"]`;
  return `${scope} input:not([type="hidden"]):not([disabled]), ${scope} select, ${scope} textarea`;
}

/** Create or edit a routing rule: its conditions, its actions, and a dry run over the last days' mentions. */
export function RuleEditor({ rule, canManage, role, teams, members, onClose }: RuleEditorProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const readOnly = !canManage;
  const [values, setValues] = useState<RuleFormValues>(() =>
    rule ? ruleFormFromDto(rule) : emptyRuleForm(),
  );
  const [touched, setTouched] = useState<ReadonlySet<RuleFormField>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ n: number; skipName: boolean }>({
    n: 0,
    skipName: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const remove = useDeleteRoutingRule();
  const save = rule ? update : create;
  const dryRun = useDryRunRoutingRule();
  const [days, setDays] = useState<number | string>(DEFAULT_DRY_RUN_DAYS);
  const [dryRunOf, setDryRunOf] = useState<string | null>(null);
  const queries = useListeningQueries();

  const validation = useMemo(() => validateRuleForm(values), [values]);
  const errorOf = (field: RuleFormField): string | undefined => {
    if (readOnly || !(submitted || touched.has(field))) return undefined;
    const e = validation.errors[field];
    return e ? t(`routing.editor.errors.${e.key}`, e.values ?? {}) : undefined;
  };

  const set = <K extends keyof RuleFormValues>(field: K, value: RuleFormValues[K], as?: RuleFormField) => {
    setValues((v) => ({ ...v, [field]: value }));
    const key: RuleFormField = as ?? (field as RuleFormField);
    setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));
    if (save.isError) save.reset();
  };

  useEffect(() => {
    if (canManage) nameRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only
  }, []);

  // After a refused submit or dry run, put the focus on the first field to fix.
  useEffect(() => {
    if (focusRequest.n === 0) return;
    const errors: RuleFieldErrors = { ...validation.errors };
    if (focusRequest.skipName) delete errors.name;
    const field = firstInvalidRuleField(errors);
    if (field) formRef.current?.querySelector<HTMLElement>(fieldSelector(field))?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a focus is requested
  }, [focusRequest]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || save.isPending) return;
    setSubmitted(true);
    const body = validation.body;
    if (!body) {
      setFocusRequest((r) => ({ n: r.n + 1, skipName: false }));
      return;
    }
    const done = (saved: RoutingRuleDto) => {
      notifications.show({
        message: t(rule ? 'routing.editor.saved' : 'routing.editor.created', { name: saved.name }),
        color: 'teal',
        autoClose: 3000,
      });
      onClose();
    };
    if (rule) update.mutate({ id: rule.id, changes: body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  // The dry run needs the conditions and actions only (not a name).
  const dryRunBody = useMemo(() => {
    const parsed = DryRunRoutingRuleRequest.safeParse({
      conditions: toConditions(values),
      actions: toActions(values),
      days: typeof days === 'number' ? days : Number.NaN,
    });
    return parsed.success ? parsed.data : null;
  }, [values, days]);
  const daysInvalid = typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 90;
  const ruleKey = JSON.stringify({ c: toConditions(values), a: toActions(values) });

  const runDryRun = () => {
    if (dryRun.isPending) return;
    const ruleErrors = Object.keys(validation.errors).filter((k) => k !== 'name');
    if (ruleErrors.length > 0) {
      setSubmitted(true);
      setFocusRequest((r) => ({ n: r.n + 1, skipName: true }));
      return;
    }
    if (!dryRunBody) return;
    setDryRunOf(ruleKey);
    dryRun.mutate(dryRunBody);
  };

  const confirmDelete = () => {
    if (!rule) return;
    remove.mutate(rule.id, {
      onSuccess: () => {
        notifications.show({
          message: t('routing.editor.deleted', { name: rule.name }),
          color: 'teal',
          autoClose: 3000,
        });
        onClose();
      },
      onError: (err) =>
        notifications.show({
          message: t('routing.editor.deleteFailed', { message: errorMessage(err) }),
          color: 'red',
        }),
    });
  };

  const languageData = useMemo(() => {
    const codes = [
      ...LANGUAGE_CODES,
      ...values.languages.filter((l) => !(LANGUAGE_CODES as readonly string[]).includes(l)),
    ];
    return codes.map((code) => ({ value: code, label: languageOptionLabel(code, i18n.language) }));
  }, [values.languages, i18n.language]);

  const queryData = useMemo(() => {
    const list = (queries.data ?? []).map((q) => ({ value: q.id, label: q.name }));
    const missing = values.queryIds.filter((id) => !list.some((q) => q.value === id));
    return [...list, ...missing.map((id) => ({ value: id, label: t('routing.summary.unknownQuery') }))];
  }, [queries.data, values.queryIds, t]);

  const teamData = useMemo(() => {
    const list = teams.map((team) => ({ value: team.id, label: team.name }));
    if (values.teamId && !teams.some((team) => team.id === values.teamId))
      list.push({ value: values.teamId, label: t('routing.summary.unknownTeam') });
    return [{ value: '', label: t('routing.editor.noTeam') }, ...list];
  }, [teams, values.teamId, t]);

  const assignData = useMemo(() => {
    const people = members.map((m) => ({ value: `user:${m.id}`, label: m.name }));
    if (values.assign.startsWith('user:') && !people.some((p) => p.value === values.assign))
      people.push({ value: values.assign, label: t('routing.summary.unknownMember') });
    return [
      { value: '', label: t('routing.editor.assignNone') },
      {
        group: t('routing.editor.assignWithinTeam'),
        items: [
          { value: 'round_robin', label: t('routing.editor.assignRoundRobin') },
          { value: 'least_loaded', label: t('routing.editor.assignLeastLoaded') },
        ],
      },
      ...(people.length > 0 ? [{ group: t('routing.editor.assignPerson'), items: people }] : []),
    ];
  }, [members, values.assign, t]);

  const priorityData = [
    { value: '', label: t('routing.editor.priorityNone') },
    ...PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) })),
  ];

  const everything = !readOnly && catchesEverything(toConditions(values));
  const showFixErrors = submitted && !validation.body && !readOnly;
  const dryRunNoteId = useId();
  const scoreError = errorOf('sentimentScore');

  return (
    <Box
      component="form"
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={t('routing.editor.form')}
      data-testid="rule-editor"
    >
      <Stack gap="md">
        {readOnly ? (
          <Alert color="gray" variant="light" icon={<IconLock size={16} />} data-testid="read-only">
            {t('routing.readOnly', { role: role ? t(`roles.${role}`) : '—' })}
          </Alert>
        ) : null}

        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            wrapperProps={{ 'data-field': 'name' }}
            label={t('routing.editor.name')}
            placeholder={t('routing.editor.namePlaceholder')}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errorOf('name')}
            required
            withAsterisk={false}
            maxLength={80}
            readOnly={readOnly}
            ref={nameRef}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Switch
            label={t('routing.editor.enabled')}
            checked={values.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
            disabled={readOnly}
            mb={8}
          />
        </Group>

        <Fieldset legend={t('routing.editor.conditions')} radius="md" data-testid="rule-conditions-fields">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('routing.editor.conditionsHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <MultiSelect
                wrapperProps={{ 'data-field': 'queryIds' }}
                label={t('routing.editor.queries')}
                placeholder={values.queryIds.length === 0 ? t('routing.editor.anyQuery') : undefined}
                data={queryData}
                value={values.queryIds}
                onChange={(v) => set('queryIds', v)}
                error={errorOf('queryIds')}
                searchable
                clearable={!readOnly}
                readOnly={readOnly}
                comboboxProps={NO_HIDDEN_LISTBOX}
                nothingFoundMessage="—"
              />
              <MultiSelect
                wrapperProps={{ 'data-field': 'languages' }}
                label={t('routing.editor.languages')}
                placeholder={values.languages.length === 0 ? t('routing.editor.anyLanguage') : undefined}
                data={languageData}
                value={values.languages}
                onChange={(v) => set('languages', v)}
                error={errorOf('languages')}
                searchable
                clearable={!readOnly}
                readOnly={readOnly}
                comboboxProps={NO_HIDDEN_LISTBOX}
                nothingFoundMessage="—"
              />
            </SimpleGrid>

            <Checkbox.Group
              wrapperProps={{ 'data-field': 'queryKinds' }}
              label={t('routing.editor.queryKinds')}
              value={values.queryKinds}
              onChange={(v) =>
                set(
                  'queryKinds',
                  QUERY_KINDS.filter((k) => v.includes(k)),
                )
              }
              error={errorOf('queryKinds')}
            >
              <Group gap="lg" mt={6}>
                {QUERY_KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`queryKind.${k}`)} disabled={readOnly} />
                ))}
              </Group>
            </Checkbox.Group>

            <Checkbox.Group
              wrapperProps={{ 'data-field': 'platforms' }}
              label={t('routing.editor.platforms')}
              value={values.platforms}
              onChange={(v) =>
                set(
                  'platforms',
                  PLATFORMS.filter((p) => v.includes(p)),
                )
              }
              error={errorOf('platforms')}
            >
              <Group gap="lg" mt={6}>
                {PLATFORMS.map((p) => (
                  <Checkbox
                    key={p}
                    value={p}
                    label={PLATFORM_NAMES[p]}
                    disabled={readOnly}
                    data-platform={p}
                  />
                ))}
              </Group>
            </Checkbox.Group>

            <Checkbox.Group
              wrapperProps={{ 'data-field': 'sentimentLabels' }}
              label={t('routing.editor.sentiment')}
              value={values.sentimentLabels}
              onChange={(v) =>
                set(
                  'sentimentLabels',
                  SENTIMENT_LABELS.filter((s) => v.includes(s)),
                )
              }
              error={errorOf('sentimentLabels')}
            >
              <Group gap="lg" mt={6}>
                {SENTIMENT_LABELS.map((s) => (
                  <Checkbox key={s} value={s} label={t(`sentiment.${s}`)} disabled={readOnly} />
                ))}
              </Group>
            </Checkbox.Group>

            <Box data-field="sentimentScore">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <NumberInput
                  label={t('routing.editor.scoreMin')}
                  description={t('routing.editor.scoreHint')}
                  placeholder="−1"
                  value={values.scoreMin}
                  onChange={(v) => set('scoreMin', v, 'sentimentScore')}
                  error={scoreError}
                  min={-1}
                  max={1}
                  step={0.1}
                  decimalScale={2}
                  clampBehavior="none"
                  readOnly={readOnly}
                />
                <NumberInput
                  label={t('routing.editor.scoreMax')}
                  description={t('routing.editor.scoreHint')}
                  placeholder="1"
                  value={values.scoreMax}
                  onChange={(v) => set('scoreMax', v, 'sentimentScore')}
                  error={scoreError ? true : undefined}
                  aria-invalid={scoreError ? true : undefined}
                  min={-1}
                  max={1}
                  step={0.1}
                  decimalScale={2}
                  clampBehavior="none"
                  readOnly={readOnly}
                />
              </SimpleGrid>
            </Box>

            <Checkbox.Group
              wrapperProps={{ 'data-field': 'intents' }}
              label={t('routing.editor.intents')}
              value={values.intents}
              onChange={(v) =>
                set(
                  'intents',
                  INTENTS.filter((i) => v.includes(i)),
                )
              }
              error={errorOf('intents')}
            >
              <Group gap="lg" mt={6}>
                {INTENTS.map((i) => (
                  <Checkbox key={i} value={i} label={t(`intent.${i}`)} disabled={readOnly} />
                ))}
              </Group>
            </Checkbox.Group>

            <Switch
              wrapperProps={{ 'data-field': 'matchAny' }}
              label={t('routing.editor.matchAny')}
              description={t('routing.editor.matchAnyHint')}
              checked={values.matchAny}
              onChange={(e) => set('matchAny', e.currentTarget.checked)}
              disabled={readOnly}
            />

            <TagsInput
              wrapperProps={{ 'data-field': 'keywords' }}
              label={t('routing.editor.keywords')}
              description={t('routing.editor.keywordsHint')}
              value={values.keywords}
              onChange={(v) => set('keywords', normaliseWords(v))}
              error={errorOf('keywords')}
              splitChars={[',']}
              clearable={!readOnly}
              readOnly={readOnly}
              comboboxProps={NO_HIDDEN_LISTBOX}
              dropdownOpened={false}
            />

            <TagsInput
              wrapperProps={{ 'data-field': 'authorHandles' }}
              label={t('routing.editor.authorHandles')}
              description={t('routing.editor.authorHandlesHint')}
              value={values.authorHandles}
              onChange={(v) => set('authorHandles', normaliseHandles(v))}
              error={errorOf('authorHandles')}
              splitChars={[',', ' ']}
              clearable={!readOnly}
              readOnly={readOnly}
              comboboxProps={NO_HIDDEN_LISTBOX}
              dropdownOpened={false}
            />

            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                wrapperProps={{ 'data-field': 'minFollowers' }}
                label={t('routing.editor.minFollowers')}
                placeholder={t('routing.editor.anyFollowers')}
                value={values.minFollowers}
                onChange={(v) => set('minFollowers', v)}
                error={errorOf('minFollowers')}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={i18n.language === 'fr' ? ' ' : ','}
                clampBehavior="none"
                readOnly={readOnly}
              />
              <Checkbox
                wrapperProps={{ 'data-field': 'verifiedOnly' }}
                label={t('routing.editor.verifiedOnly')}
                description={t('routing.editor.verifiedOnlyHint')}
                checked={values.verifiedOnly}
                onChange={(e) => set('verifiedOnly', e.currentTarget.checked)}
                disabled={readOnly}
                mt={{ base: 0, sm: 28 }}
              />
            </SimpleGrid>

            {everything ? (
              <Alert
                color="orange"
                variant="light"
                icon={<IconAlertTriangle size={16} />}
                p="xs"
                role="note"
                data-testid="catches-everything"
              >
                {t('routing.editor.catchesEverything')}
              </Alert>
            ) : null}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('routing.editor.actions')} radius="md" data-testid="rule-actions-fields">
          <Stack gap="md">
            <Switch
              wrapperProps={{ 'data-field': 'openConversation' }}
              label={t('routing.editor.openConversation')}
              description={t('routing.editor.openConversationHint')}
              checked={values.openConversation}
              onChange={(e) => set('openConversation', e.currentTarget.checked)}
              disabled={readOnly}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect
                wrapperProps={{ 'data-field': 'priority' }}
                label={t('routing.editor.priority')}
                description={t('routing.editor.priorityHint')}
                data={priorityData}
                value={values.priority}
                onChange={(e) => set('priority', e.currentTarget.value as Priority | '')}
                disabled={readOnly}
              />
              <TagsInput
                wrapperProps={{ 'data-field': 'tags' }}
                label={t('routing.editor.tags')}
                description={t('routing.editor.tagsHint')}
                value={values.tags}
                onChange={(v) => set('tags', normaliseWords(v))}
                error={errorOf('tags')}
                splitChars={[',']}
                clearable={!readOnly}
                readOnly={readOnly}
                comboboxProps={NO_HIDDEN_LISTBOX}
                dropdownOpened={false}
              />
              <NativeSelect
                wrapperProps={{ 'data-field': 'teamId' }}
                label={t('routing.editor.team')}
                description={t('routing.editor.teamHint')}
                data={teamData}
                value={values.teamId}
                onChange={(e) => set('teamId', e.currentTarget.value, 'assign')}
                error={errorOf('teamId')}
                disabled={readOnly}
              />
              <NativeSelect
                wrapperProps={{ 'data-field': 'assign' }}
                label={t('routing.editor.assign')}
                description={t('routing.editor.assignHint')}
                data={assignData}
                value={values.assign}
                onChange={(e) => set('assign', e.currentTarget.value as AssignChoice)}
                error={errorOf('assign')}
                disabled={readOnly}
              />
            </SimpleGrid>
            <Checkbox
              wrapperProps={{ 'data-field': 'ignore' }}
              label={t('routing.editor.ignore')}
              description={t('routing.editor.ignoreHint')}
              checked={values.ignore}
              onChange={(e) => set('ignore', e.currentTarget.checked)}
              disabled={readOnly}
            />
            <Checkbox
              wrapperProps={{ 'data-field': 'stop' }}
              label={t('routing.editor.stop')}
              description={t('routing.editor.stopHint')}
              checked={values.stop}
              onChange={(e) => set('stop', e.currentTarget.checked)}
              disabled={readOnly}
            />
          </Stack>
        </Fieldset>

        {canManage ? (
          <>
            <Divider />
            <Stack gap="xs" data-testid="dry-run">
              <Group gap="sm" align="flex-end" wrap="wrap">
                <NumberInput
                  label={t('routing.dryRun.days')}
                  value={days}
                  onChange={setDays}
                  min={1}
                  max={90}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  error={daysInvalid ? t('routing.dryRun.daysRange') : undefined}
                  w={160}
                />
                <Button
                  type="button"
                  variant="light"
                  leftSection={<IconPlayerPlay size={16} aria-hidden />}
                  onClick={runDryRun}
                  loading={dryRun.isPending}
                  disabled={daysInvalid}
                  aria-describedby={dryRunNoteId}
                  mb={daysInvalid ? 22 : 0}
                >
                  {t('routing.dryRun.run')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed" id={dryRunNoteId}>
                {t('routing.dryRun.note')}
              </Text>
              {dryRun.isError ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle size={16} />}
                  title={t('routing.dryRun.failed')}
                  role="alert"
                  p="xs"
                  data-testid="dry-run-error"
                >
                  {errorMessage(dryRun.error)}
                </Alert>
              ) : null}
              {dryRun.data && !dryRun.isPending ? (
                <DryRunResults result={dryRun.data} stale={dryRunOf !== ruleKey} ignores={values.ignore} />
              ) : null}
            </Stack>
          </>
        ) : null}

        {canManage ? (
          <EditorFooter
            deletable={rule !== undefined}
            confirmTitle={t('routing.editor.confirmTitle', { name: rule?.name ?? '' })}
            confirmBody={t('routing.editor.confirmBody')}
            confirmLabel={t('routing.editor.confirmDelete')}
            onDelete={confirmDelete}
            deleting={remove.isPending}
            saving={save.isPending}
            saveError={save.isError ? errorMessage(save.error) : null}
            showFixErrors={showFixErrors}
            onCancel={onClose}
          />
        ) : null}
      </Stack>
    </Box>
  );
}
