import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';

export const UpdateApiKeyMutationDocument = graphql(`
  mutation UpdateApiKey($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      apiKey {
        id
        ...ApiKeyRow_apiKey
      }
    }
  }
`);

export const useUpdateApiKey = () =>
  useMutation(UpdateApiKeyMutationDocument, { refetchQueries: refetchGeneratedKeys });
