import { useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { createApolloClient } from '../lib/apollo-client';
import { AppProviders } from './app-providers';
import { AppRoutes } from './app-routes';

export const App = () => {
  const [client] = useState(createApolloClient);
  return (
    <AppProviders client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
};
