import { Alert, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface EditorFooterProps {
  /** there is something to delete (an existing rule or team) */
  deletable: boolean;
  /** the confirmation's title and what deleting does */
  confirmTitle: string;
  confirmBody: ReactNode;
  confirmLabel: string;
  onDelete: () => void;
  deleting: boolean;
  saving: boolean;
  /** the server refused the save: its message */
  saveError: string | null;
  showFixErrors: boolean;
  onCancel: () => void;
}

/** Save, Cancel and Delete (with its confirmation), kept in view at the bottom of an editor drawer. */
export function EditorFooter({
  deletable,
  confirmTitle,
  confirmBody,
  confirmLabel,
  onDelete,
  deleting,
  saving,
  saveError,
  showFixErrors,
  onCancel,
}: EditorFooterProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

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
            title={t('routing.editor.saveFailed')}
            role="alert"
            p="xs"
            data-testid="save-error"
          >
            {saveError}
          </Alert>
        ) : null}
        {showFixErrors ? (
          <Text size="sm" c="red" role="alert" data-testid="fix-errors">
            {t('routing.editor.fixErrors')}
          </Text>
        ) : null}
        {confirming && deletable ? (
          <Paper
            withBorder
            p="sm"
            radius="sm"
            role="alertdialog"
            aria-labelledby={titleId}
            aria-describedby={bodyId}
            onKeyDown={onConfirmKeyDown}
            data-testid="confirm-delete"
            style={{ borderColor: 'var(--mantine-color-red-filled)' }}
          >
            <Text fw={600} size="sm" id={titleId}>
              {confirmTitle}
            </Text>
            <Text size="sm" c="dimmed" id={bodyId} mb="sm" component="div">
              {confirmBody}
            </Text>
            <Group justify="flex-end" gap="sm">
              {/* data-mantine-stop-propagation: Escape here cancels the confirmation, not the drawer */}
              <Button ref={keepRef} variant="default" onClick={cancelConfirm} data-mantine-stop-propagation>
                {t('routing.editor.confirmCancel')}
              </Button>
              <Button
                color="red"
                onClick={onDelete}
                loading={deleting}
                leftSection={<IconTrash size={16} aria-hidden />}
                data-mantine-stop-propagation
              >
                {confirmLabel}
              </Button>
            </Group>
          </Paper>
        ) : null}
        <Group justify="space-between" wrap="nowrap">
          <div>
            {deletable && !confirming ? (
              <Button
                ref={deleteRef}
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('routing.editor.delete')}
              </Button>
            ) : null}
          </div>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onCancel}>
              {t('routing.editor.cancel')}
            </Button>
            <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
              {t('routing.editor.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Box>
  );
}
