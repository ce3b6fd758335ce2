import { getApolloContext } from '@apollo/client/react';
import { ApolloProvider } from '@apollo/client/react';
import { useContext, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { createApolloClient } from '../lib/apollo-client';
import { SessionResetContext } from '../lib/session-reset';

/**
 * Every page but sign-in talks to the API through Apollo Client, created here on the first such
 * page, so the sign-in page loads without it. Leaving for the sign-in page drops it with its
 * cache. Tests provide their own (MockedProvider): it is used as is.
 */
export const ApolloRoot = () => {
  const provided = useContext(getApolloContext()).client;
  const [client] = useState(() => provided ?? createApolloClient());
  const [resetSession] = useState(() => () => client.clearStore());
  return (
    <SessionResetContext.Provider value={resetSession}>
      {provided ? (
        <Outlet />
      ) : (
        <ApolloProvider client={client}>
          <Outlet />
        </ApolloProvider>
      )}
    </SessionResetContext.Provider>
  );
};
