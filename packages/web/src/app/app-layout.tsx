import { Burger, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconKey } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitcher } from '../components/language-switcher';
import { AccountSwitcher } from '../features/auth/account-switcher';
import { SignOutButton } from '../features/auth/sign-out-button';
import { AppNav } from '../features/navigation/app-nav';
import { SkipLink, mainContentId } from './skip-link';
import classes from './app-layout.module.css';

/** Where a dialog's scroll lock moves fixed elements by the scrollbar's width (react-remove-scroll). */
const besideTheScrollbar = 'right-scroll-bar-position';

/**
 * The frame of every signed-in page. From the `sm` breakpoint (768 px) the header holds the
 * navigation and the account, language and sign-out controls; below it (a phone) they move to
 * a navigation panel the burger opens, which closes again on every page change.
 */
export const AppLayout = () => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Read at once, not after a first render: each control exists once, in the header or the panel.
  const wide = useMediaQuery('(min-width: 48em)', false, { getInitialValueInEffect: false });

  useEffect(close, [pathname, close]);

  const panelOpened = !wide && opened;

  return (
    <>
      <SkipLink />
      <header className={`${classes.header} ${besideTheScrollbar}`}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {!wide && (
              <Burger
                opened={opened}
                onClick={toggle}
                size="sm"
                aria-label={opened ? t('app.closeNavigation') : t('app.openNavigation')}
                aria-expanded={opened}
                aria-controls="app-navigation"
                data-testid="nav-burger"
              />
            )}
            <IconKey size={22} aria-hidden />
            <Text fw={700} size="lg" component="span">
              {t('app.name')}
            </Text>
            {wide && <AppNav />}
          </Group>
          {wide && (
            <Group gap="sm" wrap="nowrap">
              <AccountSwitcher />
              <LanguageSwitcher />
              <SignOutButton />
            </Group>
          )}
        </Group>
      </header>
      {/* Always in the page, for the burger's aria-controls; hidden unless open. */}
      <nav
        className={classes.navbar}
        id="app-navigation"
        hidden={!panelOpened}
        data-testid="app-navbar"
      >
        {panelOpened && (
          <Stack gap="md">
            <AppNav orientation="vertical" />
            <Divider />
            <AccountSwitcher />
            <LanguageSwitcher />
            <SignOutButton />
          </Stack>
        )}
      </nav>
      <main className={classes.main} id={mainContentId} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
};
