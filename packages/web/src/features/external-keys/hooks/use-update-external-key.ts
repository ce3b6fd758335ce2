import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchExternalKeys } from './refetch-external-keys';

export const UpdateExternalKeyMutationDocument = graphql(`
  mutation UpdateExternalKey($input: UpdateExternalKeyInput!) {
    updateExternalKey(input: $input) {
      externalKey {
        id
        ...ExternalKeyRow_externalKey
      }
    }
  }
`);

export const useUpdateExternalKey = () =>
  useMutation(UpdateExternalKeyMutationDocument, { refetchQueries: refetchExternalKeys });
