import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

export const RevealSingleAccessLinkMutationDocument = graphql(`
  mutation RevealSingleAccessLink($input: RevealSingleAccessLinkInput!) {
    revealSingleAccessLink(input: $input) {
      key
      token
    }
  }
`);

/** The revealed token lives in the page's state only: never in the cache. */
export const useRevealSingleAccessLink = () =>
  useMutation(RevealSingleAccessLinkMutationDocument, { fetchPolicy: 'no-cache' });
