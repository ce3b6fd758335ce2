import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';

export const UndoRenewalMutationDocument = graphql(`
  mutation UndoRenewal($input: UndoRenewalInput!) {
    undoRenewal(input: $input) {
      apiKey {
        id
        ...ApiKeyRow_apiKey
      }
    }
  }
`);

export const useUndoRenewal = () =>
  useMutation(UndoRenewalMutationDocument, { refetchQueries: refetchGeneratedKeys });
