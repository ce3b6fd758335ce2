import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Membership } from '../src/modules/accounts/membership.entity.js';
import { keywardSchema } from '../src/schema.js';
import { PREDEFINED_ROLES, RESOURCES, Resources } from '../src/modules/roles/resource-catalog.js';
import type { Role } from '../src/modules/roles/role.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey, PASSWORD } from './support/fixtures.js';
import { TestServer, type Credentials, type GraphQLResult } from './support/test-server.js';

/**
 * SPEC 5, "hold what you touch": for every mutation that touches a principal, every kind of
 * caller (member, own key, external key) holding each single resource and each predefined
 * role, against targets holding less than, the same as, and more than the caller. A cell is
 * allowed exactly when the caller holds the operation's resource and every resource the
 * target holds (or would hold). Generated from the catalogue; a new mutation must be listed.
 */

type Level = 'less' | 'same' | 'more';
const LEVELS: Level[] = ['less', 'same', 'more'];
type CallerKind = 'member' | 'own-key' | 'external-key';
const CALLER_KINDS: CallerKind[] = ['member', 'own-key', 'external-key'];

interface Profile {
  name: string;
  resources: string[];
}
const PROFILES: Profile[] = [
  ...RESOURCES.map((resource) => ({ name: resource.key, resources: [resource.key] })),
  ...PREDEFINED_ROLES.map((role) => ({ name: role.key, resources: [...role.resourceKeys] })),
];

interface MatrixCaller {
  kind: CallerKind;
  profile: Profile;
  credentials: Credentials;
}

/** What the target holds, for a caller holding `resources`; null when no such target exists. */
const targetResources = (resources: string[], level: Level): string[] | null => {
  if (level === 'less') return [];
  if (level === 'same') return resources;
  const extra = RESOURCES.find((resource) => !resources.includes(resource.key));
  return extra ? [...resources, extra.key] : null;
};

interface World {
  server: TestServer;
  ownerCookie: string;
  partnerCookie: string;
  accountId: string;
  /** A custom role of the main account holding exactly these resources (made once per set). */
  roleFor: (resources: string[]) => Promise<Role>;
}

interface Operation {
  /** The resource the operation itself requires. */
  gate: string;
  /** Makes a target holding `resources`; its id (or input) goes to run. */
  prepare: (world: World, resources: string[]) => Promise<Record<string, unknown>>;
  run: (
    world: World,
    credentials: Credentials,
    target: Record<string, unknown>,
  ) => Promise<GraphQLResult>;
}

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

const mutate = (name: string, inputType: string, selection: string) =>
  `mutation M($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`;

const keyTarget = async (world: World, resources: string[]) => {
  const role = await world.roleFor(resources);
  return generateKey(
    world.server,
    world.ownerCookie,
    unique('target key'),
    resources.length ? [role.id] : [],
  );
};

const asOwner = async (world: World, query: string, input: Record<string, unknown>) => {
  const result = await world.server.graphql(query, { input }, { cookie: world.ownerCookie });
  if (result.errors) throw new Error(`setup failed: ${JSON.stringify(result.errors)}`);
  return result;
};

const keyOperation = (
  name: string,
  inputType: string,
  selection: string,
  extra: Record<string, unknown> = {},
) =>
  ({
    gate: Resources.editApiKeys,
    prepare: async (world, resources) => ({
      id: (await keyTarget(world, resources)).apiKey.id,
      ...extra,
    }),
    run: ({ server }, credentials, target) =>
      server.graphql(mutate(name, inputType, selection), { input: target }, credentials),
  }) satisfies Operation;

const renewalOperation = (name: string, inputType: string) =>
  ({
    gate: Resources.renewApiToken,
    prepare: async (world, resources) => {
      const { apiKey } = await keyTarget(world, resources);
      await asOwner(world, mutate('renewApiToken', 'RenewApiTokenInput', 'token'), {
        id: apiKey.id,
        oldToken: 'KEEP_UNTIL_DELETED',
      });
      return { id: apiKey.id };
    },
    run: ({ server }, credentials, target) =>
      server.graphql(mutate(name, inputType, 'apiKey { id }'), { input: target }, credentials),
  }) satisfies Operation;

const externalTarget = async (world: World, resources: string[]) => {
  const partnerKey = await generateKey(world.server, world.partnerCookie, unique('partner key'));
  const role = await world.roleFor(resources);
  const added = await asOwner(
    world,
    mutate('addExternalKey', 'AddExternalKeyInput', 'externalKey { id }'),
    {
      key: partnerKey.apiKey.key,
      roleIds: resources.length ? [role.id] : [],
    },
  );
  return {
    id: (added.data as { addExternalKey: { externalKey: { id: string } } }).addExternalKey
      .externalKey.id,
    roleIds: resources.length ? [role.id] : [],
  };
};

const memberTarget = async (world: World, resources: string[]) => {
  const role = await world.roleFor(resources);
  const user = await world.server.createUser(
    `${unique('member').replace(' ', '-')}@matrix.test`,
    PASSWORD,
    [{ accountId: world.accountId, roles: resources.length ? [role] : [] }],
  );
  const membership = await world.server.dataSource.manager.findOneByOrFail(Membership, {
    userId: user.id,
    accountId: world.accountId,
  });
  return { id: membership.id, roleIds: resources.length ? [role.id] : [] };
};

/** Every mutation that creates, changes, renews, reveals, deactivates, deletes, demotes or removes a principal. */
const OPERATIONS: Record<string, Operation> = {
  generateApiKey: {
    gate: Resources.editApiKeys,
    prepare: async (world, resources) => ({
      name: unique('generated'),
      roleIds: resources.length ? [(await world.roleFor(resources)).id] : [],
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('generateApiKey', 'GenerateApiKeyInput', 'token'),
        { input },
        credentials,
      ),
  },
  updateApiKey: {
    ...keyOperation('updateApiKey', 'UpdateApiKeyInput', 'apiKey { id }'),
    // Stripping roles is the adversarial change: only the target's current roles are at stake.
    prepare: async (world, resources) => ({
      id: (await keyTarget(world, resources)).apiKey.id,
      name: unique('renamed'),
      roleIds: [],
    }),
  },
  activateApiKey: {
    ...keyOperation('activateApiKey', 'ActivateApiKeyInput', 'apiKey { id }'),
    prepare: async (world, resources) => {
      const { apiKey } = await keyTarget(world, resources);
      await asOwner(world, mutate('deactivateApiKey', 'DeactivateApiKeyInput', 'apiKey { id }'), {
        id: apiKey.id,
      });
      return { id: apiKey.id };
    },
  },
  deactivateApiKey: keyOperation('deactivateApiKey', 'DeactivateApiKeyInput', 'apiKey { id }'),
  deleteApiKey: keyOperation('deleteApiKey', 'DeleteApiKeyInput', 'deletedApiKeyId', {
    confirm: true,
  }),
  renewApiToken: {
    gate: Resources.renewApiToken,
    prepare: async (world, resources) => ({
      id: (await keyTarget(world, resources)).apiKey.id,
      oldToken: 'KEEP_UNTIL_DELETED',
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('renewApiToken', 'RenewApiTokenInput', 'token'),
        { input },
        credentials,
      ),
  },
  deleteOldToken: renewalOperation('deleteOldToken', 'DeleteOldTokenInput'),
  undoRenewal: renewalOperation('undoRenewal', 'UndoRenewalInput'),
  createSingleAccessLink: {
    gate: Resources.renewApiToken,
    prepare: async (world, resources) => {
      const { apiKey, token } = await keyTarget(world, resources);
      return { apiKeyId: apiKey.id, token };
    },
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('createSingleAccessLink', 'CreateSingleAccessLinkInput', 'path'),
        { input },
        credentials,
      ),
  },
  addExternalKey: {
    gate: Resources.editApiKeys,
    prepare: async (world, resources) => ({
      key: (await generateKey(world.server, world.partnerCookie, unique('partner key'))).apiKey.key,
      roleIds: resources.length ? [(await world.roleFor(resources)).id] : [],
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('addExternalKey', 'AddExternalKeyInput', 'externalKey { id }'),
        { input },
        credentials,
      ),
  },
  updateExternalKey: {
    gate: Resources.editApiKeys,
    prepare: async (world, resources) => ({
      id: (await externalTarget(world, resources)).id,
      roleIds: [],
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('updateExternalKey', 'UpdateExternalKeyInput', 'externalKey { id }'),
        { input },
        credentials,
      ),
  },
  removeExternalKey: {
    gate: Resources.editApiKeys,
    prepare: async (world, resources) => ({ id: (await externalTarget(world, resources)).id }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('removeExternalKey', 'RemoveExternalKeyInput', 'removedExternalKeyId'),
        { input },
        credentials,
      ),
  },
  inviteMember: {
    gate: Resources.editUsers,
    prepare: async (world, resources) => ({
      email: `${unique('invitee').replace(' ', '-')}@matrix.test`,
      roleIds: resources.length ? [(await world.roleFor(resources)).id] : [],
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('inviteMember', 'InviteMemberInput', 'invitationPath'),
        { input },
        credentials,
      ),
  },
  revokeInvitation: {
    gate: Resources.editUsers,
    prepare: async (world, resources) => {
      const invited = await asOwner(
        world,
        mutate('inviteMember', 'InviteMemberInput', 'invitation { id }'),
        {
          email: `${unique('pending').replace(' ', '-')}@matrix.test`,
          roleIds: resources.length ? [(await world.roleFor(resources)).id] : [],
        },
      );
      return {
        id: (invited.data as { inviteMember: { invitation: { id: string } } }).inviteMember
          .invitation.id,
      };
    },
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('revokeInvitation', 'RevokeInvitationInput', 'revokedInvitationId'),
        { input },
        credentials,
      ),
  },
  updateMember: {
    gate: Resources.editUsers,
    prepare: async (world, resources) => ({
      id: (await memberTarget(world, resources)).id,
      roleIds: [],
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('updateMember', 'UpdateMemberInput', 'member { id }'),
        { input },
        credentials,
      ),
  },
  removeMember: {
    gate: Resources.editUsers,
    prepare: async (world, resources) => ({ id: (await memberTarget(world, resources)).id }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('removeMember', 'RemoveMemberInput', 'removedMemberId'),
        { input },
        credentials,
      ),
  },
  createRole: {
    gate: Resources.editRoles,
    prepare: async (_world, resources) => ({
      name: unique('created role'),
      resourceKeys: resources,
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('createRole', 'CreateRoleInput', 'role { id }'),
        { input },
        credentials,
      ),
  },
  updateRole: {
    gate: Resources.editRoles,
    prepare: async (world, resources) => ({
      id: (await world.server.createRole(world.accountId, unique('target role'), resources)).id,
      name: unique('renamed role'),
      resourceKeys: [],
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('updateRole', 'UpdateRoleInput', 'role { id }'),
        { input },
        credentials,
      ),
  },
  deleteRole: {
    gate: Resources.editRoles,
    prepare: async (world, resources) => ({
      id: (await world.server.createRole(world.accountId, unique('target role'), resources)).id,
    }),
    run: ({ server }, credentials, input) =>
      server.graphql(
        mutate('deleteRole', 'DeleteRoleInput', 'deletedRoleId'),
        { input },
        credentials,
      ),
  },
};

/** Mutations that touch no principal of an account, and why. */
const NOT_PRINCIPAL_MUTATIONS: Record<string, string> = {
  signIn: 'authenticates the caller itself',
  signOut: 'ends the caller’s own session',
  switchAccount: 'moves the caller’s own session',
  setPassword: 'the link holder sets their own first password and joins as invited',
  acceptInvitation: 'the invited person accepts their own invitation',
  revealSingleAccessLink: 'public; the link was created under the rule',
  updateApiKeySettings: 'changes account settings, not a principal',
  createWebhookEndpoint: 'adds a webhook receiver to the account settings, not a principal',
  updateWebhookEndpoint: 'changes a webhook receiver, not a principal',
  deleteWebhookEndpoint: 'removes a webhook receiver, not a principal',
  resendWebhookDelivery: 'queues a webhook delivery again, not a principal',
};

describe('the authority matrix covers every mutation', () => {
  it('lists each mutation as touching a principal or not', async () => {
    const mutations = Object.keys((await keywardSchema()).getMutationType()!.getFields()).sort();
    const listed = [...Object.keys(OPERATIONS), ...Object.keys(NOT_PRINCIPAL_MUTATIONS)].sort();
    expect(listed).toEqual(mutations);
  });
});

describe.each(testDatabases)('hold what you touch on $name', (database) => {
  let world: World;
  let callers: MatrixCaller[];

  beforeAll(async () => {
    const server = await TestServer.start(database);
    const main = await accountWithOwner(server, 'main');
    const partner = await accountWithOwner(server, 'partner');
    const rolesBySet = new Map<string, Promise<Role>>();
    world = {
      server,
      ownerCookie: main.cookie,
      partnerCookie: partner.cookie,
      accountId: main.account.id,
      roleFor: (resources) => {
        const id = [...resources].sort().join(',');
        if (!rolesBySet.has(id))
          rolesBySet.set(
            id,
            server.createRole(main.account.id, `set ${rolesBySet.size}`, resources),
          );
        return rolesBySet.get(id)!;
      },
    };
    callers = [];
    for (const profile of PROFILES) {
      // Predefined profiles hold the predefined role itself; single resources a custom role.
      const role = main.roles.get(profile.name) ?? (await world.roleFor(profile.resources));
      const email = `${profile.name.replace(/[^a-z-]/g, '-')}@callers.test`;
      await server.createUser(email, PASSWORD, [{ accountId: main.account.id, roles: [role] }]);
      callers.push({
        kind: 'member',
        profile,
        credentials: { cookie: await server.signIn(email, PASSWORD) },
      });
      const own = await generateKey(server, main.cookie, `caller ${profile.name}`, [role.id]);
      callers.push({
        kind: 'own-key',
        profile,
        credentials: { key: own.apiKey.key, token: own.token },
      });
      const foreign = await generateKey(server, partner.cookie, `caller ${profile.name}`);
      await asOwner(world, mutate('addExternalKey', 'AddExternalKeyInput', 'externalKey { id }'), {
        key: foreign.apiKey.key,
        roleIds: [role.id],
      });
      callers.push({
        kind: 'external-key',
        profile,
        credentials: {
          key: foreign.apiKey.key,
          token: foreign.token,
          headers: { 'X-Account': 'main' },
        },
      });
    }
    expect(callers).toHaveLength(PROFILES.length * CALLER_KINDS.length);
  }, 300_000);
  afterAll(async () => world.server.stop());

  it.each(Object.keys(OPERATIONS))(
    '%s: allowed exactly when the caller holds what it touches',
    async (name) => {
      const operation = OPERATIONS[name]!;
      // Refused cells share one target per resource set: a refusal changes nothing.
      const sharedTargets = new Map<string, Promise<Record<string, unknown>>>();
      const mismatches: string[] = [];
      let allowedCells = 0;
      for (const caller of callers) {
        for (const level of LEVELS) {
          const resources = targetResources(caller.profile.resources, level);
          if (!resources) continue;
          const allowed = caller.profile.resources.includes(operation.gate) && level !== 'more';
          let target: Record<string, unknown>;
          if (allowed) {
            allowedCells += 1;
            target = await operation.prepare(world, resources);
          } else {
            const id = [...resources].sort().join(',');
            if (!sharedTargets.has(id)) sharedTargets.set(id, operation.prepare(world, resources));
            target = await sharedTargets.get(id)!;
          }
          const result = await operation.run(world, caller.credentials, target);
          const outcome = result.errors ? (result.errors[0]?.extensions?.code ?? 'ERROR') : 'OK';
          const expected = allowed ? 'OK' : 'FORBIDDEN';
          if (outcome !== expected) {
            mismatches.push(
              `${caller.kind} holding ${caller.profile.name} on a target holding ${level}: ${outcome}, expected ${expected}`,
            );
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(allowedCells).toBeGreaterThan(0);
    },
    300_000,
  );
});
