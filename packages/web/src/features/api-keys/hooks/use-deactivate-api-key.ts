import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';

export const DeactivateApiKeyMutationDocument = graphql(`
  mutation DeactivateApiKey($input: DeactivateApiKeyInput!) {
    deactivateApiKey(input: $input) {
      apiKey {
        id
        status
        updatedAt
      }
    }
  }
`);

export const useDeactivateApiKey = () =>
  useMutation(DeactivateApiKeyMutationDocument, { refetchQueries: refetchGeneratedKeys });
