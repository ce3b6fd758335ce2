import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchRoles } from './refetch-roles';

export const CreateRoleMutationDocument = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      role {
        id
        ...RoleCard_role
      }
    }
  }
`);

export const useCreateRole = () =>
  useMutation(CreateRoleMutationDocument, { refetchQueries: refetchRoles });
