import {
  PLATFORMS,
  QUERY_KINDS,
  type CompileListeningQueryRequest,
  type IncludeMode,
  type ListeningQueryDto,
  type QueryKind,
  type Role,
} from '@ecoute/contracts';
import {
  isApiRequestError,
  useCompileListeningQuery,
  useCreateListeningQuery,
  useDeleteListeningQuery,
  useErrorMessage,
  usePreviewListeningQuery,
  useUpdateListeningQuery,
} from '@ecoute/web-data-access';
import { LANGUAGE_CODES, languageOptionLabel, PLATFORM_NAMES } from '@ecoute/web-ui';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceFloppy, IconEye, IconLock, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CompiledQueries } from './compiled-queries';
import { PreviewResults } from './preview-results';
import {
  compileBody,
  emptyQueryForm,
  firstInvalidField,
  normaliseTags,
  normaliseTerms,
  queryFormFromDto,
  validateQueryForm,
  type QueryFormField,
  type QueryFormValues,
} from './query-form';

/** How long the editor waits after the last keystroke before compiling. */
export const COMPILE_DEBOUNCE_MS = 300;
/**
 * Mantine keeps a combobox's (empty) listbox in the page, hidden, and names it after the field: a lookup by the
 * field's label would then find two elements. Mount the listbox only while it is open. The tags inputs have no
 * suggestions, so their dropdown never opens (and Escape goes straight to the drawer).
 */
const NO_HIDDEN_LISTBOX = { keepMounted: false } as const;

/** How many posts a preview asks each platform for. */
export const PREVIEW_LIMIT = 20;

export interface QueryEditorProps {
  /** the query to edit; none: a new query */
  query?: ListeningQueryDto;
  /** the user holds `listening.write`; otherwise the editor only shows the query */
  canWrite: boolean;
  /** the user's role, to say why the editor is read-only */
  role: Role | null;
  /** leave the editor (after a save, a delete, or Cancel) */
  onClose: () => void;
}

function sameBody(a: CompileListeningQueryRequest | null, b: CompileListeningQueryRequest | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Create or edit a listening query, with its compiled form per platform (live) and a preview. */
export function QueryEditor({ query, canWrite, role, onClose }: QueryEditorProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const readOnly = !canWrite;
  const [values, setValues] = useState<QueryFormValues>(() =>
    query ? queryFormFromDto(query) : emptyQueryForm(),
  );
  const [touched, setTouched] = useState<ReadonlySet<QueryFormField>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const create = useCreateListeningQuery();
  const update = useUpdateListeningQuery();
  const save = query ? update : create;
  const preview = usePreviewListeningQuery();
  const [previewed, setPreviewed] = useState<CompileListeningQueryRequest | null>(null);

  const validation = useMemo(() => validateQueryForm(values), [values]);
  const errorOf = (field: QueryFormField): string | undefined => {
    if (readOnly || !(submitted || touched.has(field))) return undefined;
    const e = validation.errors[field];
    return e ? t(`listening.editor.errors.${e.key}`, e.values ?? {}) : undefined;
  };

  const set = <K extends QueryFormField>(field: K, value: QueryFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
    if (save.isError) save.reset();
  };

  // The compiled form, live: compile what the form holds once typing pauses.
  const currentBody = useMemo(() => compileBody(values), [values]);
  const [debouncedBody] = useDebouncedValue(currentBody, COMPILE_DEBOUNCE_MS);
  const compile = useCompileListeningQuery(readOnly ? null : debouncedBody);
  const compiledResults = readOnly ? query?.compiled : currentBody ? compile.data : undefined;
  const compilePending =
    !readOnly &&
    currentBody !== null &&
    (!sameBody(currentBody, debouncedBody) || compile.isFetching || compile.isPlaceholderData);
  const compileRequestError = !readOnly && currentBody && compile.isError ? compile.error : null;
  const compileFailures = (compiledResults ?? []).filter(
    (r) => values.platforms.includes(r.platform) && r.error,
  );
  // The server refuses what does not compile (400): say so before, and do not offer to save it.
  const saveBlocked =
    compileFailures.length > 0 ||
    (isApiRequestError(compileRequestError) &&
      compileRequestError.status >= 400 &&
      compileRequestError.status < 500);

  // The editor opens on its first field (the drawer, opened before the query loaded, focused its close button).
  useEffect(() => {
    if (canWrite) nameRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only
  }, []);

  // After a refused submit, put the focus on the first field to fix.
  useEffect(() => {
    if (focusRequest === 0) return;
    const field = firstInvalidField(validation.errors);
    const el = field
      ? formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"] input:not([type="hidden"])`)
      : null;
    el?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a focus is requested
  }, [focusRequest]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || save.isPending) return;
    setSubmitted(true);
    const body = validation.body;
    if (!body) {
      setFocusRequest((n) => n + 1);
      return;
    }
    if (saveBlocked) return;
    const done = (saved: ListeningQueryDto) => {
      notifications.show({
        message: t(query ? 'listening.editor.saved' : 'listening.editor.created', { name: saved.name }),
        color: 'teal',
        autoClose: 3000,
      });
      onClose();
    };
    if (query) update.mutate({ id: query.id, changes: body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  const runPreview = () => {
    if (!currentBody) {
      setSubmitted(true);
      setFocusRequest((n) => n + 1);
      return;
    }
    setPreviewed(currentBody);
    preview.mutate({ ...currentBody, limit: PREVIEW_LIMIT });
  };

  const languageData = useMemo(() => {
    const codes = [
      ...LANGUAGE_CODES,
      ...values.languages.filter((l) => !(LANGUAGE_CODES as readonly string[]).includes(l)),
    ];
    return codes.map((code) => ({ value: code, label: languageOptionLabel(code, i18n.language) }));
  }, [values.languages, i18n.language]);

  const showFixErrors = submitted && !validation.body && !readOnly;
  const previewNoteId = useId();

  return (
    <Box
      component="form"
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={t('listening.editor.form')}
      data-testid="query-editor"
    >
      <Stack gap="md">
        {readOnly ? (
          <Alert color="gray" variant="light" icon={<IconLock size={16} />} data-testid="read-only">
            {t('listening.readOnly', { role: role ? t(`roles.${role}`) : '—' })}
          </Alert>
        ) : null}

        <TextInput
          wrapperProps={{ 'data-field': 'name' }}
          label={t('listening.editor.name')}
          placeholder={t('listening.editor.namePlaceholder')}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errorOf('name')}
          required
          withAsterisk={false}
          maxLength={120}
          readOnly={readOnly}
          ref={nameRef}
        />

        <Radio.Group
          wrapperProps={{ 'data-field': 'kind' }}
          label={t('listening.editor.kind')}
          value={values.kind}
          onChange={(v) => set('kind', v as QueryKind)}
        >
          <Group gap="lg" mt={6}>
            {QUERY_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`queryKind.${k}`)} disabled={readOnly} />
            ))}
          </Group>
        </Radio.Group>

        <Stack gap={6}>
          <TagsInput
            wrapperProps={{ 'data-field': 'include' }}
            label={t('listening.editor.include')}
            description={t('listening.editor.includeHint')}
            value={values.include}
            onChange={(v) => set('include', normaliseTerms(v))}
            error={errorOf('include')}
            splitChars={[',']}
            clearable={!readOnly}
            readOnly={readOnly}
            comboboxProps={NO_HIDDEN_LISTBOX}
            dropdownOpened={false}
            data-testid="include-terms"
          />
          <Radio.Group
            wrapperProps={{ 'data-field': 'includeMode' }}
            label={t('listening.editor.includeMode')}
            value={values.includeMode}
            onChange={(v) => set('includeMode', v as IncludeMode)}
            size="sm"
          >
            <Group gap="lg" mt={4}>
              <Radio value="any" label={t('listening.editor.includeAny')} disabled={readOnly} />
              <Radio value="all" label={t('listening.editor.includeAll')} disabled={readOnly} />
            </Group>
          </Radio.Group>
        </Stack>

        <TagsInput
          wrapperProps={{ 'data-field': 'exclude' }}
          label={t('listening.editor.exclude')}
          description={t('listening.editor.excludeHint')}
          value={values.exclude}
          onChange={(v) => set('exclude', normaliseTerms(v))}
          error={errorOf('exclude')}
          splitChars={[',']}
          clearable={!readOnly}
          readOnly={readOnly}
          comboboxProps={NO_HIDDEN_LISTBOX}
          dropdownOpened={false}
        />

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TagsInput
            wrapperProps={{ 'data-field': 'hashtags' }}
            label={t('listening.editor.hashtags')}
            description={t('listening.editor.hashtagsHint')}
            value={values.hashtags}
            onChange={(v) => set('hashtags', normaliseTags(v, '#'))}
            error={errorOf('hashtags')}
            splitChars={[',', ' ']}
            clearable={!readOnly}
            readOnly={readOnly}
            comboboxProps={NO_HIDDEN_LISTBOX}
            dropdownOpened={false}
          />
          <TagsInput
            wrapperProps={{ 'data-field': 'handles' }}
            label={t('listening.editor.handles')}
            description={t('listening.editor.handlesHint')}
            value={values.handles}
            onChange={(v) => set('handles', normaliseTags(v, '@'))}
            error={errorOf('handles')}
            splitChars={[',', ' ']}
            clearable={!readOnly}
            readOnly={readOnly}
            comboboxProps={NO_HIDDEN_LISTBOX}
            dropdownOpened={false}
          />
        </SimpleGrid>

        <MultiSelect
          wrapperProps={{ 'data-field': 'languages' }}
          label={t('listening.editor.languages')}
          description={t('listening.editor.languagesHint')}
          placeholder={values.languages.length === 0 ? t('listening.editor.languagesPlaceholder') : undefined}
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

        <Checkbox.Group
          wrapperProps={{ 'data-field': 'platforms' }}
          label={t('listening.editor.platforms')}
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
              <Checkbox key={p} value={p} label={PLATFORM_NAMES[p]} disabled={readOnly} data-platform={p} />
            ))}
          </Group>
        </Checkbox.Group>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            wrapperProps={{ 'data-field': 'pollIntervalSeconds' }}
            label={t('listening.editor.pollInterval')}
            description={t('listening.editor.pollIntervalHint')}
            value={values.pollIntervalSeconds}
            onChange={(v) => set('pollIntervalSeconds', v)}
            error={errorOf('pollIntervalSeconds')}
            min={5}
            max={86_400}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            readOnly={readOnly}
          />
          <Stack gap="sm" pt={4}>
            <Switch
              label={t('listening.editor.includeReposts')}
              description={t('listening.editor.includeRepostsHint')}
              checked={values.includeReposts}
              onChange={(e) => set('includeReposts', e.currentTarget.checked)}
              disabled={readOnly}
            />
            <Switch
              label={t('listening.editor.active')}
              description={t('listening.editor.activeHint')}
              checked={values.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
              disabled={readOnly}
            />
          </Stack>
        </SimpleGrid>

        <Divider />

        <CompiledQueries
          platforms={values.platforms}
          results={compiledResults}
          pending={compilePending}
          invalid={!readOnly && currentBody === null && values.platforms.length > 0}
          requestError={compileRequestError ? errorMessage(compileRequestError) : null}
          readOnly={readOnly}
        />

        {/* listening.read is enough to preview (it stores nothing): read-only viewers may run it too */}
        <Divider />
        <Stack gap="xs">
          <Group gap="sm" wrap="nowrap" align="center">
            <Button
              type="button"
              variant="light"
              leftSection={<IconEye size={16} aria-hidden />}
              onClick={runPreview}
              loading={preview.isPending}
              aria-describedby={previewNoteId}
              style={{ flex: 'none' }}
            >
              {t('listening.preview.run')}
            </Button>
            <Text size="xs" c="dimmed" id={previewNoteId}>
              {t('listening.preview.note')}
            </Text>
          </Group>
          {preview.isError ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle size={16} />}
              title={t('listening.preview.failed')}
              role="alert"
              p="xs"
            >
              {errorMessage(preview.error)}
            </Alert>
          ) : null}
          {preview.data ? (
            <PreviewResults result={preview.data} stale={!sameBody(previewed, currentBody)} />
          ) : null}
        </Stack>

        {canWrite ? (
          <EditorFooter
            query={query}
            saving={save.isPending}
            saveDisabled={saveBlocked}
            saveError={save.isError ? errorMessage(save.error) : null}
            showFixErrors={showFixErrors}
            onCancel={onClose}
            onDeleted={onClose}
          />
        ) : null}
      </Stack>
    </Box>
  );
}

interface EditorFooterProps {
  query: ListeningQueryDto | undefined;
  saving: boolean;
  saveDisabled: boolean;
  saveError: string | null;
  showFixErrors: boolean;
  onCancel: () => void;
  onDeleted: () => void;
}

/** Save, Cancel and Delete (with its confirmation), kept in view at the bottom of the editor. */
function EditorFooter({
  query,
  saving,
  saveDisabled,
  saveError,
  showFixErrors,
  onCancel,
  onDeleted,
}: EditorFooterProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const remove = useDeleteListeningQuery();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const confirmTitleId = useId();
  const confirmBodyId = useId();
  const blockedId = useId();

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const cancelConfirm = () => {
    setConfirming(false);
    // the Delete button comes back: give it the focus again
    requestAnimationFrame(() => deleteRef.current?.focus());
  };

  const onConfirmKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancelConfirm();
    }
  };

  const confirmDelete = () => {
    if (!query) return;
    remove.mutate(query.id, {
      onSuccess: () => {
        notifications.show({
          message: t('listening.editor.deleted', { name: query.name }),
          color: 'teal',
          autoClose: 3000,
        });
        onDeleted();
      },
      onError: (e) =>
        notifications.show({
          message: t('listening.editor.deleteFailed', { message: errorMessage(e) }),
          color: 'red',
        }),
    });
  };

  return (
    <Box
      pos="sticky"
      bottom={0}
      py="sm"
      style={{
        background: 'var(--mantine-color-body)',
        borderTop: '1px solid var(--mantine-color-default-border)',
        zIndex: 1,
      }}
    >
      <Stack gap="xs">
        {saveError ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={16} />}
            title={t('listening.editor.saveFailed')}
            role="alert"
            p="xs"
            data-testid="save-error"
          >
            {saveError}
          </Alert>
        ) : null}
        {showFixErrors ? (
          <Text size="sm" c="red" role="alert" data-testid="fix-errors">
            {t('listening.editor.fixErrors')}
          </Text>
        ) : null}
        {saveDisabled ? (
          <Text size="xs" c="red" id={blockedId} data-testid="save-blocked">
            {t('listening.editor.saveBlocked')}
          </Text>
        ) : null}
        {confirming && query ? (
          <Paper
            withBorder
            p="sm"
            radius="sm"
            role="alertdialog"
            aria-labelledby={confirmTitleId}
            aria-describedby={confirmBodyId}
            onKeyDown={onConfirmKeyDown}
            data-testid="confirm-delete"
            style={{ borderColor: 'var(--mantine-color-red-filled)' }}
          >
            <Text fw={600} size="sm" id={confirmTitleId}>
              {t('listening.editor.confirmTitle', { name: query.name })}
            </Text>
            <Text size="sm" c="dimmed" id={confirmBodyId} mb="sm">
              {t('listening.editor.confirmBody')}
            </Text>
            <Group justify="flex-end" gap="sm">
              {/* data-mantine-stop-propagation: Escape here cancels the confirmation, not the drawer */}
              <Button ref={keepRef} variant="default" onClick={cancelConfirm} data-mantine-stop-propagation>
                {t('listening.editor.confirmCancel')}
              </Button>
              <Button
                color="red"
                onClick={confirmDelete}
                loading={remove.isPending}
                leftSection={<IconTrash size={16} aria-hidden />}
                data-mantine-stop-propagation
              >
                {t('listening.editor.confirmDelete')}
              </Button>
            </Group>
          </Paper>
        ) : null}
        <Group justify="space-between" wrap="nowrap">
          <div>
            {query && !confirming ? (
              <Button
                ref={deleteRef}
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('listening.editor.delete')}
              </Button>
            ) : null}
          </div>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onCancel}>
              {t('listening.editor.cancel')}
            </Button>
            <Button
              type="submit"
              loading={saving}
              disabled={saveDisabled}
              aria-describedby={saveDisabled ? blockedId : undefined}
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            >
              {t('listening.editor.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Box>
  );
}
