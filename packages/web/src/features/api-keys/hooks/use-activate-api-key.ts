import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';

export const ActivateApiKeyMutationDocument = graphql(`
  mutation ActivateApiKey($input: ActivateApiKeyInput!) {
    activateApiKey(input: $input) {
      apiKey {
        id
        status
        updatedAt
      }
    }
  }
`);

export const useActivateApiKey = () =>
  useMutation(ActivateApiKeyMutationDocument, { refetchQueries: refetchGeneratedKeys });
