import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';

export const DeleteOldTokenMutationDocument = graphql(`
  mutation DeleteOldToken($input: DeleteOldTokenInput!) {
    deleteOldToken(input: $input) {
      apiKey {
        id
        ...ApiKeyRow_apiKey
      }
    }
  }
`);

export const useDeleteOldToken = () =>
  useMutation(DeleteOldTokenMutationDocument, { refetchQueries: refetchGeneratedKeys });
