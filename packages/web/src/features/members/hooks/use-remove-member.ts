import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchMembers } from './refetch-members';

export const RemoveMemberMutationDocument = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedMemberId
    }
  }
`);

export const useRemoveMember = () =>
  useMutation(RemoveMemberMutationDocument, {
    refetchQueries: refetchMembers,
    update: (cache, { data }) => {
      const id = data?.removeMember.removedMemberId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'Member', id }) });
      cache.gc();
    },
  });
