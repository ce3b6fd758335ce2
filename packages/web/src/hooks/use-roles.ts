import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index';

export const RolesQueryDocument = graphql(`
  query Roles {
    roles {
      id
      ...RoleMultiSelect_role
    }
  }
`);

const noRoles: never[] = [];

export const useRoles = ({ skip = false } = {}) => {
  const { data } = useQuery(RolesQueryDocument, { skip });
  return data?.roles ?? noRoles;
};
