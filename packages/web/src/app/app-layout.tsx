import { AppShell, Group, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { LanguageSwitcher } from '../components/language-switcher';
import { AccountSwitcher } from '../features/auth/account-switcher';
import { SignOutButton } from '../features/auth/sign-out-button';
import { AppNav } from '../features/navigation/app-nav';

export const AppLayout = () => {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconKey size={22} aria-hidden />
            <Text fw={700} size="lg" component="span">
              {t('app.name')}
            </Text>
            <AppNav />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <AccountSwitcher />
            <LanguageSwitcher />
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
};
