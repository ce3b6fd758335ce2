import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey } from './support/fixtures.js';
import { userWithResources } from './support/state.js';
import { TestServer } from './support/test-server.js';

const HOLDERS = /* GraphQL */ `
  query Holders($id: ID!) {
    roleHolders(id: $id) {
      userCount
      apiKeyCount
      users {
        email
      }
      apiKeys {
        key
        name
        external
      }
    }
  }
`;

describe.each(testDatabases)('who holds a role, before deleting it, on $name', (database) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start(database);
  });
  afterAll(async () => server.stop());

  it('names the members and keys holding a role in this account, and says it in plurals', async () => {
    const owner = await accountWithOwner(server, 'holders');
    const created = await server.graphql<{ createRole: { role: { id: string } } }>(
      'mutation { createRole(input: { name: "Billing", resourceKeys: ["license-manager:view-api-keys"] }) { role { id } } }',
      {},
      { cookie: owner.cookie },
    );
    const roleId = created.data!.createRole.role.id;
    const key = await generateKey(server, owner.cookie, 'Billing sync', [roleId]);
    const holders = await server.graphql(HOLDERS, { id: roleId }, { cookie: owner.cookie });
    expect(holders.data).toEqual({
      roleHolders: {
        userCount: 0,
        apiKeyCount: 1,
        users: [],
        apiKeys: [{ key: key.apiKey.key, name: 'Billing sync', external: false }],
      },
    });
    const refused = await server.graphql(
      'mutation($id: ID!) { deleteRole(input: { id: $id }) { deletedRoleId } }',
      { id: roleId },
      { cookie: owner.cookie },
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toBe(
      'This role is held by 0 users and 1 API key. Remove it from them first.',
    );

    // Editing roles is not reading keys or users: only the counts.
    const roleEditor = await userWithResources(server, owner.account.id, 'roles@holders.test', [
      'license-manager:edit-roles',
    ]);
    const counted = await server.graphql(HOLDERS, { id: roleId }, { cookie: roleEditor.cookie });
    expect(counted.data).toEqual({
      roleHolders: { userCount: 0, apiKeyCount: 1, users: [], apiKeys: [] },
    });

    const other = await accountWithOwner(server, 'holders-other');
    expect(errorCode(await server.graphql(HOLDERS, { id: roleId }, { cookie: other.cookie }))).toBe(
      'NOT_FOUND',
    );
  });
});
