import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchExternalKeys } from './refetch-external-keys';

export const RemoveExternalKeyMutationDocument = graphql(`
  mutation RemoveExternalKey($input: RemoveExternalKeyInput!) {
    removeExternalKey(input: $input) {
      removedExternalKeyId
    }
  }
`);

export const useRemoveExternalKey = () =>
  useMutation(RemoveExternalKeyMutationDocument, {
    refetchQueries: refetchExternalKeys,
    update: (cache, { data }) => {
      const id = data?.removeExternalKey.removedExternalKeyId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'ExternalKey', id }) });
      cache.gc();
    },
  });
