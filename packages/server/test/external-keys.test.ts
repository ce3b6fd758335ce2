import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyGrant } from '../src/modules/api-keys/key-grant.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, LIST } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const ADD = /* GraphQL */ `
  mutation Add($input: AddExternalKeyInput!) {
    addExternalKey(input: $input) {
      externalKey {
        id
        key
        status
        addedAt
        ownerAccount {
          slug
        }
        roles {
          name
        }
      }
    }
  }
`;
const EXTERNAL_LIST = /* GraphQL */ `
  query External(
    $filter: ExternalKeyFilter
    $orderBy: ExternalKeyOrder
    $first: Int
    $after: String
  ) {
    externalKeys(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          key
          status
          ownerAccount {
            slug
          }
          roles {
            name
          }
        }
      }
    }
  }
`;
const REMOVE =
  'mutation Remove($id: ID!) { removeExternalKey(input: { id: $id }) { removedExternalKeyId } }';
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateExternalKeyInput!) {
    updateExternalKey(input: $input) {
      externalKey {
        roles {
          name
        }
      }
    }
  }
`;

describe.each(testDatabases)('external keys on $name', (database) => {
  let server: TestServer;
  let demo: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    [demo, partner] = [
      await accountWithOwner(server, 'demo'),
      await accountWithOwner(server, 'partner'),
    ];
  });
  afterAll(async () => server.stop());

  const readOnlyIn = (account: typeof demo) => account.roles.get('api-keys-read-only')!.id;
  const asKey = (key: { apiKey: { key: string }; token: string }, account = 'demo') => ({
    key: key.apiKey.key,
    token: key.token,
    headers: { 'X-Account': account },
  });

  it("lets a partner key act in demo with demo's roles only, and stop at once when removed", async () => {
    await generateKey(server, demo.cookie, 'Demo own key');
    const partnerKey = await generateKey(server, partner.cookie, 'Partner reporting');
    // Before any grant, the key cannot address demo at all: a proven token, so FORBIDDEN.
    expect(errorCode(await server.graphql(LIST, {}, asKey(partnerKey)))).toBe('FORBIDDEN');

    const added = await server.graphql<{
      addExternalKey: {
        externalKey: {
          id: string;
          key: string;
          ownerAccount: { slug: string };
          roles: { name: string }[];
        };
      };
    }>(
      ADD,
      { input: { key: partnerKey.apiKey.key, roleIds: [readOnlyIn(demo)] } },
      { cookie: demo.cookie },
    );
    expect(added.errors).toBeUndefined();
    const external = added.data!.addExternalKey.externalKey;
    expect(external.ownerAccount.slug).toBe('partner');
    expect(external.roles.map((role) => role.name)).toEqual(['API Keys - Read only']);

    const inDemo = await server.graphql<{ generatedKeys: { edges: { node: { name: string } }[] } }>(
      LIST,
      {},
      asKey(partnerKey),
    );
    expect(inDemo.errors).toBeUndefined();
    expect(inDemo.data!.generatedKeys.edges.map((edge) => edge.node.name)).toEqual([
      'Demo own key',
    ]);
    // In its own account the key holds no roles at all.
    expect(errorCode(await server.graphql(LIST, {}, asKey(partnerKey, 'partner')))).toBe(
      'FORBIDDEN',
    );
    // Demo's roles do not let it write in demo.
    const write = await server.graphql(
      'mutation { generateApiKey(input: { name: "x" }) { token } }',
      {},
      asKey(partnerKey),
    );
    expect(errorCode(write)).toBe('FORBIDDEN');

    const removed = await server.graphql(REMOVE, { id: external.id }, { cookie: demo.cookie });
    expect(removed.errors).toBeUndefined();
    expect(errorCode(await server.graphql(LIST, {}, asKey(partnerKey)))).toBe('FORBIDDEN');
  });

  it('stops a granted key in demo at once when its owner deactivates or deletes it', async () => {
    const partnerKey = await generateKey(server, partner.cookie, 'Partner ERP');
    await server.graphql(
      ADD,
      { input: { key: partnerKey.apiKey.key, roleIds: [readOnlyIn(demo)] } },
      { cookie: demo.cookie },
    );
    expect((await server.graphql(LIST, {}, asKey(partnerKey))).errors).toBeUndefined();

    await server.graphql(
      'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { status } } }',
      { id: partnerKey.apiKey.id },
      { cookie: partner.cookie },
    );
    expect(errorCode(await server.graphql(LIST, {}, asKey(partnerKey)))).toBe('UNAUTHENTICATED');
    const listed = await server.graphql<{
      externalKeys: { edges: { node: { key: string; status: string } }[] };
    }>(EXTERNAL_LIST, { filter: { search: partnerKey.apiKey.key } }, { cookie: demo.cookie });
    expect(listed.data!.externalKeys.edges[0]!.node.status).toBe('INACTIVE');

    await server.graphql(
      'mutation($id: ID!) { deleteApiKey(input: { id: $id, confirm: true }) { deletedApiKeyId } }',
      { id: partnerKey.apiKey.id },
      { cookie: partner.cookie },
    );
    expect(errorCode(await server.graphql(LIST, {}, asKey(partnerKey)))).toBe('UNAUTHENTICATED');
    expect(
      await server.dataSource.getRepository(KeyGrant).countBy({ apiKeyId: partnerKey.apiKey.id }),
    ).toBe(0);
  });

  it('refuses unknown, own and already added keys with distinct coded errors', async () => {
    const own = await generateKey(server, demo.cookie, 'Own key for add');
    const unknown = await server.graphql(
      ADD,
      { input: { key: 'kw-partner-doesnotexist', roleIds: [] } },
      { cookie: demo.cookie },
    );
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'key' });
    const ownAdd = await server.graphql(
      ADD,
      { input: { key: own.apiKey.key, roleIds: [] } },
      { cookie: demo.cookie },
    );
    expect(ownAdd.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'key' });
    const partnerKey = await generateKey(server, partner.cookie, 'Twice added');
    await server.graphql(
      ADD,
      { input: { key: partnerKey.apiKey.key, roleIds: [] } },
      { cookie: demo.cookie },
    );
    const twice = await server.graphql(
      ADD,
      { input: { key: partnerKey.apiKey.key, roleIds: [] } },
      { cookie: demo.cookie },
    );
    expect(twice.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'key' });
    // Roles of another account cannot be granted here.
    const foreignRole = await server.graphql(
      ADD,
      {
        input: {
          key: (await generateKey(server, partner.cookie, 'Foreign role')).apiKey.key,
          roleIds: [readOnlyIn(partner)],
        },
      },
      { cookie: demo.cookie },
    );
    expect(errorCode(foreignRole)).toBe('NOT_FOUND');
  });

  it('reads the key identifier by one rule on every database', async () => {
    const spelled = await generateKey(server, partner.cookie, 'Spelled differently');
    // Any case and surrounding spaces name the key, as in verification...
    const added = await server.graphql(
      ADD,
      { input: { key: ` ${spelled.apiKey.key.toUpperCase()} `, roleIds: [] } },
      { cookie: demo.cookie },
    );
    expect(added.errors).toBeUndefined();
    // ...and what MySQL's collation would also match (accents, full-width letters) does not.
    const other = await generateKey(server, partner.cookie, 'Look-alike');
    for (const lookAlike of [
      other.apiKey.key.replace('partner', 'pártner'),
      other.apiKey.key.replace('kw', '\uFF4Bw'),
    ]) {
      const result = await server.graphql(
        ADD,
        { input: { key: lookAlike, roleIds: [] } },
        { cookie: demo.cookie },
      );
      expect(result.errors?.[0]?.extensions, lookAlike).toEqual({
        code: 'NOT_FOUND',
        field: 'key',
      });
    }
  });

  it('shows only key, owner, status and roles here, and lets only roles change', async () => {
    const partnerKey = await generateKey(server, partner.cookie, 'Secret partner name');
    const added = await server.graphql<{ addExternalKey: { externalKey: { id: string } } }>(
      ADD,
      { input: { key: partnerKey.apiKey.key, roleIds: [] } },
      { cookie: demo.cookie },
    );
    const id = added.data!.addExternalKey.externalKey.id;
    const updated = await server.graphql(
      UPDATE,
      { input: { id, roleIds: [readOnlyIn(demo)] } },
      { cookie: demo.cookie },
    );
    expect(updated.data).toEqual({
      updateExternalKey: { externalKey: { roles: [{ name: 'API Keys - Read only' }] } },
    });
    const listing = await server.graphql(EXTERNAL_LIST, {}, { cookie: demo.cookie });
    expect(JSON.stringify(listing)).not.toContain('Secret partner name');
    // The external key's id is not a key id: demo cannot reach the key itself.
    expect(
      errorCode(
        await server.graphql(
          'query($id: ID!) { apiKey(id: $id) { name } }',
          { id: partnerKey.apiKey.id },
          { cookie: demo.cookie },
        ),
      ),
    ).toBe('NOT_FOUND');
    // Partner cannot touch demo's grant, even by id.
    expect(
      errorCode(
        await server.graphql(UPDATE, { input: { id, roleIds: [] } }, { cookie: partner.cookie }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await server.graphql(REMOVE, { id }, { cookie: partner.cookie }))).toBe(
      'NOT_FOUND',
    );
    // The owner sees where its key is granted.
    const detail = await server.graphql<{ apiKey: { grantedAccounts: { slug: string }[] } }>(
      'query($id: ID!) { apiKey(id: $id) { grantedAccounts { slug } } }',
      { id: partnerKey.apiKey.id },
      { cookie: partner.cookie },
    );
    expect(detail.data!.apiKey.grantedAccounts).toEqual([{ slug: 'demo' }]);
  });

  it('lists with search, status filter, sort and pagination', async () => {
    const listed = await server.graphql<{
      externalKeys: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { key: string } }[];
      };
    }>(
      EXTERNAL_LIST,
      { orderBy: { field: 'KEY', direction: 'ASC' }, first: 1 },
      { cookie: demo.cookie },
    );
    const total = listed.data!.externalKeys.totalCount;
    expect(total).toBeGreaterThan(1);
    const keys: string[] = [listed.data!.externalKeys.edges[0]!.node.key];
    let after = listed.data!.externalKeys.pageInfo.endCursor;
    for (let page = 1; page < total; page++) {
      const next = await server.graphql<typeof listed.data>(
        EXTERNAL_LIST,
        { orderBy: { field: 'KEY', direction: 'ASC' }, first: 1, after },
        { cookie: demo.cookie },
      );
      keys.push(next.data!.externalKeys.edges[0]!.node.key);
      after = next.data!.externalKeys.pageInfo.endCursor;
    }
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(total);
    const inactive = await server.graphql<typeof listed.data>(
      EXTERNAL_LIST,
      { filter: { status: 'INACTIVE' } },
      { cookie: demo.cookie },
    );
    expect(inactive.data!.externalKeys.totalCount).toBe(0);
    const byOwner = await server.graphql<typeof listed.data>(
      EXTERNAL_LIST,
      { filter: { search: 'PARTN' } },
      { cookie: demo.cookie },
    );
    expect(byOwner.data!.externalKeys.totalCount).toBe(total);
  });
});
