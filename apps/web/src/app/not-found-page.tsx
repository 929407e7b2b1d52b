import { EmptyPanel } from '@ecoute/web-ui';
import { Button, Center } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center style={{ flex: 1 }}>
      <EmptyPanel
        icon={<IconMapQuestion size={28} />}
        title={t('notFound.title')}
        description={t('notFound.description')}
        action={
          <Button component={Link} to="/inbox" variant="light">
            {t('notFound.back')}
          </Button>
        }
      />
    </Center>
  );
}
