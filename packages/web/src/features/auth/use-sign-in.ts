import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';

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

export const useSignIn = () => {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignInMutationDocument);
  const signIn = useCallback(
    async (email: string, password: string) => {
      await mutate({ variables: { input: { email, password } } });
      // Nothing cached before sign-in may leak into the new session.
      await client.clearStore();
    },
    [client, mutate],
  );
  return { signIn, loading };
};
