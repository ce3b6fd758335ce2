// Runs generated requests against a TestServer and checks the fuzz properties:
//  1. no HTTP 5xx;
//  2. every error carries an allowed `extensions.code` (INTERNAL_SERVER_ERROR is a failure);
//  3. no response leaks a stack trace, a path, a driver error or SQL;
//  4. a rejected mutation changes no row of any table;
//  5. (per run) nothing of the other account ever changes.
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { Resources } from '../../src/modules/roles/resource-catalog.js';
import type { Role } from '../../src/modules/roles/role.entity.js';
import { accountWithOwner, generateKey, PASSWORD, type GeneratedKey } from './fixtures.js';
import type { Auth, FuzzCase, FuzzPools } from './graphql-arbitraries.js';
import { loadSchema } from './graphql-arbitraries.js';
import type { Credentials, TestServer } from './test-server.js';

/** Codes a client may see; anything else (INTERNAL_SERVER_ERROR above all) is a failure. */
export const ALLOWED_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'EXPIRED',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  // Passed through by src/graphql-errors.ts as request errors.
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Query limits (depth, aliases, cost, tokens) the server may add.
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
  'PAYLOAD_TOO_LARGE',
]);

/** Internal text that must never reach a client. */
export const LEAK_PATTERNS: RegExp[] = [
  /at .*\(.*:\d+:\d+\)/,
  /node_modules/,
  /\/work\//,
  /SQLITE_/,
  /\bER_[A-Z_]+/,
  /QueryFailedError/,
  /TypeError/,
  /SELECT /,
  /INSERT /,
];

export interface FuzzActor {
  accountId: string;
  slug: string;
  cookie: string;
  key: GeneratedKey;
}

export interface FuzzWorld {
  server: TestServer;
  schema: GraphQLSchema;
  pools: FuzzPools;
  main: FuzzActor;
  rival: FuzzActor;
  canaryToken: string;
  /** Owner users created to replace one the fuzzer demoted. */
  replacements: number;
}

const CANARY = 'kwt_FUZZCANARYFUZZCANARYFUZZCANARYFUZZCANARY0abc123';

const addExternal = async (server: TestServer, cookie: string, key: string, roleIds: string[]) => {
  const result = await server.graphql<{ addExternalKey: { externalKey: { id: string } } }>(
    'mutation ($input: AddExternalKeyInput!) { addExternalKey(input: $input) { externalKey { id } } }',
    { input: { key, roleIds } },
    { cookie },
  );
  if (!result.data) throw new Error(`addExternalKey failed: ${JSON.stringify(result.errors)}`);
  return result.data.addExternalKey.externalKey.id;
};

const accountIds = async (server: TestServer, accountId: string) => {
  const rows = async (sql: string) =>
    ((await server.dataSource.query(sql, [accountId])) as { id: string }[]).map((row) => row.id);
  return [
    ...(await rows('SELECT id FROM api_keys WHERE accountId = ?')),
    ...(await rows('SELECT id FROM roles WHERE accountId = ?')),
    ...(await rows('SELECT id FROM memberships WHERE accountId = ?')),
    ...(await rows('SELECT id FROM key_grants WHERE accountId = ?')),
    ...(await rows('SELECT userId AS id FROM memberships WHERE accountId = ?')),
    ...(await rows(
      'SELECT t.id FROM api_tokens t JOIN api_keys k ON k.id = t.apiKeyId WHERE k.accountId = ?',
    )),
  ];
};

/**
 * Two accounts, each with an owner, keys, a custom role, another member and an external grant of
 * the other's key; the fuzzer acts in `main`, and `rival`'s ids are in every pool.
 */
export const setupFuzzWorld = async (server: TestServer): Promise<FuzzWorld> => {
  const actor = async (slug: string) => {
    const owner = await accountWithOwner(server, slug);
    const ownerRole = owner.roles.get('owner') as Role;
    const key = await generateKey(server, owner.cookie, `${slug} fuzz actor`, [ownerRole.id]);
    await generateKey(server, owner.cookie, `${slug} idle`, []);
    const custom = await server.createRole(owner.account.id, `${slug} custom`, [
      Resources.viewApiKeys,
    ]);
    await server.createUser(`member@${slug}.test`, PASSWORD, [
      { accountId: owner.account.id, roles: [custom] },
    ]);
    return {
      actor: { accountId: owner.account.id, slug, cookie: owner.cookie, key },
      ownerRole,
      custom,
    };
  };
  const main = await actor('fuzz');
  const rival = await actor('rival');
  await addExternal(server, main.actor.cookie, rival.actor.key.apiKey.key, [main.custom.id]);
  await addExternal(server, rival.actor.cookie, main.actor.key.apiKey.key, [rival.custom.id]);

  const ids = [
    ...(await accountIds(server, main.actor.accountId)),
    ...(await accountIds(server, rival.actor.accountId)),
    main.actor.accountId,
    rival.actor.accountId,
  ];
  const keys = (await server.dataSource.query('SELECT `key` FROM api_keys')) as { key: string }[];
  const users = (await server.dataSource.query('SELECT email FROM users')) as { email: string }[];
  return {
    server,
    schema: loadSchema(),
    pools: {
      ids: [...new Set(ids)],
      keyIdentifiers: keys.map((row) => row.key),
      emails: users.map((row) => row.email),
      resourceKeys: Object.values(Resources),
      canaryTokens: [
        CANARY,
        `${CANARY}x`,
        'kwt_',
        'kwt_0000000000000000000000000000000000000000000000000',
      ],
    },
    main: main.actor,
    rival: rival.actor,
    canaryToken: CANARY,
    replacements: 0,
  };
};

export const credentialsFor = (world: FuzzWorld, auth: Auth): Credentials => {
  switch (auth) {
    case 'owner':
      return { cookie: world.main.cookie };
    case 'key':
      return { key: world.main.key.apiKey.key, token: world.main.key.token };
    case 'badKey':
      return { key: world.main.key.apiKey.key, token: world.canaryToken };
    default:
      return {};
  }
};

interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  requestText: string;
}

const send = async (world: FuzzWorld, fuzzCase: FuzzCase): Promise<RawResponse> => {
  const credentials = credentialsFor(world, fuzzCase.auth);
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.key !== undefined) headers['x-api-appkey'] = credentials.key;
  if (credentials.token !== undefined) headers['x-api-apptoken'] = credentials.token;
  let url = `${world.server.url}/graphql`;
  let init: RequestInit;
  let requestText: string;
  if (fuzzCase.kind === 'document') {
    requestText = JSON.stringify({ query: fuzzCase.document, variables: fuzzCase.variables });
    init = {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: requestText,
    };
  } else {
    if (fuzzCase.contentType) headers['content-type'] = fuzzCase.contentType;
    if (fuzzCase.preflight) headers['apollo-require-preflight'] = 'true';
    if (fuzzCase.search) url += `?${fuzzCase.search}`;
    requestText = `${safeDecode(fuzzCase.search)}\n${fuzzCase.body ?? ''}`;
    init = { method: fuzzCase.method, headers, body: fuzzCase.body ?? undefined };
  }
  const response = await fetch(url, init);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
    requestText,
  };
};

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

interface ResponseError {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown };
}

interface ParsedBody {
  data?: Record<string, unknown> | null;
  errors?: ResponseError[];
}

/** Checks 1 to 3 on one response. */
export const responseFailures = (
  response: RawResponse,
): { failures: string[]; body: ParsedBody | null } => {
  const failures: string[] = [];
  if (response.status >= 500)
    failures.push(`HTTP ${response.status}: ${response.text.slice(0, 300)}`);
  for (const pattern of LEAK_PATTERNS) {
    const match = pattern.exec(response.text);
    if (match && !response.requestText.includes(match[0])) {
      failures.push(
        `leak ${pattern}: …${response.text.slice(Math.max(0, match.index - 60), match.index + 80)}…`,
      );
    }
  }
  let body: ParsedBody | null = null;
  try {
    body = JSON.parse(response.text) as ParsedBody;
  } catch {
    failures.push(
      `not JSON (${response.status}, ${response.contentType}): ${response.text.slice(0, 200)}`,
    );
    return { failures, body };
  }
  if (body === null || typeof body !== 'object' || (!('data' in body) && !('errors' in body))) {
    failures.push(`not a GraphQL response: ${response.text.slice(0, 200)}`);
    return { failures, body: null };
  }
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !ALLOWED_CODES.has(code)) {
      failures.push(`code ${String(code)}: ${String(error.message).slice(0, 200)}`);
    }
  }
  return { failures, body };
};

/**
 * The mutation did nothing: the request failed before execution, or every root selection failed
 * itself (not a nested field after the change). With non-null payloads, one failing alias nulls
 * the whole `data` while another alias may have committed: only errors count, not `data`.
 */
const rejected = (body: ParsedBody | null, status: number, fuzzCase: FuzzCase): boolean => {
  if (!body) return status >= 400;
  const errors = body.errors ?? [];
  if (errors.length === 0) return false;
  if (!('data' in body)) return true;
  if (errors.some((error) => Array.isArray(error.path) && error.path.length > 1)) return false;
  const failedRoots = new Set(
    errors.flatMap((error) => (Array.isArray(error.path) ? [String(error.path[0])] : [])),
  );
  const roots = fuzzCase.kind === 'document' ? fuzzCase.rootSelections : 0;
  return roots > 0 && failedRoots.size === roots;
};

// ---------------------------------------------------------------- table snapshots

/** Written by batches on their own clock (last use), not by the request under test. */
const VOLATILE_COLUMNS = new Set(['lastUsedAt', 'lastUsedIp']);
const SKIPPED_TABLES = new Set(['auth_cache_version']);

const normalize = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (typeof value === 'bigint') return value.toString();
  return value;
};

const rowText = (row: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(row)
      .filter((column) => !VOLATILE_COLUMNS.has(column))
      .sort()
      .map((column) => [column, normalize(row[column])]),
  );

export const entityTables = (dataSource: DataSource): string[] =>
  [...new Set(dataSource.entityMetadatas.map((metadata) => metadata.tableName))]
    .filter((table) => !SKIPPED_TABLES.has(table))
    .sort();

export type Snapshot = Map<string, string[]>;

/** Every row of every table (refused-authentication events aside), sorted. */
export const snapshotTables = async (
  dataSource: DataSource,
  where: Record<string, string> = {},
  parameters: unknown[] = [],
): Promise<Snapshot> => {
  const snapshot: Snapshot = new Map();
  for (const table of entityTables(dataSource)) {
    const conditions = [
      ...(table === 'audit_events' ? ["action <> 'auth.refused'"] : []),
      ...(where[table] ? [where[table]] : []),
    ];
    const count = (where[table]?.match(/\?/g) ?? []).length;
    const rows = (await dataSource.query(
      `SELECT * FROM ${dataSource.driver.escape(table)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
      where[table]
        ? Array.from({ length: count }, (_, i) => parameters[i % parameters.length])
        : [],
    )) as Record<string, unknown>[];
    snapshot.set(table, rows.map(rowText).sort());
  }
  return snapshot;
};

export const diffSnapshots = (before: Snapshot, after: Snapshot): string[] => {
  const differences: string[] = [];
  for (const [table, rows] of before) {
    const now = after.get(table) ?? [];
    const was = new Set(rows);
    const is = new Set(now);
    const removed = rows.filter((row) => !is.has(row));
    const added = now.filter((row) => !was.has(row));
    if (removed.length || added.length) {
      differences.push(
        `${table}: -${removed.length} +${added.length} ${[
          ...removed.map((r) => `- ${r}`),
          ...added.map((r) => `+ ${r}`),
        ]
          .join(' ')
          .slice(0, 600)}`,
      );
    }
  }
  return differences;
};

/** Rows that belong to the rival account: nothing the fuzzer does in `main` may change them. */
export const rivalSnapshot = (world: FuzzWorld): Promise<Snapshot> => {
  const rivalKeys = 'SELECT id FROM api_keys WHERE accountId = ?';
  const rivalGrants = `SELECT id FROM key_grants WHERE accountId = ? AND apiKeyId IN (${rivalKeys})`;
  const rivalMembers = 'SELECT id FROM memberships WHERE accountId = ?';
  return snapshotTables(
    world.server.dataSource,
    {
      accounts: 'id = ?',
      api_keys: 'accountId = ?',
      api_tokens: `apiKeyId IN (${rivalKeys})`,
      key_grants: `accountId = ? AND apiKeyId IN (${rivalKeys})`,
      key_grant_roles: `grantId IN (${rivalGrants})`,
      roles: 'accountId = ?',
      role_resources: 'roleId IN (SELECT id FROM roles WHERE accountId = ?)',
      memberships: 'accountId = ?',
      membership_roles: `membershipId IN (${rivalMembers})`,
      api_key_settings: 'accountId = ?',
      audit_events: 'accountId = ?',
      single_access_links: 'accountId = ?',
      token_reminders: 'accountId = ?',
      sessions: 'accountId = ?',
      users: 'id IN (SELECT userId FROM memberships WHERE accountId = ?)',
      invitations: 'accountId = ?',
      invitation_roles: 'invitationId IN (SELECT id FROM invitations WHERE accountId = ?)',
    },
    [world.rival.accountId],
  );
};

// ---------------------------------------------------------------- running cases

const ALL_RESOURCES = Object.values(Resources).length;

/** The fuzzer may sign its owner out, demote it, or renew, deactivate or delete its key: undo that. */
export const restoreActors = async (world: FuzzWorld): Promise<void> => {
  const { server } = world;
  const me = '{ me { resources } }';
  const owner = await server.graphql<{ me: { resources: string[] } }>(
    me,
    {},
    credentialsFor(world, 'owner'),
  );
  if ((owner.data?.me.resources.length ?? 0) < ALL_RESOURCES) {
    world.replacements += 1;
    const email = `owner${world.replacements}@fuzz.test`;
    const ownerRole = (await server.dataSource.query(
      "SELECT id FROM roles WHERE accountId = ? AND predefinedKey = 'owner'",
      [world.main.accountId],
    )) as { id: string }[];
    const role = { id: ownerRole[0]?.id } as Role;
    await server.createUser(email, PASSWORD, [{ accountId: world.main.accountId, roles: [role] }]);
    world.main.cookie = await server.signIn(email, PASSWORD);
  }
  const key = await server.graphql<{ me: { resources: string[] } }>(
    me,
    {},
    credentialsFor(world, 'key'),
  );
  if ((key.data?.me.resources.length ?? 0) < ALL_RESOURCES) {
    world.replacements += 1;
    const ownerRole = (await server.dataSource.query(
      "SELECT id FROM roles WHERE accountId = ? AND predefinedKey = 'owner'",
      [world.main.accountId],
    )) as { id: string }[];
    world.main.key = await generateKey(
      server,
      world.main.cookie,
      `fuzz actor ${world.replacements}`,
      [ownerRole[0]?.id ?? ''],
    );
  }
};

export interface CaseOutcome {
  status: number;
  failures: string[];
  mutation: boolean;
  rejected: boolean;
}

const isMutation = (fuzzCase: FuzzCase): boolean =>
  fuzzCase.kind === 'raw' || fuzzCase.operation === 'mutation';

/** Sends one case and checks it; snapshots around every mutation (and raw request). */
export const runFuzzCase = async (world: FuzzWorld, fuzzCase: FuzzCase): Promise<CaseOutcome> => {
  const mutation = isMutation(fuzzCase);
  const before = mutation ? await snapshotTables(world.server.dataSource) : null;
  let response: RawResponse;
  try {
    response = await send(world, fuzzCase);
  } catch (error) {
    // A reset connection or a hung request is a server failure too.
    return { status: 0, failures: [`request failed: ${String(error)}`], mutation, rejected: false };
  }
  const { failures, body } = responseFailures(response);
  const wasRejected = rejected(body, response.status, fuzzCase);
  if (before && wasRejected) {
    const changes = diffSnapshots(before, await snapshotTables(world.server.dataSource));
    for (const change of changes) failures.push(`rejected mutation changed ${change}`);
  }
  if (mutation && !wasRejected) await restoreActors(world);
  return { status: response.status, failures, mutation, rejected: wasRejected };
};

/** A failing case, short enough to print. */
export const describeCase = (fuzzCase: FuzzCase): string => {
  const clip = (text: string) =>
    text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
  if (fuzzCase.kind === 'document') {
    return `[${fuzzCase.auth}] ${clip(fuzzCase.document)}\nvariables: ${clip(JSON.stringify(fuzzCase.variables))}`;
  }
  return `[${fuzzCase.auth}] ${fuzzCase.method} ?${clip(fuzzCase.search)} content-type=${fuzzCase.contentType} preflight=${fuzzCase.preflight}\nbody: ${clip(fuzzCase.body ?? '')}`;
};
