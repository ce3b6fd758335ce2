import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../src/modules/api-keys/api-key.entity.js';
import { Role } from '../src/modules/roles/role.entity.js';
import { Resources } from '../src/modules/roles/resource-catalog.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, PASSWORD } from './support/fixtures.js';
import { auditEvents, keyCount, keyState, userWithResources } from './support/state.js';
import { TestServer, type Credentials, type GraphQLResult } from './support/test-server.js';

/**
 * SPEC 5: every operation checks the caller's resources on the server, for users and keys
 * alike (A2), and never reaches another account's data (SPEC 1).
 */
const CALLERS = [
  'anonymous',
  'viewKeysUser',
  'editKeysUser',
  'renewTokenUser',
  'editSettingsUser',
  'owner',
  'keyWithViewEdit',
  'keyWithoutRoles',
  'otherAccountOwner',
] as const;
type CallerName = (typeof CALLERS)[number];

type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
const OK = 'OK';
const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const B = 'BAD_USER_INPUT';

/** One outcome per caller, in the order of CALLERS. */
const outcomes = (...list: Outcome[]): Record<CallerName, Outcome> => {
  expect(list).toHaveLength(CALLERS.length);
  return Object.fromEntries(CALLERS.map((caller, index) => [caller, list[index]])) as Record<
    CallerName,
    Outcome
  >;
};

interface Caller {
  accountId: string;
  slug: string;
  credentials: Credentials;
  /** For users: a new session, so signing out does not end the one other cells use. */
  email?: string;
}

interface World {
  server: TestServer;
  callers: Record<CallerName, Caller>;
  mainAccountId: string;
  /** A key of the main account that read-only cells look at. */
  readTargetId: string;
  /** Generates a fresh key of the main account for a cell that changes it. */
  freshKey: () => Promise<string>;
}

interface Operation {
  name: string;
  expected: Record<CallerName, Outcome>;
  /** Creates what the cell will act on; its state is compared when the cell is refused. */
  prepare?: (world: World) => Promise<string>;
  run: (world: World, caller: Caller, targetId: string) => Promise<GraphQLResult>;
  /** Checks a successful cell did what it says. */
  verify?: (world: World, caller: Caller, result: GraphQLResult, targetId: string) => Promise<void>;
}

const data = (result: GraphQLResult) => result.data as Record<string, Record<string, unknown>>;

let nameCounter = 0;
const uniqueName = (prefix: string) => `${prefix} ${++nameCounter}`;

const OPERATIONS: Operation[] = [
  {
    name: 'me',
    expected: outcomes(U, OK, OK, OK, OK, OK, OK, OK, OK),
    run: ({ server }, caller) =>
      server.graphql('{ me { kind account { id } resources } }', {}, caller.credentials),
    verify: async (_world, caller, result) => {
      expect(data(result).me?.account).toEqual({ id: caller.accountId });
    },
  },
  {
    name: 'account',
    expected: outcomes(U, OK, OK, OK, OK, OK, OK, OK, OK),
    run: ({ server }, caller) => server.graphql('{ account { id slug } }', {}, caller.credentials),
    verify: async (_world, caller, result) => {
      expect(data(result).account).toEqual({ id: caller.accountId, slug: caller.slug });
    },
  },
  {
    name: 'generatedKeys',
    expected: outcomes(U, OK, F, F, F, OK, OK, F, OK),
    run: ({ server }, caller) =>
      server.graphql(
        '{ generatedKeys(first: 100) { totalCount edges { node { id key } } } }',
        {},
        caller.credentials,
      ),
    verify: async (world, caller, result) => {
      const connection = data(result).generatedKeys as {
        edges: { node: { id: string; key: string } }[];
      };
      const keys = connection.edges.map((edge) => edge.node);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key.key.startsWith(`kw-${caller.slug}-`)).toBe(true);
      const ids = keys.map((key) => key.id);
      if (caller.accountId === world.mainAccountId) expect(ids).toContain(world.readTargetId);
      else expect(ids).not.toContain(world.readTargetId);
    },
  },
  {
    name: 'apiKey',
    expected: outcomes(U, OK, F, F, F, OK, OK, F, N),
    run: ({ server, readTargetId }, caller) =>
      server.graphql(
        'query Key($id: ID!) { apiKey(id: $id) { id name } }',
        { id: readTargetId },
        caller.credentials,
      ),
    verify: async ({ readTargetId }, _caller, result) => {
      expect(data(result).apiKey?.id).toBe(readTargetId);
    },
  },
  {
    name: 'roles',
    expected: outcomes(U, OK, OK, F, F, OK, OK, F, OK),
    run: ({ server }, caller) =>
      server.graphql('{ roles { id name predefined } }', {}, caller.credentials),
    verify: async ({ server }, caller, result) => {
      const roles = (result.data?.roles as { id: string }[]).map((role) => role.id);
      const own = await server.dataSource.manager.findBy(Role, { accountId: caller.accountId });
      expect(roles.sort()).toEqual(own.map((role) => role.id).sort());
    },
  },
  {
    name: 'resources',
    expected: outcomes(U, OK, OK, F, F, OK, OK, F, OK),
    run: ({ server }, caller) => server.graphql('{ resources { key } }', {}, caller.credentials),
    verify: async (_world, _caller, result) => {
      const keys = (result.data?.resources as { key: string }[]).map((resource) => resource.key);
      expect(keys).toContain(Resources.viewApiKeys);
      expect(keys).toContain(Resources.editApiKeysSettings);
    },
  },
  {
    name: 'generateApiKey',
    expected: outcomes(U, F, OK, F, F, OK, OK, F, OK),
    run: ({ server }, caller) =>
      server.graphql(
        'mutation G($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token apiKey { id key } } }',
        { input: { name: uniqueName('Generated by matrix') } },
        caller.credentials,
      ),
    verify: async ({ server }, caller, result) => {
      const created = data(result).generateApiKey?.apiKey as { id: string; key: string };
      expect(created.key.startsWith(`kw-${caller.slug}-`)).toBe(true);
      const row = await server.dataSource.manager.findOneByOrFail(ApiKey, { id: created.id });
      expect(row.accountId).toBe(caller.accountId);
    },
  },
  {
    name: 'updateApiKey',
    expected: outcomes(U, F, OK, F, F, OK, OK, F, N),
    prepare: (world) => world.freshKey(),
    run: ({ server }, caller, id) =>
      server.graphql(
        'mutation U($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { id name } } }',
        { input: { id, name: uniqueName('Renamed by matrix') } },
        caller.credentials,
      ),
    verify: async ({ server }, _caller, result, id) => {
      const name = (data(result).updateApiKey?.apiKey as { name: string }).name;
      expect(name).toMatch(/^Renamed by matrix/);
      expect((await server.dataSource.manager.findOneByOrFail(ApiKey, { id })).name).toBe(name);
    },
  },
  {
    name: 'activateApiKey',
    expected: outcomes(U, F, OK, F, F, OK, OK, F, N),
    prepare: async (world) => {
      const id = await world.freshKey();
      await world.server.dataSource.manager.update(ApiKey, { id }, { active: false });
      return id;
    },
    run: ({ server }, caller, id) =>
      server.graphql(
        'mutation A($input: ActivateApiKeyInput!) { activateApiKey(input: $input) { apiKey { status } } }',
        { input: { id } },
        caller.credentials,
      ),
    verify: async ({ server }, _caller, result, id) => {
      expect(data(result).activateApiKey?.apiKey).toEqual({ status: 'ACTIVE' });
      expect((await server.dataSource.manager.findOneByOrFail(ApiKey, { id })).active).toBe(true);
    },
  },
  {
    name: 'deactivateApiKey',
    expected: outcomes(U, F, OK, F, F, OK, OK, F, N),
    prepare: (world) => world.freshKey(),
    run: ({ server }, caller, id) =>
      server.graphql(
        'mutation D($input: DeactivateApiKeyInput!) { deactivateApiKey(input: $input) { apiKey { status } } }',
        { input: { id } },
        caller.credentials,
      ),
    verify: async ({ server }, _caller, result, id) => {
      expect(data(result).deactivateApiKey?.apiKey).toEqual({ status: 'INACTIVE' });
      expect((await server.dataSource.manager.findOneByOrFail(ApiKey, { id })).active).toBe(false);
    },
  },
  {
    name: 'deleteApiKey',
    expected: outcomes(U, F, OK, F, F, OK, OK, F, N),
    prepare: (world) => world.freshKey(),
    run: ({ server }, caller, id) =>
      server.graphql(
        'mutation X($input: DeleteApiKeyInput!) { deleteApiKey(input: $input) { deletedApiKeyId } }',
        { input: { id, confirm: true } },
        caller.credentials,
      ),
    verify: async ({ server }, _caller, result, id) => {
      expect(data(result).deleteApiKey).toEqual({ deletedApiKeyId: id });
      expect(await server.dataSource.manager.findOneBy(ApiKey, { id })).toBeNull();
    },
  },
  {
    name: 'switchAccount',
    // A key is bound to its own account: it cannot switch (a coded input error).
    expected: outcomes(U, OK, OK, OK, OK, OK, B, B, N),
    run: ({ server, mainAccountId }, caller) =>
      server.graphql(
        'mutation S($input: SwitchAccountInput!) { switchAccount(input: $input) { me { account { id } } } }',
        { input: { accountId: mainAccountId } },
        caller.credentials,
      ),
    verify: async ({ mainAccountId }, _caller, result) => {
      expect(data(result).switchAccount?.me).toEqual({ account: { id: mainAccountId } });
    },
  },
  {
    name: 'signOut',
    // Signing out is idempotent: with no session (or as a key) there is nothing to end.
    expected: outcomes(OK, OK, OK, OK, OK, OK, OK, OK, OK),
    run: async ({ server }, caller) => {
      const credentials = caller.email
        ? { cookie: await server.signIn(caller.email, PASSWORD) }
        : caller.credentials;
      return server.graphql('mutation { signOut { signedOut } }', {}, credentials);
    },
    verify: async ({ server }, caller, result) => {
      expect(data(result).signOut).toEqual({ signedOut: true });
      if (caller.email) {
        const me = await server.graphql('{ me { kind } }', {}, caller.credentials);
        expect(me.errors).toBeUndefined(); // the caller's other session lives on
      }
    },
  },
];

const CELLS = OPERATIONS.flatMap((operation) =>
  CALLERS.map((caller) => ({ operation, caller, expected: operation.expected[caller] })),
);

describe.each(testDatabases)('authorization matrix on $name', (database) => {
  let world: World;
  let otherKeyId: string;
  let inactiveOtherKeyId: string;
  let otherRoleId: string;
  let ownKeyId: string;

  beforeAll(async () => {
    const server = await TestServer.start(database);
    const main = await accountWithOwner(server, 'matrix');
    const other = await accountWithOwner(server, 'matrix-other');
    const user = async (name: string, resource: string): Promise<Caller> => {
      const created = await userWithResources(server, main.account.id, `${name}@matrix.test`, [
        resource,
      ]);
      return {
        accountId: main.account.id,
        slug: 'matrix',
        credentials: { cookie: created.cookie },
        email: created.email,
      };
    };
    const viewEditRole = await server.createRole(main.account.id, 'View and edit keys', [
      Resources.viewApiKeys,
      Resources.editApiKeys,
    ]);
    const keyWithViewEdit = await generateKey(server, main.cookie, 'Tooling key', [
      viewEditRole.id,
    ]);
    const keyWithoutRoles = await generateKey(server, main.cookie, 'Roleless key');
    const readTarget = await generateKey(server, main.cookie, 'Read target');

    const otherKey = await generateKey(server, other.cookie, 'Other account key');
    const inactiveOtherKey = await generateKey(server, other.cookie, 'Other inactive key');
    await server.graphql(
      'mutation D($input: DeactivateApiKeyInput!) { deactivateApiKey(input: $input) { apiKey { id } } }',
      { input: { id: inactiveOtherKey.apiKey.id } },
      { cookie: other.cookie },
    );
    otherKeyId = otherKey.apiKey.id;
    inactiveOtherKeyId = inactiveOtherKey.apiKey.id;
    otherRoleId = other.roles.get('api-keys-read-only')!.id;
    ownKeyId = (await generateKey(server, main.cookie, 'Own key for cross-account roles')).apiKey
      .id;

    const mainCaller = (credentials: Credentials, email?: string): Caller => ({
      accountId: main.account.id,
      slug: 'matrix',
      credentials,
      email,
    });
    world = {
      server,
      mainAccountId: main.account.id,
      readTargetId: readTarget.apiKey.id,
      freshKey: async () =>
        (await generateKey(server, main.cookie, uniqueName('Matrix target'))).apiKey.id,
      callers: {
        anonymous: mainCaller({}),
        viewKeysUser: await user('view', Resources.viewApiKeys),
        editKeysUser: await user('edit', Resources.editApiKeys),
        renewTokenUser: await user('renew', Resources.renewApiToken),
        editSettingsUser: await user('settings', Resources.editApiKeysSettings),
        owner: mainCaller({ cookie: main.cookie }, main.email),
        keyWithViewEdit: mainCaller({
          key: keyWithViewEdit.apiKey.key,
          token: keyWithViewEdit.token,
        }),
        keyWithoutRoles: mainCaller({
          key: keyWithoutRoles.apiKey.key,
          token: keyWithoutRoles.token,
        }),
        otherAccountOwner: {
          accountId: other.account.id,
          slug: 'matrix-other',
          credentials: { cookie: other.cookie },
          email: other.email,
        },
      },
    };
  });
  afterAll(async () => world.server.stop());

  it.each(CELLS)(
    '$operation.name as $caller: $expected',
    async ({ operation, caller: callerName, expected }) => {
      const caller = world.callers[callerName];
      const targetId = operation.prepare ? await operation.prepare(world) : world.readTargetId;
      const before = {
        target: await keyState(world.server, targetId),
        mainKeys: await keyCount(world.server, world.mainAccountId),
        otherKeys: await keyCount(world.server, world.callers.otherAccountOwner.accountId),
        audit: (await auditEvents(world.server, world.mainAccountId)).length,
        otherAudit: (await auditEvents(world.server, world.callers.otherAccountOwner.accountId))
          .length,
      };

      const result = await operation.run(world, caller, targetId);

      if (expected === OK) {
        expect(result.errors).toBeUndefined();
        await operation.verify?.(world, caller, result, targetId);
        return;
      }
      expect(errorCode(result)).toBe(expected);
      expect(result.data ?? null).toBeNull();
      // A refused operation changes nothing, and leaves no trail of a change.
      expect({
        target: await keyState(world.server, targetId),
        mainKeys: await keyCount(world.server, world.mainAccountId),
        otherKeys: await keyCount(world.server, world.callers.otherAccountOwner.accountId),
        audit: (await auditEvents(world.server, world.mainAccountId)).length,
        otherAudit: (await auditEvents(world.server, world.callers.otherAccountOwner.accountId))
          .length,
      }).toEqual(before);
    },
  );

  describe("another account's ids answer NOT_FOUND and change nothing", () => {
    const ID_OPERATIONS: {
      name: string;
      query: string;
      variables: (id: string) => Record<string, unknown>;
    }[] = [
      {
        name: 'apiKey',
        query: 'query Q($id: ID!) { apiKey(id: $id) { id } }',
        variables: (id) => ({ id }),
      },
      {
        name: 'updateApiKey',
        query:
          'mutation M($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { id } } }',
        variables: (id) => ({ input: { id, name: 'Hijacked', roleIds: [], active: false } }),
      },
      {
        name: 'activateApiKey',
        query:
          'mutation M($input: ActivateApiKeyInput!) { activateApiKey(input: $input) { apiKey { id } } }',
        variables: (id) => ({ input: { id } }),
      },
      {
        name: 'deactivateApiKey',
        query:
          'mutation M($input: DeactivateApiKeyInput!) { deactivateApiKey(input: $input) { apiKey { id } } }',
        variables: (id) => ({ input: { id } }),
      },
      {
        name: 'deleteApiKey',
        query:
          'mutation M($input: DeleteApiKeyInput!) { deleteApiKey(input: $input) { deletedApiKeyId } }',
        variables: (id) => ({ input: { id, confirm: true } }),
      },
    ];
    const callersWithRights: CallerName[] = ['owner', 'keyWithViewEdit'];

    it.each(
      ID_OPERATIONS.flatMap((operation) =>
        callersWithRights.map((caller) => ({ operation, caller })),
      ),
    )('$operation.name as $caller', async ({ operation, caller }) => {
      for (const id of [otherKeyId, inactiveOtherKeyId]) {
        const before = await keyState(world.server, id);
        const audit = (await auditEvents(world.server, world.callers.otherAccountOwner.accountId))
          .length;
        const result = await world.server.graphql(
          operation.query,
          operation.variables(id),
          world.callers[caller].credentials,
        );
        expect(errorCode(result)).toBe('NOT_FOUND');
        expect(await keyState(world.server, id)).toEqual(before);
        expect(before.key).not.toBeNull();
        expect(
          (await auditEvents(world.server, world.callers.otherAccountOwner.accountId)).length,
        ).toBe(audit);
      }
    });

    it('an unknown id answers exactly like a foreign one', async () => {
      const query = 'query Q($id: ID!) { apiKey(id: $id) { id } }';
      const credentials = world.callers.owner.credentials;
      const foreign = await world.server.graphql(query, { id: otherKeyId }, credentials);
      const unknown = await world.server.graphql(
        query,
        { id: '00000000-0000-4000-8000-000000000000' },
        credentials,
      );
      expect(foreign.errors?.[0]?.extensions).toEqual(unknown.errors?.[0]?.extensions);
      expect(foreign.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    });

    it.each(callersWithRights)(
      "generateApiKey with another account's role as %s",
      async (caller) => {
        const before = await keyCount(world.server, world.mainAccountId);
        const result = await world.server.graphql(
          'mutation G($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token } }',
          { input: { name: uniqueName('Foreign role'), roleIds: [otherRoleId] } },
          world.callers[caller].credentials,
        );
        expect(errorCode(result)).toBe('NOT_FOUND');
        expect(await keyCount(world.server, world.mainAccountId)).toBe(before);
      },
    );

    it.each(callersWithRights)("updateApiKey with another account's role as %s", async (caller) => {
      const before = await keyState(world.server, ownKeyId);
      const result = await world.server.graphql(
        'mutation U($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { id } } }',
        { input: { id: ownKeyId, name: uniqueName('Changed'), roleIds: [otherRoleId] } },
        world.callers[caller].credentials,
      );
      expect(errorCode(result)).toBe('NOT_FOUND');
      expect(await keyState(world.server, ownKeyId)).toEqual(before);
    });

    it("switchAccount to an account the user is not a member of, and the session's account stays", async () => {
      const owner = world.callers.owner;
      const otherAccountId = world.callers.otherAccountOwner.accountId;
      const result = await world.server.graphql(
        'mutation S($input: SwitchAccountInput!) { switchAccount(input: $input) { me { account { id } } } }',
        { input: { accountId: otherAccountId } },
        owner.credentials,
      );
      expect(errorCode(result)).toBe('NOT_FOUND');
      const me = await world.server.graphql<{ me: { account: { id: string } } }>(
        '{ me { account { id } } }',
        {},
        owner.credentials,
      );
      expect(me.data?.me.account.id).toBe(world.mainAccountId);
    });
  });
});
