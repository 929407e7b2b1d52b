import { DEMO_PASSWORD, DEMO_USERS } from '@ecoute/contracts';
import { isApiRequestError, sessionEndReason, useAuthToken, useLogin } from '@ecoute/web-data-access';
import { BrandMark } from '@ecoute/web-ui';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Code,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconInfoCircle, IconLogin2 } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { DEMO_HINT } from './config';
import type { LoginLocationState } from './require-auth';

export interface LoginPageProps {
  /** show the demo accounts (self-hosted demo) */
  demo?: boolean;
}

export function LoginPage({ demo = DEMO_HINT }: LoginPageProps) {
  const { t } = useTranslation();
  const token = useAuthToken();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [expired] = useState(() => sessionEndReason() === 'expired');
  const submitRef = useRef<HTMLButtonElement>(null);
  useDocumentTitle(`${t('login.submit')} · ${t('app.name')}`);

  if (token) {
    const to =
      state.from && state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/inbox';
    return <Navigate to={to} replace />;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (login.isPending) return;
    login.mutate({ email: email.trim(), password });
  };

  const fill = (address: string) => {
    setEmail(address);
    setPassword(DEMO_PASSWORD);
    if (login.isError) login.reset();
    submitRef.current?.focus();
  };

  const error = login.error;
  const errorText = error
    ? isApiRequestError(error)
      ? error.kind === 'network'
        ? t('errors.network')
        : error.kind === 'invalid-response'
          ? t('errors.invalidResponse')
          : (error.body?.message ?? t('errors.http', { status: error.status }))
      : t('errors.unknown')
    : null;

  return (
    <Box
      mih="100dvh"
      py="xl"
      px="md"
      style={{
        background:
          'radial-gradient(1200px 600px at 10% -10%, var(--mantine-color-indigo-light), transparent), radial-gradient(900px 500px at 110% 110%, var(--mantine-color-cyan-light), transparent)',
      }}
    >
      <Center mih="calc(100dvh - 64px)">
        <Stack w="100%" maw={440} gap="lg">
          <Stack gap={6} align="center">
            <BrandMark name={t('app.name')} size="lg" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="md" radius="lg" p="xl" component="main">
            <form onSubmit={onSubmit} noValidate aria-labelledby="login-title">
              <Stack gap="md">
                <div>
                  <Title order={1} size="h3" id="login-title">
                    {t('login.title')}
                  </Title>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('login.subtitle')}
                  </Text>
                </div>
                {expired && !error ? (
                  <Alert color="yellow" variant="light" icon={<IconInfoCircle size={16} />}>
                    {t('login.sessionEnded')}
                  </Alert>
                ) : null}
                {errorText ? (
                  <Alert
                    color="red"
                    variant="light"
                    icon={<IconAlertCircle size={16} />}
                    title={t('login.failed')}
                    role="alert"
                    data-testid="login-error"
                  >
                    {errorText}
                  </Alert>
                ) : null}
                <TextInput
                  label={t('login.email')}
                  placeholder={t('login.emailPlaceholder')}
                  type="email"
                  autoComplete="username"
                  required
                  withAsterisk={false}
                  autoFocus
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  name="email"
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  withAsterisk={false}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  name="password"
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showCharacters') }}
                />
                <Button
                  ref={submitRef}
                  type="submit"
                  fullWidth
                  size="md"
                  loading={login.isPending}
                  leftSection={<IconLogin2 size={18} aria-hidden />}
                >
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>

          {demo ? (
            <Paper
              withBorder
              radius="lg"
              p="md"
              component="section"
              aria-labelledby="demo-title"
              data-testid="demo-logins"
            >
              <Group gap={6} mb={4}>
                <IconInfoCircle size={16} aria-hidden />
                <Text fw={600} size="sm" id="demo-title">
                  {t('login.demo.title')}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" mb="sm">
                <Trans
                  i18nKey="login.demo.description"
                  values={{ password: DEMO_PASSWORD }}
                  components={{ code: <Code /> }}
                />
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={8}>
                {DEMO_USERS.map((u) => (
                  <UnstyledButton
                    key={u.email}
                    onClick={() => fill(u.email)}
                    title={t('login.demo.fill', { name: u.name })}
                    data-testid="demo-login"
                    p={8}
                    style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
                  >
                    <Text size="sm" fw={600}>
                      {u.name} · {t(`roles.${u.role}`)}
                    </Text>
                    <Anchor component="span" size="xs">
                      {u.email}
                    </Anchor>
                  </UnstyledButton>
                ))}
              </SimpleGrid>
            </Paper>
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
}
