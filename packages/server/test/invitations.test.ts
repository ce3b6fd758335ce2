import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/common/ids.js';
import { DataSource } from 'typeorm';
import { createDataSource, dataSourceOptions } from '../src/db/data-source.js';
import { migrate } from '../src/db/migrate.js';
import { Invitations1764000000000 } from '../src/db/migrations/1764000000000-invitations.js';
import { migrations } from '../src/db/migrations/index.js';
import { addMember, createAccount } from '../src/modules/accounts/account.service.js';
import { DUMMY_PASSWORD_HASH, hashPassword } from '../src/modules/auth/password.js';
import { User } from '../src/modules/auth/user.entity.js';
import { createAccountCommand } from '../src/scripts/create-account-command.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, PASSWORD } from './support/fixtures.js';
import { auditEvents, userWithResources } from './support/state.js';
import { TestServer, type Credentials, type GraphQLResult } from './support/test-server.js';

const INVITE = /* GraphQL */ `
  mutation Invite($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitationPath
      invitation {
        id
        email
        invitedBy
        invitedAt
        expiresAt
        roles {
          name
        }
      }
    }
  }
`;
const INVITATIONS = '{ invitations { id email invitedBy roles { name } } }';
const REVOKE =
  'mutation($id: ID!) { revokeInvitation(input: { id: $id }) { revokedInvitationId } }';
const ACCEPT =
  'mutation($t: String!) { acceptInvitation(input: { token: $t }) { account { id slug } } }';
const PREVIEW = 'query($t: String!) { invitationPreview(token: $t) { email accountName } }';
const SET_PASSWORD =
  'mutation($t: String!, $p: String!) { setPassword(input: { token: $t, password: $p }) { passwordSet email } }';
const MEMBERS = '{ members { id user { id email name } roles { name } } }';
const UPDATE_MEMBER =
  'mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { id } } }';
const REMOVE_MEMBER = 'mutation($id: ID!) { removeMember(input: { id: $id }) { removedMemberId } }';

type Invited = GraphQLResult<{
  inviteMember: {
    invitationPath: string;
    invitation: { id: string; email: string; invitedBy: string; roles: { name: string }[] };
  };
}>;

const tokenOf = (result: Invited) => result.data!.inviteMember.invitationPath.split('#')[1]!;

describe.each(testDatabases)('invitations on $name', (database) => {
  let server: TestServer;
  let acme: Awaited<ReturnType<typeof accountWithOwner>>;
  let globex: Awaited<ReturnType<typeof accountWithOwner>>;

  const invite = (email: string, roleIds: string[] = [], credentials: Credentials = acme) =>
    server.graphql(INVITE, { input: { email, roleIds } }, credentials) as Promise<Invited>;
  const membersOf = async (credentials: Credentials) =>
    (
      await server.graphql<{
        members: { id: string; user: { id: string; email: string }; roles: { name: string }[] }[];
      }>(MEMBERS, {}, credentials)
    ).data!.members;

  beforeAll(async () => {
    server = await TestServer.start(database);
    acme = await accountWithOwner(server, 'acme');
    globex = await accountWithOwner(server, 'globex');
  });
  afterAll(async () => server.stop());

  // Issue 12, item 6: addMember returned an existing user's id and name and added them.
  it('answers an invitation the same whether the email has an account or not, and adds nobody', async () => {
    const viewer = acme.roles.get('api-keys-read-only')!.id;
    const existing = await invite(globex.email, [viewer]);
    const unknown = await invite('nobody-yet@acme.test', [viewer]);
    expect(existing.errors).toBeUndefined();
    expect(unknown.errors).toBeUndefined();
    const shape = (result: Invited) => {
      const { invitation, invitationPath } = result.data!.inviteMember;
      return {
        keys: Object.keys(invitation).sort(),
        invitedBy: invitation.invitedBy,
        roles: invitation.roles,
        path: invitationPath.replace(/#.*/, '#'),
      };
    };
    expect(shape(existing)).toEqual(shape(unknown));
    const text = JSON.stringify(existing);
    const globexUser = await server.dataSource.getRepository(User).findOneByOrFail({
      email: globex.email,
    });
    expect(text).not.toContain(globexUser.id);
    expect(text).not.toContain('globex store');
    // Nobody joined: the existing user is not a member until they accept.
    expect((await membersOf(acme)).map((member) => member.user.email)).not.toContain(globex.email);
    const pending = await server.graphql<{ invitations: { email: string }[] }>(
      INVITATIONS,
      {},
      acme,
    );
    expect(pending.data!.invitations.map((invitation) => invitation.email)).toEqual(
      expect.arrayContaining([globex.email, 'nobody-yet@acme.test']),
    );
    expect(
      (await auditEvents(server, acme.account.id)).filter((e) => e.action === 'member.invited'),
    ).toHaveLength(2);
  });

  it('lets an existing user join only by accepting after signing in as that email', async () => {
    const invited = await invite(globex.email, [acme.roles.get('api-keys-read-only')!.id]);
    const token = tokenOf(invited);
    // The link cannot set a password for an email that already has an account.
    const takeover = await server.graphql(SET_PASSWORD, { t: token, p: 'an attacker password' });
    expect(errorCode(takeover)).toBe('CONFLICT');
    expect(errorCode(await server.graphql(ACCEPT, { t: token }))).toBe('UNAUTHENTICATED');
    const stranger = await userWithResources(server, globex.account.id, 'stranger@globex.test', []);
    expect(errorCode(await server.graphql(ACCEPT, { t: token }, stranger))).toBe('FORBIDDEN');
    const key = await generateKey(server, globex.cookie, 'Integration', [
      globex.roles.get('owner')!.id,
    ]);
    expect(
      errorCode(
        await server.graphql(ACCEPT, { t: token }, { key: key.apiKey.key, token: key.token }),
      ),
    ).toBe('FORBIDDEN');
    const preview = await server.graphql(PREVIEW, { t: token });
    expect(preview.data).toEqual({
      invitationPreview: { email: globex.email, accountName: 'acme store' },
    });
    const accepted = await server.graphql(ACCEPT, { t: token }, globex);
    expect(accepted.data).toEqual({
      acceptInvitation: { account: { id: acme.account.id, slug: 'acme' } },
    });
    // The session moved to the account joined.
    const me = await server.graphql<{ me: { account: { slug: string } } }>(
      '{ me { account { slug } } }',
      {},
      globex,
    );
    expect(me.data!.me.account.slug).toBe('acme');
    const joined = (await membersOf(acme)).find((member) => member.user.email === globex.email);
    expect(joined?.roles).toEqual([{ name: 'API Keys - Read only' }]);
    expect(errorCode(await server.graphql(ACCEPT, { t: token }, globex))).toBe('BAD_USER_INPUT');
    expect(
      (await auditEvents(server, acme.account.id)).some((e) => e.action === 'member.joined'),
    ).toBe(true);
  });

  // Issue 12, item 7: a setup link kept working after its member was removed.
  it('kills the link when the invitation is revoked, re-issued or accepted', async () => {
    const revoked = await invite('revoked@acme.test');
    const removed = await server.graphql(
      REVOKE,
      { id: revoked.data!.inviteMember.invitation.id },
      acme,
    );
    expect(removed.errors).toBeUndefined();
    const afterRevoke = await server.graphql(SET_PASSWORD, { t: tokenOf(revoked), p: PASSWORD });
    expect(afterRevoke.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(
      await server.dataSource.getRepository(User).existsBy({ email: 'revoked@acme.test' }),
    ).toBe(false);

    const first = await invite('twice@acme.test');
    const second = await invite('twice@acme.test');
    expect(errorCode(await server.graphql(SET_PASSWORD, { t: tokenOf(first), p: PASSWORD }))).toBe(
      'BAD_USER_INPUT',
    );
    // Accepted, then removed: the link is spent, and cannot claim the email's later invitations.
    expect(
      (await server.graphql(SET_PASSWORD, { t: tokenOf(second), p: PASSWORD })).errors,
    ).toBeUndefined();
    const member = (await membersOf(acme)).find((m) => m.user.email === 'twice@acme.test')!;
    expect((await server.graphql(REMOVE_MEMBER, { id: member.id }, acme)).errors).toBeUndefined();
    await invite('twice@acme.test', [], globex);
    expect(
      errorCode(await server.graphql(SET_PASSWORD, { t: tokenOf(second), p: 'someone else pw' })),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await server.graphql(ACCEPT, { t: tokenOf(second) }, globex))).toBe(
      'BAD_USER_INPUT',
    );
  });

  // Issue 12, item 8: ten concurrent setPassword calls with one link all answered true.
  it('lets exactly one of ten concurrent uses of a link succeed', async () => {
    const token = tokenOf(await invite('race@acme.test'));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        server.graphql<{ setPassword: { passwordSet: boolean } }>(SET_PASSWORD, {
          t: token,
          p: `${PASSWORD} ${index}`,
        }),
      ),
    );
    const won = results.filter((result) => result.data?.setPassword.passwordSet === true);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((result) => result.errors))
      expect(lost.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(results.filter((result) => result.errors)).toHaveLength(9);
    const members = (await membersOf(acme)).filter((m) => m.user.email === 'race@acme.test');
    expect(members).toHaveLength(1);
  });

  // Issue 12, item 5: an invited Owner who never set a password counted as another owner.
  it('counts only Owners who can sign in towards the last owner', async () => {
    const owner = await accountWithOwner(server, 'lonely');
    const ownerRole = owner.roles.get('owner')!;
    // An Owner who never set a password (created before invitations existed).
    await server.dataSource.transaction(async (manager) => {
      const user = manager.create(User, {
        id: newId(),
        email: 'never-signed-in@lonely.test',
        name: 'never-signed-in@lonely.test',
        passwordHash: DUMMY_PASSWORD_HASH,
        createdAt: new Date(),
      });
      await manager.insert(User, user);
      await addMember(manager, owner.account.id, user.id, [ownerRole]);
    });
    // An Owner still invited (not accepted) does not count either.
    expect((await invite('pending@lonely.test', [ownerRole.id], owner)).errors).toBeUndefined();
    const self = (await membersOf(owner)).find((member) => member.user.email === owner.email)!;
    const demote = await server.graphql(
      UPDATE_MEMBER,
      { input: { id: self.id, roleIds: [] } },
      owner,
    );
    expect(errorCode(demote)).toBe('CONFLICT');
    expect(errorCode(await server.graphql(REMOVE_MEMBER, { id: self.id }, owner))).toBe('CONFLICT');
  });

  it('lists pending invitations to View users, expires them after 7 days, and guards each step', async () => {
    const owner = await accountWithOwner(server, 'initech');
    const ownerRole = owner.roles.get('owner')!.id;
    const viewOnly = await userWithResources(server, owner.account.id, 'view@initech.test', [
      'license-manager:view-users',
    ]);
    const usersAdmin = await userWithResources(server, owner.account.id, 'users@initech.test', [
      'license-manager:view-users',
      'license-manager:edit-users',
    ]);
    const strong = await invite('strong@initech.test', [ownerRole], owner);
    expect(strong.data!.inviteMember.invitation.invitedBy).toBe(owner.email);
    const weak = await invite('weak@initech.test', [], usersAdmin);
    expect(weak.errors).toBeUndefined();
    // Inviting to a role holding what the caller lacks, or revoking such an invitation: refused.
    expect(errorCode(await invite('x@initech.test', [ownerRole], usersAdmin))).toBe('FORBIDDEN');
    const strongId = strong.data!.inviteMember.invitation.id;
    expect(errorCode(await server.graphql(REVOKE, { id: strongId }, usersAdmin))).toBe('FORBIDDEN');
    expect(errorCode(await invite('y@initech.test', [], viewOnly))).toBe('FORBIDDEN');
    expect(errorCode(await server.graphql(REVOKE, { id: strongId }, viewOnly))).toBe('FORBIDDEN');
    expect(errorCode(await server.graphql(REVOKE, { id: strongId }, acme))).toBe('NOT_FOUND');
    const listed = await server.graphql<{ invitations: { email: string }[] }>(
      INVITATIONS,
      {},
      viewOnly,
    );
    expect(listed.data!.invitations.map((i) => i.email)).toEqual([
      'strong@initech.test',
      'weak@initech.test',
    ]);
    expect(errorCode(await server.graphql(INVITATIONS, {}, { cookie: 'kw_session=nope' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await server.graphql(INVITATIONS))).toBe('UNAUTHENTICATED');
    expect((await server.graphql(REVOKE, { id: strongId }, owner)).errors).toBeUndefined();
    expect(
      (await auditEvents(server, owner.account.id)).some((e) => e.action === 'invitation.revoked'),
    ).toBe(true);

    server.clock.advanceDays(7);
    try {
      const later = await server.graphql<{ invitations: unknown[] }>(INVITATIONS, {}, owner);
      expect(later.data!.invitations).toEqual([]);
      const expired = await server.graphql(SET_PASSWORD, { t: tokenOf(weak), p: PASSWORD });
      expect(expired.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(errorCode(await server.graphql(PREVIEW, { t: tokenOf(weak) }))).toBe('BAD_USER_INPUT');
      await server.keyward.services.invitations.purgeExpired();
    } finally {
      server.clock.advanceDays(-7);
    }
    expect(
      (await server.graphql<{ invitations: unknown[] }>(INVITATIONS, {}, owner)).data!.invitations,
    ).toEqual([]);
  });

  it('migrates away the users who never set a password, with their links and memberships', async () => {
    const created = await database.create();
    // The installation as it was before invitations, with a user added who never set a password.
    const before = migrations.slice(0, migrations.indexOf(Invitations1764000000000));
    const old = new DataSource({ ...dataSourceOptions(created.url), migrations: before });
    await old.initialize();
    const q = (sql: string) => (database.name === 'mysql' ? sql : sql.replaceAll('`', '"'));
    const ids = async (dataSource: DataSource, sql: string) =>
      ((await dataSource.query(q(sql))) as { id: string }[]).map((row) => row.id).sort();
    try {
      await old.runMigrations({ transaction: 'each' });
      const { account, roles } = await old.transaction((manager) =>
        createAccount(manager, 'legacy', 'Legacy'),
      );
      const now = '2026-01-01 00:00:00.000';
      for (const [id, hash] of [
        ['u-ghost', DUMMY_PASSWORD_HASH],
        ['u-real', await hashPassword(PASSWORD)],
      ] as const) {
        await old.query(
          q(
            'INSERT INTO `users` (`id`, `email`, `name`, `passwordHash`, `createdAt`) VALUES (?, ?, ?, ?, ?)',
          ),
          [id, `${id}@legacy.test`, id, hash, now],
        );
        await old.transaction((manager) =>
          addMember(manager, account.id, id, [roles.get('owner')!]),
        );
      }
      await old.query(
        q(
          'INSERT INTO `password_setup_links` (`idHash`, `userId`, `createdAt`, `expiresAt`) VALUES (?, ?, ?, ?)',
        ),
        ['a'.repeat(64), 'u-ghost', now, '2099-01-01 00:00:00.000'],
      );
    } finally {
      await old.destroy();
    }
    const dataSource = createDataSource(created.url);
    await dataSource.initialize();
    try {
      await migrate(dataSource);
      expect(await ids(dataSource, 'SELECT `id` FROM `users`')).toEqual(['u-real']);
      expect(await ids(dataSource, 'SELECT `userId` AS `id` FROM `memberships`')).toEqual([
        'u-real',
      ]);
      expect(
        await ids(
          dataSource,
          'SELECT `membershipId` AS `id` FROM `membership_roles` WHERE `membershipId` NOT IN (SELECT `id` FROM `memberships`)',
        ),
      ).toEqual([]);
      expect(await dataSource.createQueryRunner().getTable('password_setup_links')).toBeUndefined();
    } finally {
      await dataSource.destroy();
      await created.drop();
    }
  });

  it('refuses an invitation link in the same operation as another field', async () => {
    const result = await server.graphql(
      'mutation { inviteMember(input: { email: "a@acme.test" }) { invitationPath } signOut { signedOut } }',
      {},
      acme,
    );
    expect(result.status).toBe(400);
  });

  // Issue 12, item 9: create-account took a 1-character password, and printed an "initial
  // password" for an existing email that was never applied.
  it('create-account applies the password rule and says when the user already exists', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-create-account-'));
    const run = async (args: string[], password?: string) => {
      const lines: string[] = [];
      const code = await createAccountCommand(
        args,
        {
          DATABASE_URL: server.databaseUrl,
          KEYWARD_DATA_DIR: dataDir,
          ...(password === undefined ? {} : { KEYWARD_OWNER_PASSWORD: password }),
        },
        { log: (line) => lines.push(line), error: (line) => lines.push(line) },
      );
      return { code, out: lines.join('\n') };
    };
    try {
      const short = await run(['--slug', 'short-pw', '--email', 'o@short.test'], 'x');
      expect(short.code).not.toBe(0);
      expect(short.out).toMatch(/12 to 200 characters/);
      const long = await run(['--slug', 'long-pw', '--email', 'o@long.test'], 'p'.repeat(201));
      expect(long.code).not.toBe(0);
      expect(await server.dataSource.getRepository(User).existsBy({ email: 'o@short.test' })).toBe(
        false,
      );

      const created = await run(['--slug', 'fresh', '--email', 'first@fresh.test']);
      expect(created.code).toBe(0);
      expect(created.out).toMatch(/Initial password \(shown once\): \S{24}/);

      const again = await run(['--slug', 'fresh-two', '--email', 'first@fresh.test']);
      expect(again.code).toBe(0);
      expect(again.out).not.toMatch(/Initial password/);
      expect(again.out).toMatch(/already exists/);
      expect(again.out).toMatch(/No password was changed/);
      const given = await run(
        ['--slug', 'fresh-three', '--email', globex.email],
        'a brand new password',
      );
      expect(given.out).toMatch(/No password was changed/);
      // The existing password still works; the one given was not applied.
      expect(await server.signIn(globex.email, PASSWORD)).toMatch(/^kw_session=/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
