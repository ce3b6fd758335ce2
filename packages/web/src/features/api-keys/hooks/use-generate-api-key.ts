import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';

export const GenerateApiKeyMutationDocument = graphql(`
  mutation GenerateApiKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      token
      singleAccessLink {
        path
        expiresAt
      }
      apiKey {
        id
        key
        name
      }
    }
  }
`);

/** The token must not outlive the reveal dialog, so the result never enters the cache. */
export const useGenerateApiKey = () =>
  useMutation(GenerateApiKeyMutationDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: refetchGeneratedKeys,
  });
