import { useHasPermission, useMe } from '@ecoute/web-data-access';
import { PageHeader } from '@ecoute/web-ui';
import { Alert, Container, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnalyzePanel } from './analyze-panel';
import { CorrectionsReview } from './corrections-review';
import type { ListeningPageProps } from './paths';
import { SentimentTermsSection } from './sentiment-terms-section';

/**
 * Listening → Sentiment tuning: try how the workspace reads a text, its lexicon words and ignored terms
 * (admins change them, everyone sees them), and, for admins, the review of the agents' corrections.
 */
// basePath is accepted like the other Listening pages; this page links nowhere inside the area.
export function UnderstandingPage(_props: ListeningPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = useHasPermission('workspace.admin');
  const role = me.data?.user.role ?? null;
  useDocumentTitle(`${t('listening.understanding.title')} · ${t('app.name')}`);

  return (
    <Container size="lg" py="lg" px={{ base: 'md', md: 'xl' }} w="100%">
      <PageHeader
        title={t('listening.understanding.title')}
        description={t('listening.understanding.description')}
      />
      {!isAdmin && role ? (
        <Alert color="gray" variant="light" icon={<IconLock size={16} />} mb="md" data-testid="read-only">
          {t('listening.understanding.readOnly', { role: t(`roles.${role}`) })}
        </Alert>
      ) : null}
      <Stack gap="lg">
        <AnalyzePanel />
        {isAdmin ? <CorrectionsReview /> : null}
        <SentimentTermsSection canWrite={isAdmin} />
      </Stack>
    </Container>
  );
}
