import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const InvitationPreviewQueryDocument = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      email
      accountName
      expiresAt
    }
  }
`);

export const AcceptInvitationMutationDocument = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      account {
        id
        name
      }
    }
  }
`);

/** Public: the link's secret is the only credential, and nothing about it is cached. */
export const useInvitationPreview = (token: string) =>
  useQuery(InvitationPreviewQueryDocument, {
    variables: { token },
    skip: !token,
    fetchPolicy: 'no-cache',
  });

export const useAcceptInvitation = () =>
  useMutation(AcceptInvitationMutationDocument, { fetchPolicy: 'no-cache' });
