import {
  CORRECTION_STATUSES,
  type CorrectionStatsDto,
  type CorrectionStatus,
  type Intent,
  type MentionCorrectionDto,
  type SentimentLabel,
} from '@ecoute/contracts';
import { useCorrections, useErrorMessage, useReviewCorrection } from '@ecoute/web-data-access';
import {
  EmptyPanel,
  formatNumber,
  formatWeight,
  IntentBadge,
  LoadFailedAlert,
  LoadingSkeletons,
  RelativeTime,
  SentimentBadge,
} from '@ecoute/web-ui';
import {
  Badge,
  Box,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChecklist, IconX } from '@tabler/icons-react';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LEXICON_WEIGHT_MAX, LEXICON_WEIGHT_MIN, termError, weightError } from './term-validation';

type StatusFilter = CorrectionStatus | 'all';
const FILTERS: readonly StatusFilter[] = [...CORRECTION_STATUSES, 'all'];

/**
 * The agents' corrections, for an admin: how the classifier was wrong (statistics), and the corrections of one
 * status (pending first) to accept, feeding the lexicon a word on the way, or to reject.
 */
export function CorrectionsReview() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const corrections = useCorrections({ status: status === 'all' ? null : status });
  const titleId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // after a review the item leaves the list (or the list empties): keep the focus in the section
  const focusAfterReview = () =>
    requestAnimationFrame(() => (listRef.current ?? headingRef.current)?.focus());
  const data = corrections.data;
  const items = data?.items ?? [];

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby={titleId}
      data-testid="corrections-section"
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id={titleId} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('listening.understanding.corrections.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('listening.understanding.corrections.description')}
          </Text>
        </Stack>

        {data ? <CorrectionStats stats={data.stats} /> : null}

        <Group gap="sm" align="center">
          <Text size="sm" fw={500} id={`${titleId}-filter`}>
            {t('listening.understanding.corrections.status')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${titleId}-filter`}
            value={status}
            onChange={(v) => setStatus(v as StatusFilter)}
            data={FILTERS.map((f) => ({
              value: f,
              label:
                f === 'all'
                  ? t('listening.understanding.corrections.all')
                  : data
                    ? `${t(`correctionStatus.${f}`)} (${formatNumber(data.stats.byStatus[f], i18n.language)})`
                    : t(`correctionStatus.${f}`),
            }))}
            data-testid="corrections-filter"
          />
        </Group>

        {corrections.isPending ? (
          <LoadingSkeletons label={t('common.loading')} height={120} count={2} />
        ) : corrections.isError && !data ? (
          <LoadFailedAlert
            title={t('listening.understanding.corrections.loadFailed')}
            message={errorMessage(corrections.error)}
            retryLabel={t('common.retry')}
            onRetry={() => void corrections.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyPanel
            testId="corrections-empty"
            icon={<IconChecklist size={28} />}
            title={t(`listening.understanding.corrections.emptyTitle.${status}`)}
            description={t('listening.understanding.corrections.emptyHint')}
          />
        ) : (
          <Stack
            gap="sm"
            ref={listRef}
            tabIndex={-1}
            aria-label={t('listening.understanding.corrections.list')}
            aria-busy={corrections.isPlaceholderData || undefined}
            style={{ outline: 'none', opacity: corrections.isPlaceholderData ? 0.6 : 1 }}
            data-testid="corrections-list"
          >
            {items.map((c) => (
              <CorrectionItem key={c.id} correction={c} onReviewed={focusAfterReview} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder radius="sm" p="xs" data-testid={testId}>
      <Text size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatNumber(value, i18n.language)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
}

function CorrectionStats({ stats }: { stats: CorrectionStatsDto }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const statsId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={statsId} data-testid="correction-stats">
      <Title order={3} size="h5" id={statsId}>
        {t('listening.understanding.corrections.stats')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure
          label={t('listening.understanding.corrections.total')}
          value={stats.total}
          testId="stat-total"
        />
        {CORRECTION_STATUSES.map((s) => (
          <Figure key={s} label={t(`correctionStatus.${s}`)} value={stats.byStatus[s]} testId={`stat-${s}`} />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <StatList
          title={t('listening.understanding.corrections.transitions')}
          empty={stats.sentimentTransitions.length === 0}
        >
          {stats.sentimentTransitions.map((x) => (
            <Box component="li" key={`${x.from}-${x.to}`} data-testid="stat-transition">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {t(`sentiment.${x.from}`)} → {t(`sentiment.${x.to}`)}
                </Text>
                <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatNumber(x.count, locale)}
                </Text>
              </Group>
            </Box>
          ))}
        </StatList>
        <StatList
          title={t('listening.understanding.corrections.intentChanges')}
          empty={stats.intentChanges.length === 0}
        >
          {stats.intentChanges.map((x) => (
            <Box component="li" key={x.intent} data-testid="stat-intent">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{t(`intent.${x.intent}`)}</Text>
                <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('listening.understanding.corrections.intentChange', {
                    added: formatNumber(x.added, locale),
                    removed: formatNumber(x.removed, locale),
                  })}
                </Text>
              </Group>
            </Box>
          ))}
        </StatList>
      </SimpleGrid>
    </Stack>
  );
}

function StatList({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={id}>
        {title}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('listening.understanding.corrections.noChanges')}
        </Text>
      ) : (
        <Box component="ul" className="ec-list" aria-labelledby={id}>
          {children}
        </Box>
      )}
    </Stack>
  );
}

function isSentiment(v: SentimentLabel | Intent[]): v is SentimentLabel {
  return typeof v === 'string';
}

/** A sentiment label, or a list of intents ("No intent" when empty). */
function CorrectionSide({ value }: { value: SentimentLabel | Intent[] }) {
  const { t } = useTranslation();
  if (isSentiment(value)) return <SentimentBadge label={value} text={t(`sentiment.${value}`)} />;
  if (value.length === 0) {
    return (
      <Text size="sm" c="dimmed" span>
        {t('listening.understanding.corrections.noIntent')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      {value.map((i) => (
        <IntentBadge key={i} intent={i} text={t(`intent.${i}`)} />
      ))}
    </Group>
  );
}

function CorrectionItem({
  correction: c,
  onReviewed,
}: {
  correction: MentionCorrectionDto;
  onReviewed: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const titleId = useId();
  const byId = useId();
  return (
    <Paper
      component="article"
      withBorder
      radius="sm"
      p="sm"
      aria-labelledby={`${titleId} ${byId}`}
      data-testid="correction"
      data-correction-id={c.id}
      data-status={c.status}
      data-kind={c.kind}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="wrap">
            <Badge variant="light" color="indigo" tt="none" id={titleId}>
              {t(`listening.understanding.corrections.kind.${c.kind}`)}
            </Badge>
            <Badge
              variant="dot"
              color={c.status === 'pending' ? 'yellow' : c.status === 'accepted' ? 'teal' : 'gray'}
              tt="none"
              data-testid="correction-status"
            >
              {t(`correctionStatus.${c.status}`)}
            </Badge>
          </Group>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" id={byId}>
              {t('listening.understanding.corrections.by', {
                name: c.createdBy ?? t('listening.understanding.corrections.someone'),
              })}
            </Text>
            <RelativeTime date={c.createdAt} locale={locale} />
          </Group>
        </Group>

        <Text
          size="sm"
          lang={c.mentionLanguage ?? undefined}
          style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
          data-testid="correction-text"
        >
          {c.mentionText}
        </Text>

        <Group
          gap={8}
          wrap="wrap"
          role="group"
          aria-label={t('listening.understanding.corrections.changeLabel')}
          data-testid="correction-change"
        >
          <CorrectionSide value={c.before} />
          <Text span c="dimmed">
            →
          </Text>
          <CorrectionSide value={c.after} />
        </Group>

        {c.note ? (
          <Text size="sm" fs="italic" data-testid="correction-note">
            {t('listening.understanding.corrections.note', { note: c.note })}
          </Text>
        ) : null}

        {c.status === 'pending' ? (
          <ReviewControls correction={c} onReviewed={onReviewed} />
        ) : (
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {t('listening.understanding.corrections.reviewedBy', {
                status: t(`correctionStatus.${c.status}`),
                name: c.reviewedBy ?? t('listening.understanding.terms.unknownUser'),
              })}
            </Text>
            {c.reviewedAt ? <RelativeTime date={c.reviewedAt} locale={locale} /> : null}
            {c.term ? (
              <Text size="xs" c="dimmed" data-testid="correction-term">
                ·{' '}
                {t('listening.understanding.corrections.fed', {
                  term: c.term.term,
                  weight: c.term.weight !== null ? formatWeight(c.term.weight, locale) : '—',
                })}
              </Text>
            ) : null}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Accept or reject a pending correction. Accepting a sentiment correction toward positive or negative may feed
 * the lexicon a word of the post: a suggestion fills the word and its weight, which stay editable.
 */
function ReviewControls({
  correction: c,
  onReviewed,
}: {
  correction: MentionCorrectionDto;
  onReviewed: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const errorMessage = useErrorMessage();
  const review = useReviewCorrection();
  const [term, setTerm] = useState('');
  const [weight, setWeight] = useState<string | number>('');
  const [submitted, setSubmitted] = useState(false);
  const termRef = useRef<HTMLInputElement>(null);
  const weightRef = useRef<HTMLInputElement>(null);
  const suggestionsId = useId();
  const canFeed = c.kind === 'sentiment' && c.after !== 'neutral';
  const feeding = canFeed && term.trim() !== '';
  const termProblem = feeding ? termError(term) : null;
  const weightProblem = feeding ? weightError(weight) : null;
  const pendingDecision = review.isPending ? (review.variables?.decision ?? null) : null;

  const decide = (decision: 'accept' | 'reject') => {
    if (review.isPending) return;
    const lexicon =
      decision === 'accept' && feeding ? { term: term.trim(), weight: Number(weight) } : undefined;
    // a promise, not the mutate callbacks: the reviewed item leaves the list, and these must run all the same
    void review.mutateAsync(lexicon ? { id: c.id, decision, lexicon } : { id: c.id, decision }).then(
      () => {
        notifications.show({
          message: lexicon
            ? t('listening.understanding.corrections.acceptedWithWord', {
                term: lexicon.term,
                weight: formatWeight(lexicon.weight, locale),
              })
            : t(
                decision === 'accept'
                  ? 'listening.understanding.corrections.accepted'
                  : 'listening.understanding.corrections.rejected',
              ),
          color: 'teal',
          autoClose: 3000,
        });
        onReviewed();
      },
      (e: unknown) =>
        notifications.show({
          message: t('listening.understanding.corrections.reviewFailed', { message: errorMessage(e) }),
          color: 'red',
        }),
    );
  };

  const onAccept = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (termProblem) {
      termRef.current?.focus();
      return;
    }
    if (weightProblem) {
      weightRef.current?.focus();
      return;
    }
    decide('accept');
  };

  const weightMessage = !submitted
    ? undefined
    : weightProblem === 'range'
      ? t('listening.understanding.terms.weightRange')
      : weightProblem === 'zero'
        ? t('listening.understanding.terms.weightZero')
        : undefined;

  return (
    <Box component="form" onSubmit={onAccept} noValidate data-testid="review-form">
      <Stack gap="xs">
        {canFeed ? (
          <Stack gap={6} p="xs" style={{ borderRadius: 4, background: 'var(--mantine-color-default-hover)' }}>
            <Text size="sm" fw={600}>
              {t('listening.understanding.corrections.feed')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('listening.understanding.corrections.feedHint')}
            </Text>
            {c.suggestedTerms.length > 0 ? (
              <Group gap={6} wrap="wrap" role="group" aria-labelledby={suggestionsId}>
                <Text size="xs" c="dimmed" id={suggestionsId}>
                  {t('listening.understanding.corrections.suggestions')}
                </Text>
                {c.suggestedTerms.map((s) => {
                  const w = formatWeight(s.weight, locale);
                  const chosen = term === s.term && Number(weight) === s.weight;
                  return (
                    <Button
                      key={s.term}
                      type="button"
                      size="compact-xs"
                      variant={chosen ? 'filled' : 'light'}
                      color={s.weight > 0 ? 'teal' : 'red'}
                      tt="none"
                      aria-pressed={chosen}
                      aria-label={t('listening.understanding.corrections.useSuggestion', {
                        term: s.term,
                        weight: w,
                      })}
                      onClick={() => {
                        setTerm(s.term);
                        setWeight(s.weight);
                      }}
                      data-testid="suggested-term"
                    >
                      {s.term} {w}
                    </Button>
                  );
                })}
              </Group>
            ) : null}
            <Group gap="sm" align="flex-start" wrap="wrap">
              <TextInput
                ref={termRef}
                label={t('listening.understanding.corrections.word')}
                value={term}
                onChange={(e) => setTerm(e.currentTarget.value)}
                error={
                  submitted && termProblem === 'oneLine'
                    ? t('listening.understanding.terms.termOneLine')
                    : undefined
                }
                maxLength={60}
                w={200}
              />
              <NumberInput
                ref={weightRef}
                label={t('listening.understanding.corrections.weight')}
                description={t('listening.understanding.terms.weightHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={weight}
                onChange={setWeight}
                error={weightMessage}
                min={LEXICON_WEIGHT_MIN}
                max={LEXICON_WEIGHT_MAX}
                step={1}
                allowDecimal={false}
                clampBehavior="strict"
                w={200}
              />
            </Group>
          </Stack>
        ) : null}
        <Group gap="sm">
          <Button
            type="submit"
            color="teal"
            leftSection={<IconCheck size={16} aria-hidden />}
            loading={pendingDecision === 'accept'}
            disabled={review.isPending && pendingDecision !== 'accept'}
            data-testid="accept-correction"
          >
            {feeding
              ? t('listening.understanding.corrections.acceptWithWord')
              : t('listening.understanding.corrections.accept')}
          </Button>
          <Button
            type="button"
            variant="light"
            color="red"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => decide('reject')}
            loading={pendingDecision === 'reject'}
            disabled={review.isPending && pendingDecision !== 'reject'}
            data-testid="reject-correction"
          >
            {t('listening.understanding.corrections.reject')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
