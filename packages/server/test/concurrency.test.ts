import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/modules/roles/role.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey, type GeneratedKey } from './support/fixtures.js';
import { TestServer, type GraphQLResult } from './support/test-server.js';

/**
 * Many mutations of ONE key at once (G3-G6): whatever interleaving the database picks, the key
 * ends consistent, every success leaves exactly its audit event, no update is lost and the only
 * refusals are coded CONFLICT or NOT_FOUND. (Parallel generates of one name: key-lifecycle.test.ts.)
 */
const KEY_FIELDS = 'id name status version: updatedAt renewalPending tokens { id createdAt }';
const UPDATE = `mutation ($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { ${KEY_FIELDS} } } }`;
const ACTIVATE = `mutation ($input: ActivateApiKeyInput!) { activateApiKey(input: $input) { apiKey { ${KEY_FIELDS} } } }`;
const DEACTIVATE = `mutation ($input: DeactivateApiKeyInput!) { deactivateApiKey(input: $input) { apiKey { ${KEY_FIELDS} } } }`;
const RENEW = `mutation ($input: RenewApiTokenInput!) { renewApiToken(input: $input) { token apiKey { ${KEY_FIELDS} } } }`;
const DELETE_OLD = `mutation ($input: DeleteOldTokenInput!) { deleteOldToken(input: $input) { apiKey { ${KEY_FIELDS} } } }`;
const UNDO = `mutation ($input: UndoRenewalInput!) { undoRenewal(input: $input) { apiKey { ${KEY_FIELDS} } } }`;
const DELETE =
  'mutation ($input: DeleteApiKeyInput!) { deleteApiKey(input: $input) { deletedApiKeyId } }';

type Kind =
  'rename' | 'roles' | 'activate' | 'deactivate' | 'renew' | 'deleteOld' | 'undo' | 'delete';

interface Sent {
  kind: Kind;
  variables: Record<string, unknown>;
  result: GraphQLResult;
}

describe.each(testDatabases)('concurrent changes of one key on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let viewer: Role;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'race');
    viewer = owner.roles.get('api-keys-read-only') as Role;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const send = (kind: Kind, id: string, index: number, base: string): Promise<Sent> => {
    const plans: Record<Kind, [string, Record<string, unknown>]> = {
      rename: [UPDATE, { input: { id, name: `${base} renamed ${index}` } }],
      roles: [UPDATE, { input: { id, roleIds: index % 2 ? [viewer.id] : [] } }],
      activate: [ACTIVATE, { input: { id } }],
      deactivate: [DEACTIVATE, { input: { id } }],
      renew: [
        RENEW,
        {
          input: {
            id,
            oldToken: ['KEEP_UNTIL_DELETED', 'EXPIRE_IN_1_HOUR', 'DELETE_NOW'][index % 3],
          },
        },
      ],
      deleteOld: [DELETE_OLD, { input: { id } }],
      undo: [UNDO, { input: { id } }],
      delete: [DELETE, { input: { id, confirm: true } }],
    };
    const [query, variables] = plans[kind];
    return server
      .graphql(query, variables, { cookie: owner.cookie })
      .then((result) => ({ kind, variables, result }));
  };

  const keyRow = async (id: string) => {
    const rows = (await server.dataSource.query(
      'SELECT name, active, version, tokenCreatedAt FROM api_keys WHERE id = ?',
      [id],
    )) as { name: string; active: number | boolean; version: number; tokenCreatedAt: unknown }[];
    return rows[0];
  };

  const liveTokens = async (id: string) =>
    (
      (await server.dataSource.query(
        'SELECT id, createdAt, expiresAt FROM api_tokens WHERE apiKeyId = ?',
        [id],
      )) as { id: string; expiresAt: unknown }[]
    ).filter(
      (token) => token.expiresAt === null || new Date(String(token.expiresAt)) > server.clock.now(),
    );

  const events = async (id: string) =>
    (
      (await server.dataSource.query(
        "SELECT action FROM audit_events WHERE targetId = ? AND action <> 'auth.refused'",
        [id],
      )) as { action: string }[]
    ).map((row) => row.action);

  const verify = async (key: GeneratedKey, token: string) => {
    const response = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: key.apiKey.key, token }),
    });
    return ((await response.json()) as { code: string }).code;
  };

  /** Runs the mix at once and checks what every interleaving must leave. */
  const race = async (name: string, kinds: Kind[]) => {
    const key = await generateKey(server, owner.cookie, name, [viewer.id]);
    const before = await keyRow(key.apiKey.id);
    const sent = await Promise.all(
      kinds.map((kind, index) => send(kind, key.apiKey.id, index, name)),
    );

    for (const { kind, result } of sent) {
      expect(result.status, `${kind}: HTTP ${result.status}`).toBe(200);
      for (const error of result.errors ?? []) {
        expect(['CONFLICT', 'NOT_FOUND'], `${kind}: ${error.message}`).toContain(
          error.extensions?.code,
        );
      }
    }
    const succeeded = sent.filter(({ result }) => !result.errors && result.data);
    const count = (...of: Kind[]) => succeeded.filter(({ kind }) => of.includes(kind)).length;
    const logged = await events(key.apiKey.id);
    const logCount = (action: string) => logged.filter((entry) => entry === action).length;

    // One event per successful mutation (activations that change nothing write none).
    expect(logCount('api-key.generated')).toBe(1);
    expect(logCount('api-key.updated')).toBe(count('rename', 'roles'));
    expect(logCount('api-key.token-renewed')).toBe(count('renew'));
    expect(logCount('api-key.old-token-deleted')).toBe(count('deleteOld'));
    expect(logCount('api-key.renewal-undone')).toBe(count('undo'));
    expect(logCount('api-key.deleted')).toBe(count('delete'));
    const activated = logCount('api-key.activated');
    const deactivated = logCount('api-key.deactivated');
    expect(activated).toBeLessThanOrEqual(count('activate'));
    expect(deactivated).toBeLessThanOrEqual(count('deactivate'));
    // Each recorded change flips the status, starting from ACTIVE.
    expect(deactivated - activated).toBeGreaterThanOrEqual(0);
    expect(deactivated - activated).toBeLessThanOrEqual(1);
    expect(logged.length).toBe(
      1 +
        count('rename', 'roles', 'renew', 'deleteOld', 'undo', 'delete') +
        activated +
        deactivated,
    );

    const after = await keyRow(key.apiKey.id);
    if (count('delete') > 0) {
      expect(count('delete')).toBe(1);
      expect(after).toBeUndefined();
      expect(await liveTokens(key.apiKey.id)).toEqual([]);
      return { sent, succeeded };
    }
    expect(after).toBeDefined();
    if (!after || !before) return { sent, succeeded };

    // No lost update: every saving success bumped the version exactly once.
    expect(after.version - before.version).toBe(
      count('rename', 'roles', 'renew', 'deleteOld', 'undo') + activated + deactivated,
    );
    const renames = succeeded
      .filter(({ kind }) => kind === 'rename')
      .map(({ variables }) => (variables.input as { name: string }).name);
    expect(renames.length === 0 ? [name] : renames).toContain(after.name);
    expect(Boolean(after.active)).toBe(deactivated === activated);

    // One or two live tokens; renewalPending says which, and the API agrees with the rows.
    const live = await liveTokens(key.apiKey.id);
    expect(live.length).toBeGreaterThanOrEqual(1);
    expect(live.length).toBeLessThanOrEqual(2);
    const api = await server.graphql<{ apiKey: { renewalPending: boolean; tokens: unknown[] } }>(
      'query ($id: ID!) { apiKey(id: $id) { renewalPending tokens { id } } }',
      { id: key.apiKey.id },
      { cookie: owner.cookie },
    );
    expect(api.data?.apiKey.tokens).toHaveLength(live.length);
    expect(api.data?.apiKey.renewalPending).toBe(live.length === 2);

    // Exactly the live tokens authenticate: the original or the ones renewals revealed.
    const revealed = [
      key.token,
      ...succeeded.flatMap(({ kind, result }) =>
        kind === 'renew'
          ? [(result.data as { renewApiToken: { token: string } }).renewApiToken.token]
          : [],
      ),
    ];
    const working = [];
    for (const token of revealed) {
      const code = await verify(key, token);
      expect(['VALID', 'INACTIVE', 'INVALID_CREDENTIALS']).toContain(code);
      if (code !== 'INVALID_CREDENTIALS') working.push(token);
    }
    expect(working).toHaveLength(live.length);
    return { sent, succeeded };
  };

  it('20 mixed edits, activations and renewals of one key leave it consistent', async () => {
    const kinds: Kind[] = [
      'rename', 'rename', 'rename', 'rename',
      'roles', 'roles',
      'activate', 'deactivate', 'activate', 'deactivate', 'deactivate',
      'renew', 'renew', 'renew', 'renew',
      'deleteOld', 'deleteOld', 'undo', 'undo', 'renew',
    ]; // prettier-ignore
    const { succeeded } = await race('mixed', kinds);
    expect(succeeded.length).toBeGreaterThan(0);
  });

  it('the same mix with a delete in the middle: the key is gone, every event still matches', async () => {
    const kinds: Kind[] = [
      'rename', 'renew', 'deactivate', 'rename', 'renew', 'activate', 'undo',
      'delete',
      'rename', 'renew', 'deleteOld', 'deactivate', 'roles', 'undo', 'renew', 'activate',
      'rename', 'deleteOld', 'renew', 'rename',
    ]; // prettier-ignore
    await race('with delete', kinds);
  });

  it('two parallel renames: the name is one of them and the version advanced twice', async () => {
    for (let round = 0; round < 5; round++) {
      const { succeeded } = await race(`pair ${round}`, ['rename', 'rename']);
      expect(succeeded).toHaveLength(2);
    }
  });

  it('parallel renewals: exactly one wins while a renewal is pending, the rest answer CONFLICT', async () => {
    const { sent, succeeded } = await race(
      'renewals',
      Array.from({ length: 10 }, (): Kind => 'renew').map((kind) => kind),
    );
    // KEEP_UNTIL_DELETED or EXPIRE_IN_1_HOUR leave a renewal pending: later ones conflict.
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    for (const { result } of sent.filter((entry) => !succeeded.includes(entry))) {
      expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    }
  });
});
