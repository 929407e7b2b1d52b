import { REPLY_MAX_LENGTH } from '@ecoute/contracts';
import { newIdempotencyKey, useCreateReply } from '@ecoute/web-data-access';
import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useOs } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconSend } from '@tabler/icons-react';
import { useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { remainingCharacters, replyLength, replyValidity } from './reply-text';
import { useErrorMessage } from '@ecoute/web-data-access';

/** Unsent drafts survive switching conversations (not a reload). */
const drafts = new Map<string, string>();

export interface ReplyComposerProps {
  conversationId: string;
  /** to focus the textarea from the `r` shortcut */
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** Escape leaves the composer: the inbox puts the focus back on the list */
  onEscape?: () => void;
}

export function ReplyComposer({ conversationId, textareaRef, onEscape }: ReplyComposerProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const os = useOs();
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const createReply = useCreateReply();
  // One key per composed reply: a double submit, or a retry of the same text after a network error, posts once.
  const keyRef = useRef<{ text: string; key: string } | null>(null);
  // Blocks a second submit fired before React re-renders with `isPending` (a double Ctrl+Enter).
  const inFlight = useRef(false);

  const length = replyLength(text);
  const validity = replyValidity(text);
  const remaining = remainingCharacters(text);
  const canSend = validity === 'ok' && !createReply.isPending;

  const change = (value: string) => {
    setText(value);
    if (value) drafts.set(conversationId, value);
    else drafts.delete(conversationId);
    if (createReply.isError) createReply.reset();
  };

  const send = () => {
    if (!canSend || inFlight.current) return;
    const body = text.trim();
    if (keyRef.current?.text !== body) keyRef.current = { text: body, key: newIdempotencyKey() };
    inFlight.current = true;
    createReply.mutate(
      { conversationId, text: body, idempotencyKey: keyRef.current.key },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: () => {
          keyRef.current = null;
          drafts.delete(conversationId);
          setText('');
          notifications.show({ message: t('inbox.composer.queued'), color: 'teal', autoClose: 2500 });
        },
      },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.currentTarget.blur();
      onEscape?.();
    }
  };

  const counterColor = validity === 'too-long' ? 'red' : remaining <= 20 ? 'orange' : 'dimmed';
  const sendShortcut = os === 'macos' || os === 'ios' ? '⌘ Enter' : 'Ctrl Enter';

  return (
    <Paper component="form" onSubmit={onSubmit} withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Textarea
          ref={textareaRef}
          label={t('inbox.composer.label')}
          placeholder={t('inbox.composer.placeholder')}
          value={text}
          onChange={(e) => change(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          autosize
          minRows={3}
          maxRows={8}
          error={validity === 'too-long'}
          // the counter is the field's description, so that it is announced with it (aria-describedby)
          inputWrapperOrder={['label', 'input', 'description']}
          description={
            <>
              {t('inbox.composer.counter', { n: length, max: REPLY_MAX_LENGTH })}
              {validity === 'too-long' ? ` · ${t('inbox.composer.tooLong', { n: -remaining })}` : ''}
            </>
          }
          descriptionProps={{
            c: counterColor,
            fw: validity === 'too-long' ? 700 : 400,
            ta: 'right',
            mt: 4,
            style: { fontVariantNumeric: 'tabular-nums' },
            'data-testid': 'reply-counter',
          }}
          data-testid="reply-textbox"
        />
        {createReply.isError ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={16} />}
            role="alert"
            title={t('inbox.composer.failed')}
            p="xs"
            data-testid="reply-error"
          >
            {errorMessage(createReply.error)}
          </Alert>
        ) : null}
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="xs" c="dimmed">
            {t('inbox.composer.shortcut', { keys: sendShortcut })}
          </Text>
          <Button
            type="submit"
            disabled={!canSend}
            loading={createReply.isPending}
            rightSection={<IconSend size={16} aria-hidden />}
          >
            {t('inbox.composer.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
