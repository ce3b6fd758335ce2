import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CreateSingleAccessLinkMutationDocument = graphql(`
  mutation CreateSingleAccessLink($input: CreateSingleAccessLinkInput!) {
    createSingleAccessLink(input: $input) {
      path
      expiresAt
    }
  }
`);

/** The variables carry the token and the path carries a secret: neither may enter the cache. */
export const useCreateSingleAccessLink = () =>
  useMutation(CreateSingleAccessLinkMutationDocument, { fetchPolicy: 'no-cache' });
