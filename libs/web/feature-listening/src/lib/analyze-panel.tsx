import type { AnalyzeTextRequest } from '@ecoute/contracts';
import { useAnalyzeText, useErrorMessage } from '@ecoute/web-data-access';
import {
  formatLanguage,
  formatPercent,
  HighlightedText,
  MentionIntents,
  SentimentEvidence,
} from '@ecoute/web-ui';
import {
  Alert,
  Button,
  Divider,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { IconAlertCircle, IconFlask, IconInfoCircle } from '@tabler/icons-react';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvidenceLabels } from './evidence-labels';

/** The API's limit on the text to analyze. */
export const ANALYZE_MAX_LENGTH = 5000;

/** Detect the language, or tell it: the two languages Écoute scores. */
const ANALYZE_LANGUAGES = ['en', 'fr'] as const;
const DETECT = '';

/** "Try a text": how this workspace would read a text (with its tuning), with the evidence highlighted. */
export function AnalyzePanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const evidence = useEvidenceLabels();
  const { locale } = evidence;
  const os = useOs();
  const analyze = useAnalyzeText();
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<string>(DETECT);
  const [submitted, setSubmitted] = useState(false);
  const [analyzed, setAnalyzed] = useState<{ text: string; language: string } | null>(null);
  const titleId = useId();
  const resultTitleId = useId();

  const empty = text.trim() === '';
  const run = () => {
    setSubmitted(true);
    if (empty || analyze.isPending) return;
    const body: AnalyzeTextRequest = language === DETECT ? { text } : { text, language };
    setAnalyzed({ text, language });
    analyze.mutate(body);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };

  const result = analyze.data;
  const stale = analyzed !== null && (analyzed.text !== text || analyzed.language !== language);
  const shortcut = os === 'macos' || os === 'ios' ? '⌘ Enter' : 'Ctrl Enter';

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={titleId}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id={titleId}>
            {t('listening.understanding.analyze.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('listening.understanding.analyze.description')}
          </Text>
        </Stack>

        <form onSubmit={onSubmit} noValidate data-testid="analyze-form">
          <Stack gap="sm">
            <Textarea
              label={t('listening.understanding.analyze.text')}
              placeholder={t('listening.understanding.analyze.placeholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={onKeyDown}
              error={submitted && empty ? t('listening.understanding.analyze.required') : undefined}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={ANALYZE_MAX_LENGTH}
              data-testid="analyze-textbox"
            />
            <Group justify="space-between" align="flex-end" gap="sm">
              <NativeSelect
                label={t('listening.understanding.analyze.language')}
                value={language}
                onChange={(e) => setLanguage(e.currentTarget.value)}
                data={[
                  { value: DETECT, label: t('listening.understanding.analyze.auto') },
                  ...ANALYZE_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) })),
                ]}
                w={180}
              />
              <Group gap="sm" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t('listening.understanding.analyze.shortcut', { keys: shortcut })}
                </Text>
                <Button
                  type="submit"
                  loading={analyze.isPending}
                  leftSection={<IconFlask size={16} aria-hidden />}
                >
                  {t('listening.understanding.analyze.run')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>

        {analyze.isError ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={16} />}
            title={t('listening.understanding.analyze.failed')}
            role="alert"
          >
            {errorMessage(analyze.error)}
          </Alert>
        ) : null}

        {result && analyzed && !analyze.isError ? (
          <Stack
            gap="sm"
            component="section"
            aria-labelledby={resultTitleId}
            aria-live="polite"
            data-testid="analyze-result"
          >
            <Divider />
            <Group justify="space-between" gap="sm">
              <Title order={3} size="h5" id={resultTitleId}>
                {t('listening.understanding.analyze.result')}
              </Title>
              <Text size="xs" c="dimmed" data-testid="analyze-language">
                {result.language
                  ? t('listening.understanding.analyze.languageDetected', {
                      language: formatLanguage(result.language, locale) ?? result.language,
                      percent: formatPercent(result.languageConfidence, locale),
                    })
                  : t('listening.understanding.analyze.languageUnknown')}
              </Text>
            </Group>
            {stale ? (
              <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} p="xs">
                {t('listening.understanding.analyze.stale')}
              </Alert>
            ) : null}
            <SentimentEvidence
              sentiment={result.sentiment}
              locale={locale}
              labels={evidence.sentiment(result.sentiment)}
            />
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('listening.understanding.analyze.highlighted')}
              </Text>
              <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-default-hover)">
                <HighlightedText
                  text={analyzed.text}
                  ranges={[]}
                  evidence={evidence.highlights(analyzed.text, result.sentiment.explanation)}
                  lang={result.language ?? undefined}
                  testId="analyze-text"
                />
              </Paper>
            </Stack>
            <Group gap="xs" wrap="wrap">
              <Text size="xs" c="dimmed">
                {t('listening.understanding.analyze.intents')}
              </Text>
              {result.intents.length > 0 ? (
                <MentionIntents
                  intents={result.intents}
                  evidence={result.intentEvidence}
                  abuse={{ abusive: result.isAbuse, score: result.abuseScore }}
                  locale={locale}
                  labels={evidence.intents}
                />
              ) : (
                <Text size="xs">{t('listening.understanding.analyze.noIntent')}</Text>
              )}
            </Group>
            <Text size="xs" c={result.isAbuse ? 'red' : 'dimmed'} data-testid="analyze-abuse">
              {t('listening.understanding.analyze.abuse', {
                percent: formatPercent(result.abuseScore, locale),
              })}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
