import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchGeneratedKeys } from '../../../lib/refetch-generated-keys';

export const DeleteApiKeyMutationDocument = graphql(`
  mutation DeleteApiKey($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) {
      deletedApiKeyId
    }
  }
`);

export const useDeleteApiKey = () =>
  useMutation(DeleteApiKeyMutationDocument, {
    refetchQueries: refetchGeneratedKeys,
    update: (cache, { data }) => {
      const id = data?.deleteApiKey.deletedApiKeyId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'ApiKey', id }) });
      cache.gc();
    },
  });
