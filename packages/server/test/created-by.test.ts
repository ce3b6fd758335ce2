import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../src/modules/api-keys/api-key.entity.js';
import { backfillKeyCreators } from '../src/db/migrations/1764010000000-key-created-by.js';
import { Resources } from '../src/modules/roles/resource-catalog.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, LIST } from './support/fixtures.js';
import { auditEvents } from './support/state.js';
import { TestServer } from './support/test-server.js';

/**
 * Issue 12, item 4: every key records who generated it (a user, one of the account's own keys,
 * or another account's key granted here), the list filters by it, and removing an external
 * grant can deactivate, at once, the keys that grant's key generated here.
 */
const GENERATE = /* GraphQL */ `
  mutation Generate($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      token
      apiKey {
        id
        key
        createdBy {
          kind
          id
          label
          accountSlug
        }
      }
    }
  }
`;
const DETAIL = /* GraphQL */ `
  query Detail($id: ID!) {
    apiKey(id: $id) {
      createdBy {
        kind
        id
        label
        accountSlug
      }
    }
  }
`;
const CREATED_BY_LIST = /* GraphQL */ `
  query CreatedBy($filter: ApiKeyFilter, $orderBy: ApiKeyOrder, $first: Int) {
    generatedKeys(filter: $filter, orderBy: $orderBy, first: $first) {
      totalCount
      edges {
        node {
          name
          status
          createdBy {
            kind
            label
          }
        }
      }
    }
  }
`;
const ADD = /* GraphQL */ `
  mutation Add($input: AddExternalKeyInput!) {
    addExternalKey(input: $input) {
      externalKey {
        id
        keysCreatedHere
      }
    }
  }
`;
const EXTERNAL = /* GraphQL */ `
  query External($filter: ExternalKeyFilter) {
    externalKeys(filter: $filter) {
      edges {
        node {
          id
          keysCreatedHere
        }
      }
    }
  }
`;
const REMOVE = /* GraphQL */ `
  mutation Remove($input: RemoveExternalKeyInput!) {
    removeExternalKey(input: $input) {
      removedExternalKeyId
      deactivatedKeyCount
    }
  }
`;

interface Creator {
  kind: string;
  id: string;
  label: string;
  accountSlug: string | null;
}
interface Generated {
  token: string;
  apiKey: { id: string; key: string; createdBy: Creator | null };
}

describe.each(testDatabases)('who created each key on $name', (database) => {
  let server: TestServer;
  let demo: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;
  let keyMakerRoleId: string;

  beforeAll(async () => {
    server = await TestServer.start(database);
    [demo, partner] = [
      await accountWithOwner(server, 'demo'),
      await accountWithOwner(server, 'partner'),
    ];
    keyMakerRoleId = (
      await server.createRole(demo.account.id, 'Key makers', [
        Resources.viewApiKeys,
        Resources.editApiKeys,
      ])
    ).id;
  });
  afterAll(async () => server.stop());

  const asKey = (key: { apiKey: { key: string }; token: string }, account = 'demo') => ({
    key: key.apiKey.key,
    token: key.token,
    headers: { 'X-Account': account },
  });
  const generate = async (
    name: string,
    credentials: Parameters<TestServer['graphql']>[2],
    roleIds: string[] = [],
  ): Promise<Generated> => {
    const result = await server.graphql<{ generateApiKey: Generated }>(
      GENERATE,
      { input: { name, roleIds } },
      credentials,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.generateApiKey;
  };
  /** A partner key granted Key makers in demo, and the grant's id. */
  const grantedPartnerKey = async (name: string) => {
    const partnerKey = await generateKey(server, partner.cookie, name);
    const added = await server.graphql<{ addExternalKey: { externalKey: { id: string } } }>(
      ADD,
      { input: { key: partnerKey.apiKey.key, roleIds: [keyMakerRoleId] } },
      { cookie: demo.cookie },
    );
    expect(added.errors).toBeUndefined();
    return { partnerKey, grantId: added.data!.addExternalKey.externalKey.id };
  };
  const userId = async (email: string) =>
    (
      await server.dataSource.manager.query<{ id: string }[]>(
        'SELECT id FROM users WHERE email = ?',
        [email],
      )
    )[0]!.id;

  it('records a user, an own key and an external key as creators, in the list and the detail', async () => {
    const byUser = await generate('Made by the owner', { cookie: demo.cookie });
    expect(byUser.apiKey.createdBy).toEqual({
      kind: 'USER',
      id: await userId(demo.email),
      label: demo.email,
      accountSlug: null,
    });

    const maker = await generateKey(server, demo.cookie, 'Own key maker', [keyMakerRoleId]);
    const byOwnKey = await generate('Made by an own key', asKey(maker));
    expect(byOwnKey.apiKey.createdBy).toEqual({
      kind: 'API_KEY',
      id: maker.apiKey.id,
      label: maker.apiKey.key,
      accountSlug: null,
    });

    const { partnerKey } = await grantedPartnerKey('Partner key maker');
    const byExternal = await generate('Made by a partner key', asKey(partnerKey));
    expect(byExternal.apiKey.createdBy).toEqual({
      kind: 'EXTERNAL_KEY',
      id: partnerKey.apiKey.id,
      label: partnerKey.apiKey.key,
      accountSlug: 'partner',
    });
    // The new key belongs to demo, whoever generated it.
    expect(byExternal.apiKey.key.startsWith('kw-demo-')).toBe(true);

    const detail = await server.graphql<{ apiKey: { createdBy: Creator } }>(
      DETAIL,
      { id: byExternal.apiKey.id },
      { cookie: demo.cookie },
    );
    expect(detail.data!.apiKey.createdBy).toEqual(byExternal.apiKey.createdBy);
    const listed = await server.graphql<{
      generatedKeys: { edges: { node: { name: string; createdBy: Creator | null } }[] };
    }>(
      LIST.replace('lastUsedAt', 'lastUsedAt createdBy { kind label }'),
      {},
      {
        cookie: demo.cookie,
      },
    );
    expect(listed.errors).toBeUndefined();
    const creatorOf = (name: string) =>
      listed.data!.generatedKeys.edges.find((edge) => edge.node.name === name)?.node.createdBy;
    expect(creatorOf('Made by a partner key')).toEqual({
      kind: 'EXTERNAL_KEY',
      label: partnerKey.apiKey.key,
    });
    expect(creatorOf('Made by the owner')).toEqual({ kind: 'USER', label: demo.email });

    // The creator is kept even once it is gone.
    await server.graphql(
      'mutation($id: ID!) { deleteApiKey(input: { id: $id, confirm: true }) { deletedApiKeyId } }',
      { id: maker.apiKey.id },
      { cookie: demo.cookie },
    );
    const afterDeletion = await server.graphql<{ apiKey: { createdBy: Creator } }>(
      DETAIL,
      { id: byOwnKey.apiKey.id },
      { cookie: demo.cookie },
    );
    expect(afterDeletion.data!.apiKey.createdBy.label).toBe(maker.apiKey.key);
  });

  it('filters the Generated list by creator, alone and with other filters and sorts', async () => {
    const { partnerKey } = await grantedPartnerKey('Partner filter maker');
    await generate('Filter: partner 1', asKey(partnerKey));
    await generate('Filter: partner 2', asKey(partnerKey));
    await generate('Filter: owner 1', { cookie: demo.cookie });
    const list = async (filter: Record<string, unknown>, field = 'NAME') => {
      const result = await server.graphql<{
        generatedKeys: { totalCount: number; edges: { node: { name: string } }[] };
      }>(
        CREATED_BY_LIST,
        { filter, orderBy: { field, direction: 'ASC' }, first: 50 },
        { cookie: demo.cookie },
      );
      expect(result.errors).toBeUndefined();
      return {
        names: result.data!.generatedKeys.edges.map((edge) => edge.node.name),
        total: result.data!.generatedKeys.totalCount,
      };
    };
    const byPartner = { kind: 'EXTERNAL_KEY', id: partnerKey.apiKey.id };
    for (const field of ['NAME', 'CREATED_AT', 'STATUS', 'LAST_USED']) {
      const { names, total } = await list({ createdBy: byPartner }, field);
      expect([...names].sort()).toEqual(['Filter: partner 1', 'Filter: partner 2']);
      expect(total).toBe(2);
    }
    expect((await list({ createdBy: byPartner, search: 'partner 2' })).names).toEqual([
      'Filter: partner 2',
    ]);
    expect((await list({ createdBy: byPartner, status: 'INACTIVE' })).names).toEqual([]);
    // By kind alone: every key generated by any external key.
    const external = await list({ createdBy: { kind: 'EXTERNAL_KEY' } });
    expect(external.names).toContain('Filter: partner 1');
    expect(external.names).not.toContain('Filter: owner 1');
    const byOwner = await list({ createdBy: { kind: 'USER', id: await userId(demo.email) } });
    expect(byOwner.names).toContain('Filter: owner 1');
    expect(byOwner.names).not.toContain('Filter: partner 1');
    // A creator of another kind with the same id matches nothing.
    expect((await list({ createdBy: { kind: 'USER', id: partnerKey.apiKey.id } })).names).toEqual(
      [],
    );
  });

  it('keeps the keys a removed grant created unless asked to deactivate them', async () => {
    const { partnerKey, grantId } = await grantedPartnerKey('Partner kept maker');
    const made = await generate('Outliving its maker', asKey(partnerKey), [keyMakerRoleId]);
    const listed = await server.graphql<{
      externalKeys: { edges: { node: { id: string; keysCreatedHere: number } }[] };
    }>(EXTERNAL, { filter: { search: partnerKey.apiKey.key } }, { cookie: demo.cookie });
    expect(listed.data!.externalKeys.edges[0]!.node).toEqual({ id: grantId, keysCreatedHere: 1 });

    const removed = await server.graphql<{
      removeExternalKey: { removedExternalKeyId: string; deactivatedKeyCount: number };
    }>(REMOVE, { input: { id: grantId } }, { cookie: demo.cookie });
    expect(removed.data!.removeExternalKey).toEqual({
      removedExternalKeyId: grantId,
      deactivatedKeyCount: 0,
    });
    const key = await server.dataSource.getRepository(ApiKey).findOneByOrFail({
      id: made.apiKey.id,
    });
    expect(key.active).toBe(true);
    expect((await server.graphql(LIST, {}, asKey(made))).errors).toBeUndefined();
  });

  it('deactivates, with the grant, every key its key generated here, audited and refused at once', async () => {
    const { partnerKey, grantId } = await grantedPartnerKey('Partner removed maker');
    const first = await generate('Made then revoked 1', asKey(partnerKey), [keyMakerRoleId]);
    const second = await generate('Made then revoked 2', asKey(partnerKey), [keyMakerRoleId]);
    const bystander = await generate('Made by the owner, kept', { cookie: demo.cookie }, [
      keyMakerRoleId,
    ]);
    // A key the partner key generated in its own account is not this account's to touch.
    const inPartner = await generateKey(server, partner.cookie, 'Partner maker at home', []);
    expect(inPartner.apiKey.key.startsWith('kw-partner-')).toBe(true);
    // Both are in use (and cached by verification) before the removal.
    expect((await server.graphql(LIST, {}, asKey(first))).errors).toBeUndefined();
    expect((await server.graphql(LIST, {}, asKey(second))).errors).toBeUndefined();

    const removed = await server.graphql<{
      removeExternalKey: { removedExternalKeyId: string; deactivatedKeyCount: number };
    }>(REMOVE, { input: { id: grantId, deactivateKeysItCreated: true } }, { cookie: demo.cookie });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeExternalKey).toEqual({
      removedExternalKeyId: grantId,
      deactivatedKeyCount: 2,
    });
    expect(errorCode(await server.graphql(LIST, {}, asKey(first)))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.graphql(LIST, {}, asKey(second)))).toBe('UNAUTHENTICATED');
    expect((await server.graphql(LIST, {}, asKey(bystander))).errors).toBeUndefined();
    // A proven token addressing an account that no longer grants it: refused, not a failure.
    expect(errorCode(await server.graphql(LIST, {}, asKey(partnerKey)))).toBe('FORBIDDEN');

    const events = await auditEvents(server, demo.account.id);
    const deactivated = events.filter(
      (event) =>
        event.action === 'api-key.deactivated' &&
        [first.apiKey.id, second.apiKey.id].includes(event.targetId ?? ''),
    );
    expect(deactivated).toHaveLength(2);
    expect(JSON.parse(deactivated[0]!.details ?? '{}')).toMatchObject({
      reason: 'external-key.removed',
      createdBy: partnerKey.apiKey.key,
    });
  });

  it('refuses to deactivate, with the grant, keys holding resources the caller lacks', async () => {
    const { partnerKey, grantId } = await grantedPartnerKey('Partner strong maker');
    const made = await generate('Made, then made strong', asKey(partnerKey));
    // The owner later grants the made key a role the admin below does not hold.
    await server.graphql(
      'mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { id } } }',
      { input: { id: made.apiKey.id, roleIds: [demo.roles.get('oms-full-access')!.id] } },
      { cookie: demo.cookie },
    );
    const adminRole = await server.createRole(demo.account.id, 'Key admins', [
      Resources.viewApiKeys,
      Resources.editApiKeys,
    ]);
    await server.createUser('keys-admin@demo.test', 'correct horse battery staple', [
      { accountId: demo.account.id, roles: [adminRole] },
    ]);
    const admin = await server.signIn('keys-admin@demo.test', 'correct horse battery staple');
    // Said before asking, so the SPA can grey the option out with the reason.
    const lacks = async (cookie: string) =>
      (
        await server.graphql<{
          externalKeys: { edges: { node: { keysCreatedHereViewerLacks: { key: string }[] } }[] };
        }>(
          'query($filter: ExternalKeyFilter) { externalKeys(filter: $filter) { edges { node { keysCreatedHereViewerLacks { key } } } } }',
          { filter: { search: partnerKey.apiKey.key } },
          { cookie },
        )
      ).data!.externalKeys.edges[0]!.node.keysCreatedHereViewerLacks.map(
        (resource) => resource.key,
      );
    expect(await lacks(admin)).toEqual(['orders:view-orders', 'orders:edit-orders']);
    expect(await lacks(demo.cookie)).toEqual([]);
    const refused = await server.graphql(
      REMOVE,
      { input: { id: grantId, deactivateKeysItCreated: true } },
      { cookie: admin },
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
    // Nothing happened: the grant is still there and the key still active.
    expect((await server.graphql(LIST, {}, asKey(partnerKey))).errors).toBeUndefined();
    expect(
      (await server.dataSource.getRepository(ApiKey).findOneByOrFail({ id: made.apiKey.id }))
        .active,
    ).toBe(true);
  });

  it('backfills the creators of keys generated before the column existed, from the audit log', async () => {
    const { partnerKey } = await grantedPartnerKey('Partner old maker');
    const byExternal = await generate('Old, by a partner key', asKey(partnerKey));
    const byUser = await generate('Old, by the owner', { cookie: demo.cookie });
    // A creator deleted since: its identifier still names its account.
    const { partnerKey: gone } = await grantedPartnerKey('Partner maker deleted since');
    const byGone = await generate('Old, by a partner key deleted since', asKey(gone));
    await server.graphql(
      'mutation($id: ID!) { deleteApiKey(input: { id: $id, confirm: true }) { deletedApiKeyId } }',
      { id: gone.apiKey.id },
      { cookie: partner.cookie },
    );
    const repository = server.dataSource.getRepository(ApiKey);
    const unknown = {
      createdByType: null,
      createdById: null,
      createdByLabel: null,
      createdByAccountId: null,
      createdByAccountSlug: null,
    };
    await repository.update({ id: byExternal.apiKey.id }, unknown);
    await repository.update({ id: byUser.apiKey.id }, unknown);
    await repository.update({ id: byGone.apiKey.id }, unknown);
    const cleared = await server.graphql<{ apiKey: { createdBy: Creator | null } }>(
      DETAIL,
      { id: byUser.apiKey.id },
      { cookie: demo.cookie },
    );
    expect(cleared.data!.apiKey.createdBy).toBeNull();

    const runner = server.dataSource.createQueryRunner();
    try {
      await backfillKeyCreators(runner);
    } finally {
      await runner.release();
    }
    const external = await repository.findOneByOrFail({ id: byExternal.apiKey.id });
    expect(external).toMatchObject({
      createdByType: 'external-key',
      createdById: partnerKey.apiKey.id,
      createdByLabel: partnerKey.apiKey.key,
      createdByAccountId: partner.account.id,
      createdByAccountSlug: 'partner',
    });
    expect(await repository.findOneByOrFail({ id: byUser.apiKey.id })).toMatchObject({
      createdByType: 'user',
      createdById: await userId(demo.email),
      createdByLabel: demo.email,
      createdByAccountId: null,
    });
    expect(await repository.findOneByOrFail({ id: byGone.apiKey.id })).toMatchObject({
      createdByType: 'external-key',
      createdById: gone.apiKey.id,
      createdByLabel: gone.apiKey.key,
      createdByAccountId: partner.account.id,
      createdByAccountSlug: 'partner',
    });
  });
});
