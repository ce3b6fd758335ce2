import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchRoles } from './refetch-roles';

export const DeleteRoleMutationDocument = graphql(`
  mutation DeleteRole($input: DeleteRoleInput!) {
    deleteRole(input: $input) {
      deletedRoleId
    }
  }
`);

export const useDeleteRole = () =>
  useMutation(DeleteRoleMutationDocument, {
    refetchQueries: refetchRoles,
    update: (cache, { data }) => {
      const id = data?.deleteRole.deletedRoleId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'Role', id }) });
      cache.gc();
    },
  });
