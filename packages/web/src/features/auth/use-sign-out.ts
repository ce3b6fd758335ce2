import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';

export const SignOutMutationDocument = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

export const useSignOut = () => {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignOutMutationDocument);
  const signOut = useCallback(async () => {
    await mutate();
    await client.clearStore();
  }, [client, mutate]);
  return { signOut, loading };
};
