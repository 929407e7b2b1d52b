import { useLogout, useMe } from '@ecoute/web-data-access';
import { BrandMark } from '@ecoute/web-ui';
import {
  ActionIcon,
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  Menu,
  NavLink,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingStore,
  IconChartBar,
  IconChevronDown,
  IconEar,
  IconInbox,
  IconListSearch,
  IconAdjustmentsHorizontal,
  IconMessageCircle,
  IconPlugConnected,
  IconLogout,
  IconMoon,
  IconSun,
  IconRoute,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Outlet, useMatch, useNavigate } from 'react-router-dom';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n';

function LanguageSwitcher() {
  const { t } = useTranslation();
  const value = currentLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('topbar.language')}
      value={value}
      onChange={(v) => void changeLanguage(v as Language)}
      data={LANGUAGES.map((l) => ({
        value: l,
        label: (
          <span title={t(`language.${l}`)} lang={l}>
            {l.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}

function ColorSchemeToggle() {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const label = computed === 'dark' ? t('topbar.toLight') : t('topbar.toDark');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        onClick={() => setColorScheme(computed === 'dark' ? 'light' : 'dark')}
      >
        {computed === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = me.data?.user;
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => navigate('/login', { replace: true }),
    });
  return (
    <Menu position="bottom-end" width={240} withArrow>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('topbar.userMenu')}
          data-testid="user-menu"
          style={{ borderRadius: 8 }}
          px={6}
          py={4}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar name={user?.name ?? user?.email} color="initials" size={30} radius="xl" />
            <Box visibleFrom="sm" style={{ lineHeight: 1.1 }}>
              {user ? (
                <>
                  <Text size="sm" fw={600}>
                    {user.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`roles.${user.role}`)}
                  </Text>
                </>
              ) : (
                <Skeleton height={12} width={80} />
              )}
            </Box>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('topbar.signedInAs')}</Menu.Label>
        <Box px="sm" pb="xs">
          <Text size="sm" fw={600}>
            {user?.name}
          </Text>
          <Text size="xs" c="dimmed">
            {user?.email}
          </Text>
        </Box>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut} color="red">
          {t('topbar.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

interface RouteLinkProps {
  to: string;
  label: string;
  icon: ReactNode;
  active: boolean;
  onClick: () => void;
}

/**
 * A navigation entry that goes to a page of the app. `active` says which page is current (a plain link: the
 * router's own notion would also mark Inbox current on Inbox → Routing).
 */
function RouteLink({ to, label, icon, active, onClick }: RouteLinkProps) {
  return (
    <NavLink
      component={RouterLink}
      to={to}
      aria-current={active ? 'page' : undefined}
      label={label}
      leftSection={icon}
      active={active}
      onClick={onClick}
      style={{ borderRadius: 8 }}
    />
  );
}

/** The shell: top bar, left navigation, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const inRouting = useMatch('/inbox/routing/*') !== null;
  const inInbox = useMatch('/inbox/*') !== null && !inRouting;
  const inOverview = useMatch('/overview/*') !== null;
  const inListening = useMatch('/listening/*') !== null;
  const inListeningSources = useMatch('/listening/sources') !== null;
  const inListeningMentions = useMatch('/listening/mentions') !== null;
  const inListeningUnderstanding = useMatch('/listening/understanding') !== null;
  const [listeningOpened, setListeningOpened] = useState(true);
  const listeningLinks = [
    {
      to: '/listening',
      label: t('nav.listeningQueries'),
      icon: <IconListSearch size={16} aria-hidden />,
      active: inListening && !inListeningSources && !inListeningMentions && !inListeningUnderstanding,
    },
    {
      to: '/listening/sources',
      label: t('nav.listeningSources'),
      icon: <IconPlugConnected size={16} aria-hidden />,
      active: inListeningSources,
    },
    {
      to: '/listening/mentions',
      label: t('nav.listeningMentions'),
      icon: <IconMessageCircle size={16} aria-hidden />,
      active: inListeningMentions,
    },
    {
      to: '/listening/understanding',
      label: t('nav.listeningUnderstanding'),
      icon: <IconAdjustmentsHorizontal size={16} aria-hidden />,
      active: inListeningUnderstanding,
    },
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={0}
    >
      <a href="#main" className="ec-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <BrandMark name={t('app.name')} size="sm" />
            <Group
              gap={6}
              wrap="nowrap"
              visibleFrom="sm"
              pl="md"
              style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}
              title={t('topbar.workspace')}
            >
              <IconBuildingStore size={16} aria-hidden />
              {me.data ? (
                <Text
                  size="sm"
                  fw={600}
                  data-testid="workspace-name"
                  aria-label={`${t('topbar.workspace')}: ${me.data.workspace.name}`}
                >
                  {me.data.workspace.name}
                </Text>
              ) : (
                <Skeleton height={12} width={100} />
              )}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
        <Stack gap={4}>
          <RouteLink
            to="/inbox"
            label={t('nav.inbox')}
            icon={<IconInbox size={18} aria-hidden />}
            active={inInbox}
            onClick={close}
          />
          <RouteLink
            to="/inbox/routing"
            label={t('nav.routing')}
            icon={<IconRoute size={18} aria-hidden />}
            active={inRouting}
            onClick={close}
          />
          <NavLink
            component="button"
            type="button"
            aria-expanded={listeningOpened}
            label={t('nav.listening')}
            leftSection={<IconEar size={18} aria-hidden />}
            active={inListening && !listeningOpened}
            opened={listeningOpened}
            onChange={setListeningOpened}
            childrenOffset={20}
            style={{ borderRadius: 8 }}
            data-testid="nav-listening"
          >
            {listeningLinks.map((link) => (
              <RouteLink key={link.to} {...link} onClick={close} />
            ))}
          </NavLink>
          <RouteLink
            to="/overview"
            label={t('nav.overview')}
            icon={<IconChartBar size={18} aria-hidden />}
            active={inOverview}
            onClick={close}
          />
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}>
        <Box
          id="main"
          tabIndex={-1}
          style={{
            flex: 1,
            minHeight: 0,
            overflowY: 'auto',
            display: 'flex',
            flexDirection: 'column',
            outline: 'none',
          }}
        >
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
