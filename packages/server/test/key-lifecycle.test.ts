import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiKey } from '../src/modules/api-keys/api-key.entity.js';
import { ApiToken } from '../src/modules/api-keys/api-token.entity.js';
import { KeyGrantRole } from '../src/modules/api-keys/key-grant-role.entity.js';
import { KeyGrant } from '../src/modules/api-keys/key-grant.entity.js';
import type { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { Resources } from '../src/modules/roles/resource-catalog.js';
import type { Role } from '../src/modules/roles/role.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, type GeneratedKey } from './support/fixtures.js';
import { auditEvents, keyCount, keyState, userWithResources } from './support/state.js';
import { TestServer, type Credentials } from './support/test-server.js';

/** G2-G4, G6 and the audit trail of each change (S4). */
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      apiKey {
        id
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
const ACTIVATE =
  'mutation A($input: ActivateApiKeyInput!) { activateApiKey(input: $input) { apiKey { status } } }';
const DEACTIVATE =
  'mutation D($input: DeactivateApiKeyInput!) { deactivateApiKey(input: $input) { apiKey { status } } }';
const DELETE =
  'mutation X($input: DeleteApiKeyInput!) { deleteApiKey(input: $input) { deletedApiKeyId } }';
const ME = '{ me { kind apiKey { key } } }';

const asKey = (generated: GeneratedKey): Credentials => ({
  key: generated.apiKey.key,
  token: generated.token,
});

describe.each(testDatabases)('key lifecycle on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let viewer: Role;
  let oms: Role;
  let editor: Awaited<ReturnType<typeof userWithResources>>;

  /** The audit events written since `count` events existed. */
  const newEvents = async (count: number): Promise<AuditEvent[]> =>
    (await auditEvents(server, owner.account.id)).slice(count);
  const auditSize = async () => (await auditEvents(server, owner.account.id)).length;

  const expectOneEvent = (
    events: AuditEvent[],
    action: string,
    target: { id: string; key: string },
    actor: { type: 'user' | 'api-key'; label: string },
    secrets: string[],
  ) => {
    expect(events).toHaveLength(1);
    const [event] = events as [AuditEvent];
    expect(event).toMatchObject({
      action,
      accountId: owner.account.id,
      actorType: actor.type,
      actorLabel: actor.label,
      targetType: 'api-key',
      targetId: target.id,
      targetLabel: target.key,
    });
    expect(event.sourceIp).toBeTruthy();
    for (const secret of secrets) expect(JSON.stringify(event)).not.toContain(secret);
  };

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'lifecycle');
    viewer = owner.roles.get('api-keys-read-only')!;
    oms = owner.roles.get('oms-read-only')!;
    editor = await userWithResources(server, owner.account.id, 'editor@lifecycle.test', [
      Resources.viewApiKeys,
      Resources.editApiKeys,
    ]);
  });
  afterAll(async () => server.stop());

  it('generate writes one api-key.generated event naming the user, and never the token', async () => {
    const before = await auditSize();
    const generated = await generateKey(server, owner.cookie, 'Audited generate', [viewer.id]);
    expectOneEvent(
      await newEvents(before),
      'api-key.generated',
      generated.apiKey,
      { type: 'user', label: owner.email },
      [generated.token],
    );
  });

  it('deactivate stops the key at once, activate brings it back, one event each', async () => {
    const generated = await generateKey(server, owner.cookie, 'Toggled', [viewer.id]);
    const credentials = asKey(generated);
    expect((await server.graphql(ME, {}, credentials)).errors).toBeUndefined();

    let before = await auditSize();
    const deactivated = await server.graphql(
      DEACTIVATE,
      { input: { id: generated.apiKey.id } },
      { cookie: owner.cookie },
    );
    expect(deactivated.data).toEqual({ deactivateApiKey: { apiKey: { status: 'INACTIVE' } } });
    expectOneEvent(
      await newEvents(before),
      'api-key.deactivated',
      generated.apiKey,
      {
        type: 'user',
        label: owner.email,
      },
      [generated.token],
    );
    expect(errorCode(await server.graphql(ME, {}, credentials))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await server.graphql('{ generatedKeys { totalCount } }', {}, credentials)),
    ).toBe('UNAUTHENTICATED');

    // Deactivating again changes nothing and writes nothing.
    before = await auditSize();
    const again = await server.graphql(
      DEACTIVATE,
      { input: { id: generated.apiKey.id } },
      { cookie: owner.cookie },
    );
    expect(again.errors).toBeUndefined();
    expect(await newEvents(before)).toEqual([]);

    before = await auditSize();
    const activated = await server.graphql(
      ACTIVATE,
      { input: { id: generated.apiKey.id } },
      { cookie: owner.cookie },
    );
    expect(activated.data).toEqual({ activateApiKey: { apiKey: { status: 'ACTIVE' } } });
    expectOneEvent(
      await newEvents(before),
      'api-key.activated',
      generated.apiKey,
      {
        type: 'user',
        label: owner.email,
      },
      [generated.token],
    );
    expect((await server.graphql(ME, {}, credentials)).data).toEqual({
      me: { kind: 'API_KEY', apiKey: { key: generated.apiKey.key } },
    });
  });

  it('a key deactivated through updateApiKey stops at once too', async () => {
    const generated = await generateKey(server, owner.cookie, 'Updated off');
    const result = await server.graphql(
      UPDATE,
      { input: { id: generated.apiKey.id, active: false } },
      {
        cookie: owner.cookie,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(errorCode(await server.graphql(ME, {}, asKey(generated)))).toBe('UNAUTHENTICATED');
  });

  it('a key may deactivate itself, and its next request is refused', async () => {
    const tooling = await server.createRole(owner.account.id, 'Self tooling', [
      Resources.viewApiKeys,
      Resources.editApiKeys,
    ]);
    const generated = await generateKey(server, owner.cookie, 'Self deactivating', [tooling.id]);
    const before = await auditSize();
    const result = await server.graphql(
      DEACTIVATE,
      { input: { id: generated.apiKey.id } },
      asKey(generated),
    );
    expect(result.errors).toBeUndefined();
    expectOneEvent(
      await newEvents(before),
      'api-key.deactivated',
      generated.apiKey,
      {
        type: 'api-key',
        label: generated.apiKey.key,
      },
      [generated.token],
    );
    expect(errorCode(await server.graphql(ME, {}, asKey(generated)))).toBe('UNAUTHENTICATED');
  });

  it('update changes the name and replaces the roles, in one event', async () => {
    const generated = await generateKey(server, owner.cookie, 'Before rename', [viewer.id]);
    const before = await auditSize();
    const result = await server.graphql<{
      updateApiKey: { apiKey: { name: string; roles: { id: string }[] } };
    }>(
      UPDATE,
      { input: { id: generated.apiKey.id, name: '  After rename  ', roleIds: [oms.id] } },
      { cookie: owner.cookie },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateApiKey.apiKey.name).toBe('After rename');
    expect(result.data?.updateApiKey.apiKey.roles.map((role) => role.id)).toEqual([oms.id]);
    const events = await newEvents(before);
    expectOneEvent(
      events,
      'api-key.updated',
      generated.apiKey,
      { type: 'user', label: owner.email },
      [generated.token],
    );
    expect(JSON.parse(events[0]!.details ?? '{}')).toMatchObject({
      name: { from: 'Before rename', to: 'After rename' },
      roleIds: [oms.id],
    });
    // The key now holds OMS only: it no longer reads keys.
    expect(
      errorCode(await server.graphql('{ generatedKeys { totalCount } }', {}, asKey(generated))),
    ).toBe('FORBIDDEN');
    const cleared = await server.graphql(
      UPDATE,
      { input: { id: generated.apiKey.id, roleIds: [] } },
      {
        cookie: owner.cookie,
      },
    );
    expect(cleared.errors).toBeUndefined();
    const grantRoles = await server.dataSource.manager
      .getRepository(KeyGrantRole)
      .createQueryBuilder('gr')
      .innerJoin(KeyGrant, 'g', 'g.id = gr.grantId')
      .where('g.apiKeyId = :id', { id: generated.apiKey.id })
      .getCount();
    expect(grantRoles).toBe(0);
  });

  it('refuses to grant a role holding resources the caller lacks, and changes nothing', async () => {
    const ownerRole = owner.roles.get('owner')!;
    const generated = await generateKey(server, editor.cookie, 'Editor key', [viewer.id]);
    const state = await keyState(server, generated.apiKey.id);
    const before = await auditSize();
    const update = await server.graphql(
      UPDATE,
      { input: { id: generated.apiKey.id, name: 'Escalated', roleIds: [ownerRole.id] } },
      { cookie: editor.cookie },
    );
    expect(errorCode(update)).toBe('FORBIDDEN');
    const keys = await keyCount(server, owner.account.id);
    const generate = await server.graphql(
      'mutation G($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token } }',
      { input: { name: 'Escalated key', roleIds: [ownerRole.id] } },
      { cookie: editor.cookie },
    );
    expect(errorCode(generate)).toBe('FORBIDDEN');
    expect(await keyState(server, generated.apiKey.id)).toEqual(state);
    expect(await keyCount(server, owner.account.id)).toBe(keys);
    expect(await newEvents(before)).toEqual([]);
  });

  it('refuses a duplicate or blank name on update, and changes nothing', async () => {
    await generateKey(server, owner.cookie, 'Taken name');
    const generated = await generateKey(server, owner.cookie, 'Free name', [viewer.id]);
    const state = await keyState(server, generated.apiKey.id);
    const before = await auditSize();
    const duplicate = await server.graphql(
      UPDATE,
      { input: { id: generated.apiKey.id, name: 'TAKEN NAME', roleIds: [oms.id], active: false } },
      { cookie: owner.cookie },
    );
    expect(duplicate.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'name' });
    const blank = await server.graphql(
      UPDATE,
      { input: { id: generated.apiKey.id, name: '  ', active: false } },
      {
        cookie: owner.cookie,
      },
    );
    expect(blank.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await keyState(server, generated.apiKey.id)).toEqual(state);
    expect(await newEvents(before)).toEqual([]);
    expect((await server.graphql(ME, {}, asKey(generated))).errors).toBeUndefined();
  });

  it('delete needs confirm: true; then the key, its tokens and grants are gone', async () => {
    const generated = await generateKey(server, owner.cookie, 'Doomed', [viewer.id]);
    const credentials = asKey(generated);
    const state = await keyState(server, generated.apiKey.id);
    expect(state.tokens).toHaveLength(1);
    expect(state.grants).toHaveLength(1);
    expect(state.roleIds).toHaveLength(1);

    let before = await auditSize();
    const unconfirmed = await server.graphql(
      DELETE,
      { input: { id: generated.apiKey.id, confirm: false } },
      {
        cookie: owner.cookie,
      },
    );
    expect(unconfirmed.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'confirm',
    });
    expect(await keyState(server, generated.apiKey.id)).toEqual(state);
    expect(await newEvents(before)).toEqual([]);
    expect((await server.graphql(ME, {}, credentials)).errors).toBeUndefined();

    before = await auditSize();
    const deleted = await server.graphql(
      DELETE,
      { input: { id: generated.apiKey.id, confirm: true } },
      {
        cookie: owner.cookie,
      },
    );
    expect(deleted.data).toEqual({ deleteApiKey: { deletedApiKeyId: generated.apiKey.id } });
    expectOneEvent(
      await newEvents(before),
      'api-key.deleted',
      generated.apiKey,
      {
        type: 'user',
        label: owner.email,
      },
      [generated.token],
    );
    expect(errorCode(await server.graphql(ME, {}, credentials))).toBe('UNAUTHENTICATED');
    const manager = server.dataSource.manager;
    expect(await manager.countBy(ApiKey, { id: generated.apiKey.id })).toBe(0);
    expect(await manager.countBy(ApiToken, { apiKeyId: generated.apiKey.id })).toBe(0);
    expect(await manager.countBy(KeyGrant, { apiKeyId: generated.apiKey.id })).toBe(0);
    expect(await manager.countBy(KeyGrantRole, { grantId: state.grants[0]! })).toBe(0);

    const twice = await server.graphql(
      DELETE,
      { input: { id: generated.apiKey.id, confirm: true } },
      {
        cookie: owner.cookie,
      },
    );
    expect(errorCode(twice)).toBe('NOT_FOUND');
  });

  it('a change and its audit event commit together: when the event cannot be written, nothing changes', async () => {
    const generated = await generateKey(server, owner.cookie, 'Atomic', [viewer.id]);
    const state = await keyState(server, generated.apiKey.id);
    const keys = await keyCount(server, owner.account.id);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await server.dataSource.query('ALTER TABLE audit_events RENAME TO audit_events_away');
    try {
      const attempts = [
        server.graphql(
          UPDATE,
          { input: { id: generated.apiKey.id, name: 'Atomic renamed', roleIds: [] } },
          {
            cookie: owner.cookie,
          },
        ),
        server.graphql(
          DEACTIVATE,
          { input: { id: generated.apiKey.id } },
          { cookie: owner.cookie },
        ),
        server.graphql(
          DELETE,
          { input: { id: generated.apiKey.id, confirm: true } },
          { cookie: owner.cookie },
        ),
        server.graphql(
          'mutation G($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token } }',
          { input: { name: 'Never generated' } },
          { cookie: owner.cookie },
        ),
      ];
      for (const attempt of attempts) {
        const result = await attempt;
        expect(result.errors?.[0]).toEqual({
          message: 'Internal server error.',
          path: expect.any(Array),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      }
    } finally {
      await server.dataSource.query('ALTER TABLE audit_events_away RENAME TO audit_events');
      error.mockRestore();
    }
    expect(await keyState(server, generated.apiKey.id)).toEqual(state);
    expect(await keyCount(server, owner.account.id)).toBe(keys);
  });

  it('parallel generates with one name create one key; the rest answer CONFLICT', async () => {
    const before = await auditSize();
    const keys = await keyCount(server, owner.account.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        server.graphql(
          'mutation G($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token apiKey { id } } }',
          { input: { name: 'Raced name' } },
          { cookie: owner.cookie },
        ),
      ),
    );
    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    for (const result of results.filter((r) => r.errors)) {
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'name' });
    }
    expect(await keyCount(server, owner.account.id)).toBe(keys + 1);
    const events = await newEvents(before);
    expect(events.map((event) => event.action)).toEqual(['api-key.generated']);
    const manager = server.dataSource.manager;
    const id = (succeeded[0]!.data as { generateApiKey: { apiKey: { id: string } } }).generateApiKey
      .apiKey.id;
    expect(events[0]!.targetId).toBe(id);
    expect(await manager.countBy(ApiToken, { apiKeyId: id })).toBe(1);
    expect(await manager.countBy(KeyGrant, { apiKeyId: id })).toBe(1);
  });

  it('parallel generates, updates and deactivations of different keys all land, each with its event', async () => {
    const generated = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        generateKey(server, owner.cookie, `Parallel ${i}`, [viewer.id]),
      ),
    );
    const before = await auditSize();
    const results = await Promise.all(
      generated.map((key, i) =>
        i % 2 === 0
          ? server.graphql(DEACTIVATE, { input: { id: key.apiKey.id } }, { cookie: owner.cookie })
          : server.graphql(
              UPDATE,
              { input: { id: key.apiKey.id, name: `Parallel renamed ${i}`, roleIds: [oms.id] } },
              { cookie: owner.cookie },
            ),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const events = await newEvents(before);
    expect(events.map((event) => event.targetId).sort()).toEqual(
      generated.map((key) => key.apiKey.id).sort(),
    );
    for (const [i, key] of generated.entries()) {
      const row = await server.dataSource.manager.findOneByOrFail(ApiKey, { id: key.apiKey.id });
      if (i % 2 === 0) expect(row.active).toBe(false);
      else expect(row.name).toBe(`Parallel renamed ${i}`);
      const state = await keyState(server, key.apiKey.id);
      const roleId = i % 2 === 0 ? viewer.id : oms.id;
      expect(state.roleIds).toEqual([`${state.grants[0]}/${roleId}`]);
    }
  });
});
