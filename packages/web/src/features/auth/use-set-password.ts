import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

export const SetPasswordMutationDocument = graphql(`
  mutation SetPassword($input: SetPasswordInput!) {
    setPassword(input: $input) {
      passwordSet
      email
    }
  }
`);

/** Public: the secret from the invitation link is the only credential, and nothing is cached. */
export const useSetPassword = () =>
  useMutation(SetPasswordMutationDocument, { fetchPolicy: 'no-cache' });
