import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchMembers } from './refetch-members';

export const RevokeInvitationMutationDocument = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      revokedInvitationId
    }
  }
`);

export const useRevokeInvitation = () =>
  useMutation(RevokeInvitationMutationDocument, { refetchQueries: refetchMembers });
