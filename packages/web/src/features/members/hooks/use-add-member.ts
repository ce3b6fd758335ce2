import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchMembers } from './refetch-members';

export const AddMemberMutationDocument = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      passwordSetupPath
      member {
        id
        user {
          id
          email
        }
      }
    }
  }
`);

/** The setup link must not outlive the dialog that shows it, so the result skips the cache. */
export const useAddMember = () =>
  useMutation(AddMemberMutationDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: refetchMembers,
  });
