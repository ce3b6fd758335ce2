import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';

export const RenewApiTokenMutationDocument = graphql(`
  mutation RenewApiToken($input: RenewApiTokenInput!) {
    renewApiToken(input: $input) {
      token
      singleAccessLink {
        path
        expiresAt
      }
      apiKey {
        id
        key
      }
    }
  }
`);

/** The new token must not outlive the reveal dialog, so the result never enters the cache. */
export const useRenewApiToken = () =>
  useMutation(RenewApiTokenMutationDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: refetchGeneratedKeys,
  });
