import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

export const ViewerQueryDocument = graphql(`
  query Viewer {
    me {
      kind
      resources
      user {
        id
        name
        email
      }
      account {
        id
        name
        slug
      }
      accounts {
        id
        name
        slug
      }
    }
  }
`);

export const useViewerQuery = () => useQuery(ViewerQueryDocument);
