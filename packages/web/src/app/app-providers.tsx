import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { cssVariablesResolver, themeInLanguage } from './theme';

// The toasts' container (and its transitions) loads with the first toast, not the first page.
// Importing the package itself here would keep all of it in the first chunk, beside the store.
const Toasts = lazy(() => import('./toasts').then((module) => ({ default: module.Toasts })));

const NotificationsWhenNeeded = () => {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length + queue.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  );
};

type AppProvidersProps = { children: ReactNode };

const ThemedApp = ({ children }: AppProvidersProps) => {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => themeInLanguage(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <NotificationsWhenNeeded />
      {children}
    </MantineProvider>
  );
};

export const AppProviders = ({ children }: AppProvidersProps) => (
  <I18nextProvider i18n={i18n}>
    <ThemedApp>{children}</ThemedApp>
  </I18nextProvider>
);
