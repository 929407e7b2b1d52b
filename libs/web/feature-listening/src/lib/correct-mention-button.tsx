import { INTENTS, SENTIMENT_LABELS, type MentionDto } from '@ecoute/contracts';
import { useCorrectMention, useErrorMessage, useHasPermission } from '@ecoute/web-data-access';
import { CorrectMentionControl } from '@ecoute/web-ui';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

/** "Correct" on a mention, for the roles that may answer the inbox (`inbox.reply`); nothing for the others. */
export function CorrectMentionButton({ mention }: { mention: MentionDto }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const canCorrect = useHasPermission('inbox.reply');
  const correct = useCorrectMention();
  if (!canCorrect) return null;
  return (
    <CorrectMentionControl
      current={{ sentiment: mention.sentiment.label, intents: mention.intents }}
      sentimentOptions={SENTIMENT_LABELS.map((value) => ({ value, label: t(`sentiment.${value}`) }))}
      intentOptions={INTENTS.map((value) => ({ value, label: t(`intent.${value}`) }))}
      labels={{
        open: t('correction.open'),
        openLabel: t('correction.openLabel', { name: mention.author.name || mention.author.handle }),
        title: t('correction.title'),
        description: t('correction.description'),
        sentiment: t('correction.sentiment'),
        intents: t('correction.intents'),
        note: t('correction.note'),
        noteHint: t('correction.noteHint'),
        save: t('correction.save'),
        cancel: t('correction.cancel'),
        unchanged: t('correction.unchanged'),
        failed: t('correction.failed'),
      }}
      onSubmit={(body) =>
        // a promise, not the mutate callbacks: it settles even if the refreshed list no longer shows the mention
        correct
          .mutateAsync({ mentionId: mention.id, ...body })
          .then(() => notifications.show({ message: t('correction.saved'), color: 'teal', autoClose: 3000 }))
      }
      pending={correct.isPending}
      error={correct.isError ? errorMessage(correct.error) : null}
      onOpenChange={() => correct.reset()}
    />
  );
}
