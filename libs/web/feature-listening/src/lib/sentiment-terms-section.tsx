import type { CreateSentimentTermRequest, SentimentTermDto, SentimentTermKind } from '@ecoute/contracts';
import {
  useCreateSentimentTerm,
  useDeleteSentimentTerm,
  useErrorMessage,
  useSentimentTerms,
} from '@ecoute/web-data-access';
import { formatNumber, formatWeight, LoadFailedAlert, LoadingSkeletons, RelativeTime } from '@ecoute/web-ui';
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LEXICON_WEIGHT_MAX, LEXICON_WEIGHT_MIN, termError, weightError } from './term-validation';

/** The longest term and note the API takes. */
const TERM_MAX_LENGTH = 60;
const NOTE_MAX_LENGTH = 200;

export interface SentimentTermsSectionProps {
  /** the user may add and delete terms (`workspace.admin`); everyone else sees them read-only */
  canWrite: boolean;
}

/** The workspace's sentiment tuning: its lexicon words, and the terms that never carry sentiment. */
export function SentimentTermsSection({ canWrite }: SentimentTermsSectionProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const terms = useSentimentTerms();
  const items = terms.data ?? [];

  if (terms.isPending) return <LoadingSkeletons label={t('common.loading')} height={80} count={2} />;
  if (terms.isError && items.length === 0) {
    return (
      <LoadFailedAlert
        title={t('listening.understanding.terms.loadFailed')}
        message={errorMessage(terms.error)}
        retryLabel={t('common.retry')}
        onRetry={() => void terms.refetch()}
      />
    );
  }
  return (
    <>
      <LexiconPanel terms={items.filter((x) => x.kind === 'lexicon')} canWrite={canWrite} />
      <IgnoredPanel terms={items.filter((x) => x.kind === 'ignored')} canWrite={canWrite} />
    </>
  );
}

function Section({
  title,
  description,
  children,
  testId,
  headingRef,
}: {
  title: string;
  description: string;
  children: ReactNode;
  testId: string;
  /** to put the focus back on the section, e.g. when the row that had it was deleted */
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const titleId = useId();
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={titleId} data-testid={testId}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id={titleId} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * Deletes a term, says so, and names the term in the error when it fails. The deleted row had the focus: it goes
 * to the section's heading.
 */
function useDeleteTerm(headingRef: RefObject<HTMLHeadingElement | null>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const remove = useDeleteSentimentTerm();
  const run = (term: SentimentTermDto) =>
    remove.mutate(term.id, {
      onSuccess: () => {
        notifications.show({
          message: t('listening.understanding.terms.deleted', { term: term.term }),
          color: 'teal',
          autoClose: 2500,
        });
        headingRef.current?.focus();
      },
      onError: (e) =>
        notifications.show({
          message: t('listening.understanding.terms.deleteFailed', {
            term: term.term,
            message: errorMessage(e),
          }),
          color: 'red',
        }),
    });
  const deleting = (id: string) => remove.isPending && remove.variables === id;
  return { run, deleting };
}

function DeleteTermButton({
  term,
  onDelete,
  loading,
}: {
  term: SentimentTermDto;
  onDelete: () => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const label = t('listening.understanding.terms.deleteLabel', { term: term.term });
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={onDelete}
        loading={loading}
        aria-label={label}
        data-testid="delete-term"
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

function LexiconPanel({ terms, canWrite }: { terms: SentimentTermDto[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const remove = useDeleteTerm(headingRef);
  return (
    <Section
      title={t('listening.understanding.terms.lexiconTitle')}
      description={t('listening.understanding.terms.lexiconDescription')}
      testId="lexicon-section"
      headingRef={headingRef}
    >
      {terms.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="lexicon-empty">
          {t('listening.understanding.terms.lexiconEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label={t('listening.understanding.terms.lexiconTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('listening.understanding.terms.term')}</Table.Th>
                <Table.Th>{t('listening.understanding.terms.weight')}</Table.Th>
                <Table.Th>{t('listening.understanding.terms.note')}</Table.Th>
                <Table.Th ta="right">{t('listening.understanding.terms.fromCorrections')}</Table.Th>
                <Table.Th>{t('listening.understanding.terms.addedBy')}</Table.Th>
                <Table.Th>{t('listening.understanding.terms.added')}</Table.Th>
                {canWrite ? (
                  <Table.Th>
                    <VisuallyHidden>{t('listening.understanding.terms.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {terms.map((term) => (
                <Table.Tr key={term.id} data-testid="lexicon-row" data-term={term.term}>
                  <Table.Td fw={600}>{term.term}</Table.Td>
                  <Table.Td>
                    {term.weight !== null ? (
                      <Badge
                        variant="light"
                        color={term.weight > 0 ? 'teal' : 'red'}
                        style={{ fontVariantNumeric: 'tabular-nums' }}
                        data-testid="term-weight"
                      >
                        {formatWeight(term.weight, locale)}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={term.note ? undefined : 'dimmed'}>
                      {term.note ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatNumber(term.fromCorrections, locale)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{term.createdBy ?? t('listening.understanding.terms.unknownUser')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime date={term.createdAt} locale={locale} />
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td>
                      <DeleteTermButton
                        term={term}
                        onDelete={() => remove.run(term)}
                        loading={remove.deleting(term.id)}
                      />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite ? <AddTermForm kind="lexicon" /> : null}
    </Section>
  );
}

function IgnoredPanel({ terms, canWrite }: { terms: SentimentTermDto[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const remove = useDeleteTerm(headingRef);
  return (
    <Section
      title={t('listening.understanding.terms.ignoredTitle')}
      description={t('listening.understanding.terms.ignoredDescription')}
      testId="ignored-section"
      headingRef={headingRef}
    >
      {terms.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="ignored-empty">
          {t('listening.understanding.terms.ignoredEmpty')}
        </Text>
      ) : (
        <Box component="ul" className="ec-list" aria-label={t('listening.understanding.terms.ignoredList')}>
          {terms.map((term) => (
            <Box
              component="li"
              key={term.id}
              py={6}
              style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              data-testid="ignored-row"
              data-term={term.term}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {term.term}
                  </Text>
                  <Group gap={6} wrap="wrap">
                    {term.note ? (
                      <Text size="xs" c="dimmed">
                        {term.note}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {term.createdBy ?? t('listening.understanding.terms.unknownUser')}
                    </Text>
                    <RelativeTime date={term.createdAt} locale={i18n.language} />
                  </Group>
                </Stack>
                {canWrite ? (
                  <DeleteTermButton
                    term={term}
                    onDelete={() => remove.run(term)}
                    loading={remove.deleting(term.id)}
                  />
                ) : null}
              </Group>
            </Box>
          ))}
        </Box>
      )}
      {canWrite ? <AddTermForm kind="ignored" /> : null}
    </Section>
  );
}

/** Adds a lexicon word (with its weight) or an ignored term, with an optional note. */
function AddTermForm({ kind }: { kind: SentimentTermKind }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateSentimentTerm();
  const [term, setTerm] = useState('');
  const [weight, setWeight] = useState<string | number>('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const termRef = useRef<HTMLInputElement>(null);
  const weightRef = useRef<HTMLInputElement>(null);
  const lexicon = kind === 'lexicon';

  const termProblem = termError(term);
  const weightProblem = lexicon ? weightError(weight) : null;
  const termMessage = !submitted
    ? undefined
    : termProblem === 'required'
      ? t('listening.understanding.terms.termRequired')
      : termProblem === 'oneLine'
        ? t('listening.understanding.terms.termOneLine')
        : undefined;
  const weightMessage = !submitted
    ? undefined
    : weightProblem === 'range'
      ? t('listening.understanding.terms.weightRange')
      : weightProblem === 'zero'
        ? t('listening.understanding.terms.weightZero')
        : undefined;

  /** A change forgets the last refusal (e.g. "the term exists"). */
  const changed = () => {
    if (create.isError) create.reset();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    setSubmitted(true);
    if (termProblem) {
      termRef.current?.focus();
      return;
    }
    if (weightProblem) {
      weightRef.current?.focus();
      return;
    }
    const body: CreateSentimentTermRequest = { kind, term: term.trim() };
    if (lexicon) body.weight = Number(weight);
    if (note.trim()) body.note = note.trim();
    create.mutate(body, {
      onSuccess: (created) => {
        notifications.show({
          message: t('listening.understanding.terms.created', { term: created.term }),
          color: 'teal',
          autoClose: 2500,
        });
        setTerm('');
        setWeight('');
        setNote('');
        setSubmitted(false);
        termRef.current?.focus();
      },
    });
  };

  const addLabel = t(
    lexicon ? 'listening.understanding.terms.addLexicon' : 'listening.understanding.terms.addIgnored',
  );
  return (
    <Box
      component="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={addLabel}
      data-testid={lexicon ? 'add-lexicon-form' : 'add-ignored-form'}
    >
      <Stack gap="xs">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            ref={termRef}
            label={t(
              lexicon ? 'listening.understanding.terms.term' : 'listening.understanding.terms.ignoredTerm',
            )}
            value={term}
            onChange={(e) => {
              setTerm(e.currentTarget.value);
              changed();
            }}
            error={termMessage}
            maxLength={TERM_MAX_LENGTH}
            w={200}
          />
          {lexicon ? (
            <NumberInput
              ref={weightRef}
              label={t('listening.understanding.terms.weight')}
              description={t('listening.understanding.terms.weightHint')}
              value={weight}
              onChange={(v) => {
                setWeight(v);
                changed();
              }}
              error={weightMessage}
              min={LEXICON_WEIGHT_MIN}
              max={LEXICON_WEIGHT_MAX}
              step={1}
              allowDecimal={false}
              clampBehavior="strict"
              w={200}
            />
          ) : null}
          <TextInput
            label={t('listening.understanding.terms.note')}
            placeholder={t('listening.understanding.terms.notePlaceholder')}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              changed();
            }}
            maxLength={NOTE_MAX_LENGTH}
            style={{ flex: 1, minWidth: 200 }}
          />
        </Group>
        <Group>
          <Button
            type="submit"
            variant="light"
            loading={create.isPending}
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {addLabel}
          </Button>
        </Group>
        {create.isError ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={16} />}
            title={t('listening.understanding.terms.addFailed')}
            role="alert"
            p="xs"
          >
            {errorMessage(create.error)}
          </Alert>
        ) : null}
      </Stack>
    </Box>
  );
}
