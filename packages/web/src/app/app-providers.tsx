import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { theme } from './theme';

// The toasts' container (and its transitions) loads with the first toast, not the first page.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((module) => ({ default: module.Notifications })),
);

const NotificationsWhenNeeded = () => {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length + queue.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="bottom-right" />
    </Suspense>
  );
};

type AppProvidersProps = { client: ApolloClient; children: ReactNode };

export const AppProviders = ({ client, children }: AppProvidersProps) => (
  <I18nextProvider i18n={i18n}>
    <MantineProvider theme={theme}>
      <NotificationsWhenNeeded />
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </MantineProvider>
  </I18nextProvider>
);
