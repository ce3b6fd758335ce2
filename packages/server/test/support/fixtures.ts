import type { Role } from '../../src/modules/roles/role.entity.js';
import type { TestServer } from './test-server.js';

export const PASSWORD = 'correct horse battery staple';

/** An account with an owner signed in: the starting point of most tests. */
export const accountWithOwner = async (server: TestServer, slug: string) => {
  const { account, roles } = await server.createAccount(slug);
  const email = `owner@${slug}.test`;
  await server.createUser(email, PASSWORD, [
    { accountId: account.id, roles: [roles.get('owner') as Role] },
  ]);
  const cookie = await server.signIn(email, PASSWORD);
  return { account, roles, email, cookie };
};

export const GENERATE = /* GraphQL */ `
  mutation Generate($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      token
      apiKey {
        id
        key
        name
        status
        roles {
          id
          name
        }
      }
    }
  }
`;

export const LIST = /* GraphQL */ `
  query List(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ApiKeyFilter
    $orderBy: ApiKeyOrder
  ) {
    generatedKeys(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
      orderBy: $orderBy
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          key
          name
          status
          lastUsedAt
          roles {
            id
            name
          }
        }
      }
    }
  }
`;

export interface GeneratedKey {
  token: string;
  apiKey: {
    id: string;
    key: string;
    name: string;
    status: string;
    roles: { id: string; name: string }[];
  };
}

export const generateKey = async (
  server: TestServer,
  cookie: string,
  name: string,
  roleIds: string[] = [],
): Promise<GeneratedKey> => {
  const result = await server.graphql<{ generateApiKey: GeneratedKey }>(
    GENERATE,
    { input: { name, roleIds } },
    { cookie },
  );
  if (!result.data?.generateApiKey)
    throw new Error(`generate failed: ${JSON.stringify(result.errors)}`);
  return result.data.generateApiKey;
};

export const errorCode = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;
