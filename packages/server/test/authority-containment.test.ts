import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Membership } from '../src/modules/accounts/membership.entity.js';
import { defaultSettings } from '../src/modules/settings/api-key-settings.entity.js';
import { Resources } from '../src/modules/roles/resource-catalog.js';
import type { Role } from '../src/modules/roles/role.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, PASSWORD } from './support/fixtures.js';
import { keyState, userWithResources } from './support/state.js';
import { TestServer, type Credentials } from './support/test-server.js';

/** Issue 12, items 1-3: each way a narrow principal reached a wider one, refused. */

const RENEW = /* GraphQL */ `
  mutation Renew($input: RenewApiTokenInput!) {
    renewApiToken(input: $input) {
      token
    }
  }
`;
const LINK = /* GraphQL */ `
  mutation Link($input: CreateSingleAccessLinkInput!) {
    createSingleAccessLink(input: $input) {
      path
    }
  }
`;
const UPDATE_KEY = /* GraphQL */ `
  mutation UpdateKey($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      apiKey {
        id
      }
    }
  }
`;
const DEACTIVATE = /* GraphQL */ `
  mutation Deactivate($id: ID!) {
    deactivateApiKey(input: { id: $id }) {
      apiKey {
        status
      }
    }
  }
`;
const SETTINGS = /* GraphQL */ `
  query Settings {
    apiKeySettings {
      webhookUrl
      hasWebhookSigningSecret
      webhookSigningSecret
    }
  }
`;
const UPDATE_MEMBER = /* GraphQL */ `
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      member {
        id
      }
    }
  }
`;
const REMOVE_MEMBER = /* GraphQL */ `
  mutation RemoveMember($id: ID!) {
    removeMember(input: { id: $id }) {
      removedMemberId
    }
  }
`;
const UPDATE_ROLE = /* GraphQL */ `
  mutation UpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      role {
        id
      }
    }
  }
`;
const DELETE_ROLE = /* GraphQL */ `
  mutation DeleteRole($id: ID!) {
    deleteRole(input: { id: $id }) {
      deletedRoleId
    }
  }
`;
const ADD_EXTERNAL = /* GraphQL */ `
  mutation AddExternal($input: AddExternalKeyInput!) {
    addExternalKey(input: $input) {
      externalKey {
        id
      }
    }
  }
`;

describe.each(testDatabases)('authority containment on $name', (database) => {
  let server: TestServer;
  let demo: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;
  let ownerKey: Awaited<ReturnType<typeof generateKey>>;

  const role = (key: string) => demo.roles.get(key) as Role;
  const keyHolding = async (name: string, resources: string[]) => {
    const custom = await server.createRole(demo.account.id, `Only ${name}`, resources);
    const key = await generateKey(server, demo.cookie, name, [custom.id]);
    return { key: key.apiKey.key, token: key.token } satisfies Credentials;
  };
  /** A partner's key granted these resources in demo (the External tab). */
  const externalKeyHolding = async (name: string, resources: string[]) => {
    const custom = await server.createRole(demo.account.id, `External ${name}`, resources);
    const key = await generateKey(server, partner.cookie, name);
    const added = await server.graphql(
      ADD_EXTERNAL,
      { input: { key: key.apiKey.key, roleIds: [custom.id] } },
      { cookie: demo.cookie },
    );
    expect(added.errors).toBeUndefined();
    return {
      key: key.apiKey.key,
      token: key.token,
      headers: { 'X-Account': 'demo' },
    } satisfies Credentials;
  };

  beforeAll(async () => {
    server = await TestServer.start(database);
    demo = await accountWithOwner(server, 'demo');
    partner = await accountWithOwner(server, 'partner');
    ownerKey = await generateKey(server, demo.cookie, 'Owner key', [role('owner').id]);
  });
  afterAll(async () => server.stop());

  it('1. a key holding only Renew API token cannot renew, or link, the Owner key', async () => {
    const renewer = await keyHolding('Renewer', [Resources.renewApiToken]);
    const before = await keyState(server, ownerKey.apiKey.id);

    const renewed = await server.graphql(
      RENEW,
      { input: { id: ownerKey.apiKey.id, oldToken: 'KEEP_UNTIL_DELETED' } },
      renewer,
    );
    expect(errorCode(renewed)).toBe('FORBIDDEN');
    expect(renewed.data).toBeNull();
    expect(renewed.errors?.[0]?.message).toMatch(/Edit users/);
    expect(renewed.errors?.[0]?.extensions).toMatchObject({
      missingResources: expect.arrayContaining([Resources.editUsers, Resources.editApiKeys]),
    });

    const linked = await server.graphql(
      LINK,
      { input: { apiKeyId: ownerKey.apiKey.id, token: ownerKey.token } },
      renewer,
    );
    expect(errorCode(linked)).toBe('FORBIDDEN');
    expect(await keyState(server, ownerKey.apiKey.id)).toEqual(before);
  });

  it('1. a key holding only Renew API token cannot renew, link or deactivate an own key that is Owner in another account', async () => {
    // The token works wherever the key is granted: what it holds there counts too.
    const integration = await generateKey(server, demo.cookie, 'Partner integration');
    const partnerOwner = partner.roles.get('owner') as Role;
    const granted = await server.graphql(
      ADD_EXTERNAL,
      { input: { key: integration.apiKey.key, roleIds: [partnerOwner.id] } },
      { cookie: partner.cookie },
    );
    expect(granted.errors).toBeUndefined();
    const renewer = await keyHolding('Renewer abroad', [
      Resources.renewApiToken,
      Resources.editApiKeys,
      Resources.viewApiKeys,
    ]);
    const before = await keyState(server, integration.apiKey.id);

    const renewed = await server.graphql(
      RENEW,
      { input: { id: integration.apiKey.id, oldToken: 'KEEP_UNTIL_DELETED' } },
      renewer,
    );
    expect(errorCode(renewed)).toBe('FORBIDDEN');
    expect(renewed.errors?.[0]?.message).toMatch(/Edit users/);
    const linked = await server.graphql(
      LINK,
      { input: { apiKeyId: integration.apiKey.id, token: integration.token } },
      renewer,
    );
    expect(errorCode(linked)).toBe('FORBIDDEN');
    const deactivated = await server.graphql(DEACTIVATE, { id: integration.apiKey.id }, renewer);
    expect(errorCode(deactivated)).toBe('FORBIDDEN');
    expect(await keyState(server, integration.apiKey.id)).toEqual(before);

    // The SPA is told the same, and the account's Owner still renews it.
    const lacks = await server.graphql<{ apiKey: { viewerLacks: { key: string }[] } }>(
      'query Lacks($id: ID!) { apiKey(id: $id) { viewerLacks { key } } }',
      { id: integration.apiKey.id },
      renewer,
    );
    expect(lacks.data?.apiKey.viewerLacks.map((resource) => resource.key)).toContain(
      Resources.editUsers,
    );
    const byOwner = await server.graphql(
      RENEW,
      { input: { id: integration.apiKey.id, oldToken: 'DELETE_NOW' } },
      { cookie: demo.cookie },
    );
    expect(byOwner.errors).toBeUndefined();
  });

  it('1. the same key still renews a key holding no more than itself', async () => {
    const renewer = await keyHolding('Renewer of peers', [Resources.renewApiToken]);
    const peer = await generateKey(server, demo.cookie, 'Peer with no roles');
    const renewed = await server.graphql(
      RENEW,
      { input: { id: peer.apiKey.id, oldToken: 'DELETE_NOW' } },
      renewer,
    );
    expect(renewed.errors).toBeUndefined();
  });

  it('2. the webhook signing secret is read only by holders of Edit API Keys settings', async () => {
    // Written directly: the webhook egress policy is tested on its own.
    const secret = 'ab'.repeat(32);
    await server.dataSource.manager.save(
      Object.assign(defaultSettings(demo.account.id), {
        webhookUrl: 'https://hooks.example.com/keyward',
        webhookSigningSecret: secret,
      }),
    );
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    const viewer = await userWithResources(server, demo.account.id, 'viewer@demo.test', [
      Resources.viewApiKeys,
    ]);
    const readOnlyExternal = await externalKeyHolding('Partner reader', [Resources.viewApiKeys]);
    const settingsAdmin = await keyHolding('Settings admin', [Resources.editApiKeysSettings]);
    for (const credentials of [{ cookie: viewer.cookie }, readOnlyExternal]) {
      const seen = await server.graphql(SETTINGS, {}, credentials);
      expect(seen.errors).toBeUndefined();
      expect(seen.data).toEqual({
        apiKeySettings: {
          webhookUrl: 'https://hooks.example.com/keyward',
          hasWebhookSigningSecret: true,
          webhookSigningSecret: null,
        },
      });
    }
    const admin = await server.graphql(SETTINGS, {}, settingsAdmin);
    expect(admin.data).toMatchObject({ apiKeySettings: { webhookSigningSecret: secret } });
  });

  it('3. a member holding only Edit users can neither demote nor remove an Owner', async () => {
    const secondOwner = await server.createUser('second-owner@demo.test', PASSWORD, [
      { accountId: demo.account.id, roles: [role('owner')] },
    ]);
    const membership = await server.dataSource.manager.findOneByOrFail(Membership, {
      userId: secondOwner.id,
      accountId: demo.account.id,
    });
    const userAdmin = await userWithResources(server, demo.account.id, 'users@demo.test', [
      Resources.editUsers,
      Resources.viewUsers,
    ]);
    const demoted = await server.graphql(
      UPDATE_MEMBER,
      { input: { id: membership.id, roleIds: [] } },
      { cookie: userAdmin.cookie },
    );
    expect(errorCode(demoted)).toBe('FORBIDDEN');
    const removed = await server.graphql(
      REMOVE_MEMBER,
      { id: membership.id },
      { cookie: userAdmin.cookie },
    );
    expect(errorCode(removed)).toBe('FORBIDDEN');
    expect(await server.dataSource.manager.existsBy(Membership, { id: membership.id })).toBe(true);
  });

  it('3. a member, a key and an external key holding only Edit API Keys cannot strip or deactivate the Owner key', async () => {
    const editor = await userWithResources(server, demo.account.id, 'editor@demo.test', [
      Resources.editApiKeys,
    ]);
    const callers: Credentials[] = [
      { cookie: editor.cookie },
      await keyHolding('Key editor', [Resources.editApiKeys]),
      await externalKeyHolding('Partner editor', [Resources.editApiKeys]),
    ];
    const before = await keyState(server, ownerKey.apiKey.id);
    for (const credentials of callers) {
      const stripped = await server.graphql(
        UPDATE_KEY,
        { input: { id: ownerKey.apiKey.id, roleIds: [] } },
        credentials,
      );
      expect(errorCode(stripped)).toBe('FORBIDDEN');
      const deactivated = await server.graphql(DEACTIVATE, { id: ownerKey.apiKey.id }, credentials);
      expect(errorCode(deactivated)).toBe('FORBIDDEN');
    }
    expect(await keyState(server, ownerKey.apiKey.id)).toEqual(before);
  });

  it('3. a member holding only Edit roles can neither strip nor delete a role holding more', async () => {
    const strong = await server.createRole(demo.account.id, 'Strong role', [
      Resources.editRoles,
      Resources.editUsers,
      'orders:edit-orders',
    ]);
    const roleAdmin = await userWithResources(server, demo.account.id, 'roles@demo.test', [
      Resources.editRoles,
    ]);
    const stripped = await server.graphql(
      UPDATE_ROLE,
      { input: { id: strong.id, resourceKeys: [Resources.editRoles] } },
      { cookie: roleAdmin.cookie },
    );
    expect(errorCode(stripped)).toBe('FORBIDDEN');
    expect(stripped.errors?.[0]?.message).toMatch(/Edit users and Orders > Edit orders/);
    const deleted = await server.graphql(
      DELETE_ROLE,
      { id: strong.id },
      { cookie: roleAdmin.cookie },
    );
    expect(errorCode(deleted)).toBe('FORBIDDEN');
  });

  it('names, in plain words, what a principal would hold that the caller lacks', async () => {
    // A caller holding the four key resources, View/Edit users and Edit roles, but not Edit orders.
    const granted = [
      Resources.viewApiKeys,
      Resources.editApiKeys,
      Resources.viewUsers,
      Resources.editUsers,
      Resources.editRoles,
    ];
    const admin = await userWithResources(server, demo.account.id, 'wider@demo.test', granted);
    const ordersRole = await server.createRole(demo.account.id, 'Orders editor', [
      'orders:edit-orders',
    ]);
    const member = await server.createUser('plain-member@demo.test', PASSWORD, [
      { accountId: demo.account.id, roles: [] },
    ]);
    const membership = await server.dataSource.manager.findOneByOrFail(Membership, {
      userId: member.id,
      accountId: demo.account.id,
    });
    const partnerKey = await generateKey(server, partner.cookie, 'Partner plain');
    const plainKey = await generateKey(server, demo.cookie, 'Plain target');
    const invited = await server.graphql<{ inviteMember: { invitation: { id: string } } }>(
      'mutation { inviteMember(input: { email: "orders@demo.test", roleIds: ["' +
        ordersRole.id +
        '"] }) { invitation { id } } }',
      {},
      { cookie: demo.cookie },
    );
    expect(invited.errors).toBeUndefined();
    const attempts: [string, string, Record<string, unknown>][] = [
      [
        'generateApiKey',
        'mutation M($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token } }',
        { name: 'Orders key', roleIds: [ordersRole.id] },
      ],
      [
        'updateApiKey',
        'mutation M($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { id } } }',
        { id: plainKey.apiKey.id, roleIds: [ordersRole.id] },
      ],
      [
        'addExternalKey',
        'mutation M($input: AddExternalKeyInput!) { addExternalKey(input: $input) { externalKey { id } } }',
        { key: partnerKey.apiKey.key, roleIds: [ordersRole.id] },
      ],
      [
        'updateMember',
        'mutation M($input: UpdateMemberInput!) { updateMember(input: $input) { member { id } } }',
        { id: membership.id, roleIds: [ordersRole.id] },
      ],
      [
        'inviteMember',
        'mutation M($input: InviteMemberInput!) { inviteMember(input: $input) { invitationPath } }',
        { email: 'someone@demo.test', roleIds: [ordersRole.id] },
      ],
      [
        'revokeInvitation',
        'mutation M($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { revokedInvitationId } }',
        { id: invited.data?.inviteMember.invitation.id },
      ],
      [
        'createRole',
        'mutation M($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }',
        { name: 'Wider role', resourceKeys: [Resources.editRoles, 'orders:edit-orders'] },
      ],
    ];
    for (const [name, query, input] of attempts) {
      const refused = await server.graphql(query, { input }, { cookie: admin.cookie });
      expect(errorCode(refused), name).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message, name).toMatch(/Orders > Edit orders/);
      expect(refused.errors?.[0]?.extensions, name).toMatchObject({
        missingResources: ['orders:edit-orders'],
      });
    }
  });

  it('tells the viewer, per principal, which resources it lacks to act on it', async () => {
    const editor = await userWithResources(server, demo.account.id, 'lacks@demo.test', [
      Resources.editApiKeys,
      Resources.viewApiKeys,
    ]);
    const plain = await generateKey(server, demo.cookie, 'Plain key');
    const lacks = await server.graphql<{
      owner: { viewerLacks: { key: string }[] };
      plain: { viewerLacks: { key: string }[] };
    }>(
      `query Lacks($owner: ID!, $plain: ID!) {
        owner: apiKey(id: $owner) { viewerLacks { key } }
        plain: apiKey(id: $plain) { viewerLacks { key } }
      }`,
      { owner: ownerKey.apiKey.id, plain: plain.apiKey.id },
      { cookie: editor.cookie },
    );
    expect(lacks.errors).toBeUndefined();
    expect(lacks.data?.owner.viewerLacks.map((resource) => resource.key)).toContain(
      Resources.editUsers,
    );
    expect(lacks.data?.owner.viewerLacks.map((resource) => resource.key)).not.toContain(
      Resources.editApiKeys,
    );
    expect(lacks.data?.plain.viewerLacks).toEqual([]);
  });
});
