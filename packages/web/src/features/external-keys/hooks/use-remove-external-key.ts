import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';
import { refetchExternalKeys } from './refetch-external-keys';

export const RemoveExternalKeyMutationDocument = graphql(`
  mutation RemoveExternalKey($input: RemoveExternalKeyInput!) {
    removeExternalKey(input: $input) {
      removedExternalKeyId
      deactivatedKeyCount
    }
  }
`);

export const useRemoveExternalKey = () =>
  useMutation(RemoveExternalKeyMutationDocument, {
    // Keys it generated here may have been deactivated with it.
    refetchQueries: [...refetchExternalKeys, ...refetchGeneratedKeys],
    update: (cache, { data }) => {
      const id = data?.removeExternalKey.removedExternalKeyId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'ExternalKey', id }) });
      cache.gc();
    },
  });
