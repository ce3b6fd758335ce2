import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, PASSWORD } from './support/fixtures.js';
import { userWithResources } from './support/state.js';
import { TestServer } from './support/test-server.js';

const CREATE_ROLE = /* GraphQL */ `
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      role {
        id
        name
        predefined
        resources {
          key
        }
      }
    }
  }
`;
const UPDATE_ROLE =
  'mutation($input: UpdateRoleInput!) { updateRole(input: $input) { role { name resources { key } } } }';
const DELETE_ROLE = 'mutation($id: ID!) { deleteRole(input: { id: $id }) { deletedRoleId } }';
const INVITE_MEMBER = /* GraphQL */ `
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitationPath
      invitation {
        id
        email
        roles {
          name
        }
      }
    }
  }
`;
const SET_PASSWORD =
  'mutation($t: String!, $p: String!) { setPassword(input: { token: $t, password: $p }) { passwordSet email } }';
const UPDATE_MEMBER =
  'mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { roles { name } } } }';
const REMOVE_MEMBER = 'mutation($id: ID!) { removeMember(input: { id: $id }) { removedMemberId } }';
const MEMBERS = '{ members { id user { email } roles { name } } }';

describe.each(testDatabases)('roles and members on $name', (database) => {
  let server: TestServer;
  let acme: Awaited<ReturnType<typeof accountWithOwner>>;
  let other: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    acme = await accountWithOwner(server, 'acme');
    other = await accountWithOwner(server, 'other');
  });
  afterAll(async () => server.stop());

  it('creates, renames and re-scopes custom roles with unique names', async () => {
    const created = await server.graphql<{
      createRole: { role: { id: string; predefined: boolean } };
    }>(
      CREATE_ROLE,
      { input: { name: 'Order viewer', resourceKeys: ['orders:view-orders'] } },
      { cookie: acme.cookie },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createRole.role.predefined).toBe(false);
    const id = created.data!.createRole.role.id;
    const duplicate = await server.graphql(
      CREATE_ROLE,
      { input: { name: 'ORDER VIEWER', resourceKeys: [] } },
      { cookie: acme.cookie },
    );
    expect(duplicate.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'name' });
    const unknownResource = await server.graphql(
      CREATE_ROLE,
      { input: { name: 'Bad', resourceKeys: ['orders:fly'] } },
      { cookie: acme.cookie },
    );
    expect(unknownResource.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'resourceKeys',
    });
    const updated = await server.graphql(
      UPDATE_ROLE,
      { input: { id, name: 'Orders', resourceKeys: ['orders:view-orders', 'orders:edit-orders'] } },
      { cookie: acme.cookie },
    );
    expect(updated.data).toEqual({
      updateRole: {
        role: {
          name: 'Orders',
          resources: [{ key: 'orders:view-orders' }, { key: 'orders:edit-orders' }],
        },
      },
    });
    // Another account's owner cannot see or touch it.
    expect(
      errorCode(
        await server.graphql(
          UPDATE_ROLE,
          { input: { id, name: 'Hijacked' } },
          { cookie: other.cookie },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await server.graphql(DELETE_ROLE, { id }, { cookie: other.cookie }))).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps predefined roles read-only', async () => {
    const owner = acme.roles.get('owner')!.id;
    expect(
      errorCode(
        await server.graphql(
          UPDATE_ROLE,
          { input: { id: owner, name: 'Mine' } },
          { cookie: acme.cookie },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await server.graphql(DELETE_ROLE, { id: owner }, { cookie: acme.cookie })),
    ).toBe('FORBIDDEN');
  });

  it('refuses to delete a role someone holds, saying how many hold it', async () => {
    const role = await server.graphql<{ createRole: { role: { id: string } } }>(
      CREATE_ROLE,
      { input: { name: 'Held role', resourceKeys: ['license-manager:view-api-keys'] } },
      { cookie: acme.cookie },
    );
    const roleId = role.data!.createRole.role.id;
    const key = await generateKey(server, acme.cookie, 'Holder', [roleId]);
    const refused = await server.graphql(DELETE_ROLE, { id: roleId }, { cookie: acme.cookie });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('0 users and 1 API key');
    await server.graphql(
      'mutation($id: ID!) { deleteApiKey(input: { id: $id, confirm: true }) { deletedApiKeyId } }',
      { id: key.apiKey.id },
      { cookie: acme.cookie },
    );
    expect(
      (await server.graphql(DELETE_ROLE, { id: roleId }, { cookie: acme.cookie })).errors,
    ).toBeUndefined();
  });

  it('refuses every privilege escalation: roles, keys and members beyond what the caller holds', async () => {
    const admin = await userWithResources(server, acme.account.id, 'limited@acme.test', [
      'license-manager:view-api-keys',
      'license-manager:edit-api-keys',
      'license-manager:edit-roles',
      'license-manager:view-users',
      'license-manager:edit-users',
    ]);
    const ownerRole = acme.roles.get('owner')!.id;
    // A role with more than the caller holds.
    expect(
      errorCode(
        await server.graphql(
          CREATE_ROLE,
          { input: { name: 'Sneaky', resourceKeys: ['orders:edit-orders'] } },
          { cookie: admin.cookie },
        ),
      ),
    ).toBe('FORBIDDEN');
    // Widening an existing role the caller may edit.
    expect(
      errorCode(
        await server.graphql(
          UPDATE_ROLE,
          { input: { id: admin.role.id, resourceKeys: ['license-manager:renew-api-token'] } },
          { cookie: admin.cookie },
        ),
      ),
    ).toBe('FORBIDDEN');
    // A key holding Owner.
    expect(
      errorCode(
        await server.graphql(
          'mutation($r: [ID!]!) { generateApiKey(input: { name: "Escalate", roleIds: $r }) { token } }',
          { r: [ownerRole] },
          { cookie: admin.cookie },
        ),
      ),
    ).toBe('FORBIDDEN');
    // A member holding Owner, new or existing.
    expect(
      errorCode(
        await server.graphql(
          INVITE_MEMBER,
          { input: { email: 'friend@acme.test', roleIds: [ownerRole] } },
          { cookie: admin.cookie },
        ),
      ),
    ).toBe('FORBIDDEN');
    const self = (
      await server.graphql<{ members: { id: string; user: { email: string } }[] }>(
        MEMBERS,
        {},
        { cookie: admin.cookie },
      )
    ).data!.members.find((member) => member.user.email === 'limited@acme.test')!;
    expect(
      errorCode(
        await server.graphql(
          UPDATE_MEMBER,
          { input: { id: self.id, roleIds: [ownerRole] } },
          { cookie: admin.cookie },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('invites a new person, who chooses a password through the single-use link and joins', async () => {
    const viewer = acme.roles.get('api-keys-read-only')!.id;
    const invited = await server.graphql<{
      inviteMember: { invitationPath: string; invitation: { roles: { name: string }[] } };
    }>(
      INVITE_MEMBER,
      { input: { email: 'New.Person@Acme.test', roleIds: [viewer] } },
      { cookie: acme.cookie },
    );
    expect(invited.errors).toBeUndefined();
    const path = invited.data!.inviteMember.invitationPath;
    expect(path).toMatch(/^\/invitation#[\w-]{43}$/);
    const secret = path.split('#')[1]!;
    // Nobody joins before accepting.
    const early = await server.graphql(
      'mutation($p: String!) { signIn(input: { email: "new.person@acme.test", password: $p }) { me { kind } } }',
      { p: PASSWORD },
    );
    expect(errorCode(early)).toBe('UNAUTHENTICATED');
    const tooShort = await server.graphql(SET_PASSWORD, { t: secret, p: 'short' });
    expect(tooShort.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    const set = await server.graphql(SET_PASSWORD, { t: secret, p: PASSWORD });
    expect(set.data).toEqual({
      setPassword: { passwordSet: true, email: 'new.person@acme.test' },
    });
    const again = await server.graphql(SET_PASSWORD, { t: secret, p: PASSWORD });
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    const cookie = await server.signIn('new.person@acme.test', PASSWORD);
    const me = await server.graphql<{ me: { resources: string[] } }>(
      '{ me { resources } }',
      {},
      { cookie },
    );
    expect(me.data!.me.resources).toEqual(['license-manager:view-api-keys']);

    const duplicate = await server.graphql(
      INVITE_MEMBER,
      { input: { email: 'new.person@acme.test', roleIds: [] } },
      { cookie: acme.cookie },
    );
    expect(duplicate.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'email' });

    // Removing them ends their session here.
    const memberId = (
      await server.graphql<{ members: { id: string; user: { email: string } }[] }>(
        MEMBERS,
        {},
        { cookie: acme.cookie },
      )
    ).data!.members.find((member) => member.user.email === 'new.person@acme.test')!.id;
    expect(
      errorCode(await server.graphql(REMOVE_MEMBER, { id: memberId }, { cookie: other.cookie })),
    ).toBe('NOT_FOUND');
    expect(
      (await server.graphql(REMOVE_MEMBER, { id: memberId }, { cookie: acme.cookie })).errors,
    ).toBeUndefined();
    expect(errorCode(await server.graphql('{ me { kind } }', {}, { cookie }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('never lets the last owner be demoted or removed', async () => {
    const members = (
      await server.graphql<{ members: { id: string; user: { email: string } }[] }>(
        MEMBERS,
        {},
        { cookie: other.cookie },
      )
    ).data!.members;
    const owner = members.find((member) => member.user.email === other.email)!;
    const demote = await server.graphql(
      UPDATE_MEMBER,
      { input: { id: owner.id, roleIds: [] } },
      { cookie: other.cookie },
    );
    expect(errorCode(demote)).toBe('CONFLICT');
    expect(
      errorCode(await server.graphql(REMOVE_MEMBER, { id: owner.id }, { cookie: other.cookie })),
    ).toBe('CONFLICT');
    // With a second owner who can sign in, the first can step down.
    const second = await server.graphql<{ inviteMember: { invitationPath: string } }>(
      INVITE_MEMBER,
      { input: { email: 'second-owner@other.test', roleIds: [other.roles.get('owner')!.id] } },
      { cookie: other.cookie },
    );
    expect(second.errors).toBeUndefined();
    const accepted = await server.graphql(SET_PASSWORD, {
      t: second.data!.inviteMember.invitationPath.split('#')[1],
      p: PASSWORD,
    });
    expect(accepted.errors).toBeUndefined();
    const stepDown = await server.graphql(
      UPDATE_MEMBER,
      { input: { id: owner.id, roleIds: [other.roles.get('api-keys-read-only')!.id] } },
      { cookie: other.cookie },
    );
    expect(stepDown.data).toEqual({
      updateMember: { member: { roles: [{ name: 'API Keys - Read only' }] } },
    });
  });

  it('guards members and roles by the user and role resources', async () => {
    const keysOnly = await userWithResources(server, acme.account.id, 'keys-only@acme.test', [
      'license-manager:view-api-keys',
    ]);
    expect(errorCode(await server.graphql(MEMBERS, {}, { cookie: keysOnly.cookie }))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(
        await server.graphql(
          INVITE_MEMBER,
          { input: { email: 'x@acme.test', roleIds: [] } },
          { cookie: keysOnly.cookie },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await server.graphql(
          CREATE_ROLE,
          { input: { name: 'Nope', resourceKeys: [] } },
          { cookie: keysOnly.cookie },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await server.graphql(MEMBERS))).toBe('UNAUTHENTICATED');
  });

  it('keeps one owner when the only two owners demote each other at the same moment', async () => {
    const duo = await accountWithOwner(server, 'duo');
    const ownerRole = duo.roles.get('owner')!;
    const viewer = duo.roles.get('api-keys-read-only')!.id;
    await server.createUser('second@duo.test', PASSWORD, [
      { accountId: duo.account.id, roles: [ownerRole] },
    ]);
    const secondCookie = await server.signIn('second@duo.test', PASSWORD);
    const members = (
      await server.graphql<{ members: { id: string; user: { email: string } }[] }>(
        MEMBERS,
        {},
        { cookie: duo.cookie },
      )
    ).data!.members;
    const idOf = (email: string) => members.find((member) => member.user.email === email)!.id;
    // Each owner demotes the other, at once.
    const results = await Promise.all([
      server.graphql(
        UPDATE_MEMBER,
        { input: { id: idOf('second@duo.test'), roleIds: [viewer] } },
        { cookie: duo.cookie },
      ),
      server.graphql(
        UPDATE_MEMBER,
        { input: { id: idOf(duo.email), roleIds: [viewer] } },
        { cookie: secondCookie },
      ),
    ]);
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const owners = (await server.dataSource.query(
      `SELECT COUNT(*) AS n FROM membership_roles mr INNER JOIN memberships m ON m.id = mr.membershipId
         WHERE m.accountId = ? AND mr.roleId = ?`,
      [duo.account.id, ownerRole.id],
    )) as { n: number | string }[];
    expect(Number(owners[0]!.n)).toBe(1);
  });
});
