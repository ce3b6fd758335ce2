import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchRoles } from './refetch-roles';

export const UpdateRoleMutationDocument = graphql(`
  mutation UpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      role {
        id
        ...RoleCard_role
      }
    }
  }
`);

/** A rename can move the role in the list, which the server sorts by name. */
export const useUpdateRole = () =>
  useMutation(UpdateRoleMutationDocument, { refetchQueries: refetchRoles });
