// Bulk key generation for benchmarks and query-plan tests: multi-row INSERTs in batches,
// one transaction per batch, on SQLite or MySQL/MariaDB. Rows look like what the app writes
// (same columns, formats and invariants), with realistic spreads of dates, status and roles.
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { sqlTimestamp } from '../../src/common/keyset.js';
import { generateToken, hashToken } from '../../src/modules/tokens/api-token.secret.js';
import { keyNamesChanged } from '../../src/modules/api-keys/key-names-version.js';
import { KEPT_UNTIL_DELETED } from '../../src/modules/api-keys/pending-renewal.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A deterministic PRNG (mulberry32): the same seed gives the same data shape. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * Who generated the seeded keys, by position (not drawn, so the other columns keep their
 * spread): one key in a hundred by an external key, nine by one of the account's own keys, the
 * rest by one user. The creator filter then has a dense, a middling and a sparse case.
 */
export const SEED_CREATORS = {
  user: { type: 'user', id: '00000000-0000-4000-8000-000000000001', label: 'owner@seed.test' },
  ownKey: { type: 'api-key', id: '00000000-0000-4000-8000-00000000a001' },
  externalKey: { type: 'external-key', id: '00000000-0000-4000-8000-00000000e001' },
} as const;
const seedCreator = (index: number, accountSlug: string): Value[] => {
  const slot = index % 100;
  if (slot === 0) {
    const { type, id } = SEED_CREATORS.externalKey;
    return [type, id, 'kw-seed-partner-external001', null, 'seed-partner'];
  }
  if (slot < 10) {
    const { type, id } = SEED_CREATORS.ownKey;
    return [type, id, `kw-${accountSlug}-seedownkey01`, null, null];
  }
  const { type, id, label } = SEED_CREATORS.user;
  return [type, id, label, null, null];
};

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `kw-<slug>-<12 random [a-z0-9]>`, like generateKeyIdentifier (CSPRNG, so re-seeding never collides). */
const keyIdentifier = (slug: string): string =>
  `kw-${slug}-${[...randomBytes(12)].map((byte) => KEY_ALPHABET[byte % 36]).join('')}`;

const COMPANIES = [
  'ABC Atacadista',
  'Acme Retail',
  'Bling',
  'Casa Verde',
  'Delta Foods',
  'Ecom Partners',
  'Frete Rapido',
  'Globex',
  'Hub Logistica',
  'Initech',
  'Jade Moda',
  'Kappa Sports',
  'Loja Azul',
  'Mercado Sul',
  'Nimbus Cloud',
  'Omni Brands',
  'Pix Pagamentos',
  'Quanta Data',
  'Rede Norte',
  'Sigma Analytics',
  'Tiny ERP',
  'Umbrella Corp',
  'Vortex Media',
  'Wayne Supply',
  'Xpress Envios',
  'Zeta Marketing',
];
const SYSTEMS = ['ERP', 'OMS', 'WMS', 'CRM', 'BI', 'PIM', 'Marketplace', 'Checkout', 'Storefront'];
const PURPOSES = [
  'order sync',
  'stock update',
  'price feed',
  'catalog import',
  'invoice export',
  'tracking webhook',
  'nightly report',
  'customer sync',
  'integration',
];

export interface SeedRole {
  id: string;
  /** predefinedKey, or the name of a custom role. */
  key: string;
}

export interface SeedKeysOptions {
  dataSource: DataSource;
  accountId: string;
  accountSlug: string;
  /** Roles of the account, 0 to 2 of which each key's grant holds. */
  roles: readonly SeedRole[];
  count: number;
  tokenSecret: string;
  /** Keys per batch: one transaction holding one multi-row INSERT per table. */
  batchSize?: number;
  /** How many keys to return with their clear token (active, fresh token, at least one role). */
  keepTokens?: number;
  /** Numbering of names starts after this (re-seeding an account keeps names unique). */
  nameOffset?: number;
  now?: Date;
  seed?: number;
  onBatch?: (progress: { keys: number; rows: number; elapsedMs: number }) => void;
}

export interface SeedKeysResult {
  keys: number;
  rows: number;
  elapsedMs: number;
  kept: { id: string; key: string; token: string; roles: string[] }[];
}

type Value = string | number | null;

interface Batch {
  apiKeys: Value[][];
  apiTokens: Value[][];
  keyGrants: Value[][];
  keyGrantRoles: Value[][];
}

const TABLES: { name: keyof Batch; table: string; columns: string[] }[] = [
  {
    name: 'apiKeys',
    table: 'api_keys',
    columns: [
      'id',
      'accountId',
      'key',
      'name',
      'nameNormalized',
      'active',
      'createdAt',
      'updatedAt',
      'tokenCreatedAt',
      'lastUsedAt',
      'version',
      'oldTokenLiveUntil',
      'createdByType',
      'createdById',
      'createdByLabel',
      'createdByAccountId',
      'createdByAccountSlug',
    ],
  },
  {
    name: 'apiTokens',
    table: 'api_tokens',
    columns: ['id', 'apiKeyId', 'tokenHash', 'createdAt', 'expiresAt', 'lastUsedAt', 'lastUsedIp'],
  },
  { name: 'keyGrants', table: 'key_grants', columns: ['id', 'apiKeyId', 'accountId', 'createdAt'] },
  { name: 'keyGrantRoles', table: 'key_grant_roles', columns: ['grantId', 'roleId'] },
];

const insertRows = async (
  runner: QueryRunner,
  table: string,
  columns: string[],
  rows: Value[][],
) => {
  if (rows.length === 0) return;
  // SQLite binds at most 32,766 values a statement.
  const most = Math.floor(30_000 / columns.length);
  if (rows.length > most) {
    for (let start = 0; start < rows.length; start += most) {
      await insertRows(runner, table, columns, rows.slice(start, start + most));
    }
    return;
  }
  const escape = (name: string) => runner.connection.driver.escape(name);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO ${escape(table)} (${columns.map(escape).join(', ')}) VALUES ${rows
    .map(() => tuple)
    .join(', ')}`;
  await runner.query(sql, rows.flat());
};

/** Inserts `count` keys with one token each (two for 1% pending renewals), a grant and 0-2 roles. */
export const seedKeys = async (options: SeedKeysOptions): Promise<SeedKeysResult> => {
  const {
    dataSource,
    accountId,
    accountSlug,
    roles,
    count,
    tokenSecret,
    batchSize = 2_000,
    keepTokens = 0,
    nameOffset = 0,
    now = new Date(),
    seed = 20_251_123,
  } = options;
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nowMs = now.getTime();
  const kept: SeedKeysResult['kept'] = [];
  const started = performance.now();
  let rows = 0;

  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    for (let done = 0; done < count;) {
      const size = Math.min(batchSize, count - done);
      const batch: Batch = { apiKeys: [], apiTokens: [], keyGrants: [], keyGrantRoles: [] };
      for (let i = 0; i < size; i++) {
        const index = done + i;
        const keep = kept.length < keepTokens;
        const id = randomUUID();
        const key = keyIdentifier(accountSlug);
        const name = `${pick(COMPANIES)} ${pick(SYSTEMS)} ${pick(PURPOSES)} ${String(nameOffset + index + 1).padStart(7, '0')}`;
        // Created over the last two years; ~10% inactive.
        const createdMs = nowMs - Math.floor(random() * 730 * DAY_MS) - 60_000;
        const active = keep || random() >= 0.1;
        // 40% never renewed; the rest renewed at some point since creation.
        const renewed = random() >= 0.4;
        let tokenCreatedMs = renewed
          ? createdMs + Math.floor(random() * (nowMs - createdMs))
          : createdMs;
        if (keep) tokenCreatedMs = Math.max(createdMs, nowMs - Math.floor(random() * 30 * DAY_MS));
        // 1% of keys are mid-renewal: the old token still lives beside the current one.
        const pending = !keep && random() < 0.01;
        if (pending && tokenCreatedMs <= createdMs + 1_000) {
          tokenCreatedMs = createdMs + Math.floor((nowMs - createdMs) / 2);
        }
        // ~60% have been used since their current token was issued.
        const lastUsedMs =
          random() < 0.6 ? tokenCreatedMs + Math.floor(random() * (nowMs - tokenCreatedMs)) : null;
        const lastUsedAt = lastUsedMs === null ? null : sqlTimestamp(new Date(lastUsedMs));
        const createdAt = sqlTimestamp(new Date(createdMs));
        const tokenCreatedAt = sqlTimestamp(new Date(tokenCreatedMs));
        const oldTokenExpiresAt = !pending
          ? null
          : random() < 0.5
            ? null
            : sqlTimestamp(new Date(nowMs + random() * 7 * DAY_MS));
        batch.apiKeys.push([
          id,
          accountId,
          key,
          name,
          name.toLowerCase(),
          active ? 1 : 0,
          createdAt,
          tokenCreatedAt,
          tokenCreatedAt,
          lastUsedAt,
          1,
          pending ? (oldTokenExpiresAt ?? sqlTimestamp(KEPT_UNTIL_DELETED)) : null,
          ...seedCreator(nameOffset + index, accountSlug),
        ]);
        const token = generateToken();
        const ip = () => `198.51.100.${1 + Math.floor(random() * 254)}`;
        batch.apiTokens.push([
          randomUUID(),
          id,
          hashToken(tokenSecret, token),
          tokenCreatedAt,
          null,
          lastUsedAt,
          lastUsedAt === null ? null : ip(),
        ]);
        if (pending) {
          const expiresAt = oldTokenExpiresAt;
          const oldUsed = random() < 0.8 ? sqlTimestamp(new Date(tokenCreatedMs - 60_000)) : null;
          batch.apiTokens.push([
            randomUUID(),
            id,
            hashToken(tokenSecret, generateToken()),
            createdAt,
            expiresAt,
            oldUsed,
            oldUsed === null ? null : ip(),
          ]);
        }
        const grantId = randomUUID();
        batch.keyGrants.push([grantId, id, accountId, createdAt]);
        // 0 roles 25%, 1 role 50%, 2 roles 25% (kept keys hold at least one).
        const draw = random();
        const roleCount = Math.min(roles.length, draw < 0.25 && !keep ? 0 : draw < 0.75 ? 1 : 2);
        const chosen = new Set<SeedRole>();
        while (chosen.size < roleCount) chosen.add(pick(roles));
        for (const role of chosen) batch.keyGrantRoles.push([grantId, role.id]);
        if (keep) {
          kept.push({ id, key, token, roles: [...chosen].map((role) => role.key) });
        }
      }
      await runner.startTransaction();
      try {
        for (const { name, table, columns } of TABLES) {
          await insertRows(runner, table, columns, batch[name]);
          rows += batch[name].length;
        }
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
      done += size;
      options.onBatch?.({ keys: done, rows, elapsedMs: performance.now() - started });
    }
  } finally {
    await runner.release();
  }
  // As the app does: servers holding the account's key names for search reload them.
  await keyNamesChanged(options.dataSource.manager, options.accountId);
  return { keys: count, rows, elapsedMs: performance.now() - started, kept };
};

/** Fresh statistics, so the optimizer sees the real row counts. */
export const analyzeKeyTables = async (dataSource: DataSource): Promise<void> => {
  const type = dataSource.options.type;
  if (type === 'mysql' || type === 'mariadb') {
    await dataSource.query('ANALYZE TABLE api_keys, api_tokens, key_grants, key_grant_roles');
  } else {
    await dataSource.query('ANALYZE');
  }
};

/** Grants `apiKeyIds` (keys of other accounts) in `accountId`, each with one of `roles`. */
export const seedExternalGrants = async (options: {
  dataSource: DataSource;
  accountId: string;
  apiKeyIds: readonly string[];
  roles: readonly SeedRole[];
  now?: Date;
  seed?: number;
}): Promise<void> => {
  const { dataSource, accountId, apiKeyIds, roles, now = new Date(), seed = 7 } = options;
  const random = seededRandom(seed);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const grants: Value[][] = [];
    const grantRoles: Value[][] = [];
    for (const apiKeyId of apiKeyIds) {
      const id = randomUUID();
      const createdAt = sqlTimestamp(new Date(now.getTime() - Math.floor(random() * 365 * DAY_MS)));
      grants.push([id, apiKeyId, accountId, createdAt]);
      const role = roles[Math.floor(random() * roles.length)];
      if (role && random() < 0.8) grantRoles.push([id, role.id]);
    }
    for (let i = 0; i < grants.length; i += 2_000) {
      await insertRows(
        runner,
        'key_grants',
        ['id', 'apiKeyId', 'accountId', 'createdAt'],
        grants.slice(i, i + 2_000),
      );
    }
    for (let i = 0; i < grantRoles.length; i += 2_000) {
      await insertRows(
        runner,
        'key_grant_roles',
        ['grantId', 'roleId'],
        grantRoles.slice(i, i + 2_000),
      );
    }
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
};
