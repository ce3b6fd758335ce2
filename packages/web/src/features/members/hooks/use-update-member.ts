import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const UpdateMemberMutationDocument = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      member {
        id
        ...MemberRow_member
      }
    }
  }
`);

export const useUpdateMember = () => useMutation(UpdateMemberMutationDocument);
