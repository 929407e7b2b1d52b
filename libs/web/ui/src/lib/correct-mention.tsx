import type { CorrectMentionRequest, Intent, SentimentLabel } from '@ecoute/contracts';
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconPencil } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';

/** The longest note a correction takes (the API's limit). */
export const CORRECTION_NOTE_MAX_LENGTH = 500;

export interface CorrectMentionLabels {
  /** the button: "Correct" */
  open: string;
  /** its accessible name, which starts with the visible text: "Correct the analysis of Claire's mention" */
  openLabel: string;
  /** the dialog's title */
  title: string;
  /** what a correction does */
  description: string;
  sentiment: string;
  intents: string;
  note: string;
  noteHint: string;
  save: string;
  cancel: string;
  /** the form is saved without a change */
  unchanged: string;
  /** the title of the API's error */
  failed: string;
}

export interface CorrectMentionValues {
  sentiment: SentimentLabel;
  intents: readonly Intent[];
}

export interface CorrectMentionControlProps {
  /** the mention's sentiment label and intents as they are now */
  current: CorrectMentionValues;
  /** the labels to choose from, in order, translated */
  sentimentOptions: ReadonlyArray<{ value: SentimentLabel; label: string }>;
  intentOptions: ReadonlyArray<{ value: Intent; label: string }>;
  labels: CorrectMentionLabels;
  /**
   * Saves the correction: only what changed, and the note when there is one. The dialog closes when the promise
   * resolves and stays open when it rejects (with `error`).
   */
  onSubmit: (body: CorrectMentionRequest) => Promise<unknown>;
  pending: boolean;
  /** the last attempt's error, translated or as the API worded it */
  error: string | null;
  /** the dialog opened or closed, e.g. to forget the last attempt's error */
  onOpenChange?: (opened: boolean) => void;
}

/**
 * "Correct": a button that opens a dialog to correct a mention's sentiment and intents, with an optional note.
 * The dialog traps the focus, starts on the current sentiment, closes on Escape (unless saving) and gives the
 * focus back to the button.
 */
export function CorrectMentionControl({
  current,
  sentimentOptions,
  intentOptions,
  labels,
  onSubmit,
  pending,
  error,
  onOpenChange,
}: CorrectMentionControlProps) {
  const [opened, setOpened] = useState(false);
  const setOpen = (value: boolean) => {
    setOpened(value);
    onOpenChange?.(value);
  };
  const submit = (body: CorrectMentionRequest) => {
    onSubmit(body).then(
      () => setOpen(false),
      // the error shows in the dialog, which stays open
      () => undefined,
    );
  };
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        leftSection={<IconPencil size={14} aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={labels.openLabel}
        aria-haspopup="dialog"
        data-testid="correct-mention"
      >
        {labels.open}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpen(false)}
        title={labels.title}
        closeOnEscape={!pending}
        closeOnClickOutside={!pending}
        size="md"
      >
        <CorrectMentionForm
          current={current}
          sentimentOptions={sentimentOptions}
          intentOptions={intentOptions}
          labels={labels}
          pending={pending}
          error={error}
          onSubmit={submit}
          onCancel={() => setOpen(false)}
        />
      </Modal>
    </>
  );
}

export interface CorrectMentionFormProps extends Pick<
  CorrectMentionControlProps,
  'current' | 'sentimentOptions' | 'intentOptions' | 'labels' | 'pending' | 'error'
> {
  onSubmit: (body: CorrectMentionRequest) => void;
  onCancel: () => void;
}

/** The form of the dialog: sentiment (radios), intents (checkboxes), note, Save and Cancel. */
export function CorrectMentionForm({
  current,
  sentimentOptions,
  intentOptions,
  labels,
  pending,
  error,
  onSubmit,
  onCancel,
}: CorrectMentionFormProps) {
  const [sentiment, setSentiment] = useState<SentimentLabel>(current.sentiment);
  const [intents, setIntents] = useState<readonly Intent[]>(current.intents);
  const [note, setNote] = useState('');
  const [unchanged, setUnchanged] = useState(false);
  const descriptionId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const body: CorrectMentionRequest = {};
    if (sentiment !== current.sentiment) body.sentiment = sentiment;
    const intentsChanged =
      intents.length !== current.intents.length || intents.some((i) => !current.intents.includes(i));
    if (intentsChanged) body.intents = intentOptions.map((o) => o.value).filter((v) => intents.includes(v));
    if (body.sentiment === undefined && body.intents === undefined) {
      setUnchanged(true);
      return;
    }
    if (note.trim()) body.note = note.trim();
    onSubmit(body);
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={descriptionId} data-testid="correct-mention-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed" id={descriptionId}>
          {labels.description}
        </Text>
        <Radio.Group
          label={labels.sentiment}
          value={sentiment}
          onChange={(v) => {
            setSentiment(v as SentimentLabel);
            setUnchanged(false);
          }}
        >
          <Group gap="lg" mt={6}>
            {sentimentOptions.map((o) => (
              <Radio
                key={o.value}
                value={o.value}
                label={o.label}
                data-autofocus={o.value === current.sentiment || undefined}
              />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label={labels.intents}
          value={[...intents]}
          onChange={(v) => {
            setIntents(v as Intent[]);
            setUnchanged(false);
          }}
        >
          <Group gap="md" mt={6}>
            {intentOptions.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={labels.note}
          description={labels.noteHint}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={CORRECTION_NOTE_MAX_LENGTH}
        />
        {unchanged ? (
          <Alert color="orange" variant="light" role="alert" data-testid="correct-mention-unchanged">
            {labels.unchanged}
          </Alert>
        ) : null}
        {error ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={16} />}
            title={labels.failed}
            role="alert"
          >
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button type="button" variant="default" onClick={onCancel} disabled={pending}>
            {labels.cancel}
          </Button>
          <Button type="submit" loading={pending}>
            {labels.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
