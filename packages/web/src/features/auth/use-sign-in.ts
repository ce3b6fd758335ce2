import { useCallback, useContext, useState } from 'react';
import { graphql } from '../../gql';
import { requestGraphql } from '../../lib/graphql-request';
import { SessionResetContext } from '../../lib/session-reset';

export const SignInMutationDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      me {
        account {
          id
        }
      }
    }
  }
`);

/**
 * Signs in over a plain request: the sign-in page loads without Apollo Client. Where Apollo is
 * already running (the invitation page), its cache is cleared, so nothing cached before leaks
 * into the new session.
 */
export const useSignIn = () => {
  const resetSession = useContext(SessionResetContext);
  const [loading, setLoading] = useState(false);
  const signIn = useCallback(
    async (email: string, password: string) => {
      setLoading(true);
      try {
        await requestGraphql(SignInMutationDocument, { input: { email, password } });
        await resetSession();
      } finally {
        setLoading(false);
      }
    },
    [resetSession],
  );
  return { signIn, loading };
};
