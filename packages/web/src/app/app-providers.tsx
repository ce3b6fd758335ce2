import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { theme } from './theme';

type AppProvidersProps = { client: ApolloClient; children: ReactNode };

export const AppProviders = ({ client, children }: AppProvidersProps) => (
  <I18nextProvider i18n={i18n}>
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" />
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </MantineProvider>
  </I18nextProvider>
);
