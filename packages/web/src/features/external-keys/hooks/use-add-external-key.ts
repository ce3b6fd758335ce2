import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchExternalKeys } from './refetch-external-keys';

export const AddExternalKeyMutationDocument = graphql(`
  mutation AddExternalKey($input: AddExternalKeyInput!) {
    addExternalKey(input: $input) {
      externalKey {
        id
        ...ExternalKeyRow_externalKey
      }
    }
  }
`);

export const useAddExternalKey = () =>
  useMutation(AddExternalKeyMutationDocument, { refetchQueries: refetchExternalKeys });
