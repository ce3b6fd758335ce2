import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchMembers } from './refetch-members';

export const InviteMemberMutationDocument = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitationPath
      invitation {
        id
        email
      }
    }
  }
`);

/** The invitation link must not outlive the dialog that shows it, so the result skips the cache. */
export const useInviteMember = () =>
  useMutation(InviteMemberMutationDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: refetchMembers,
  });
