import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeKeyTables, SEED_CREATORS, seedKeys } from '../bench/support/seed.js';
import { ListPlans } from '../src/modules/api-keys/listing/list-plans.js';
import { DEFAULT_DURATION_DAYS } from '../src/modules/settings/api-key-settings.entity.js';
import { AlertLevel, alertLevelOf } from '../src/modules/tokens/token-age.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, LIST } from './support/fixtures.js';
import { TEST_SECRET, TestServer } from './support/test-server.js';

/**
 * Lists with more than 1,000 matches take another path than small ones: on MySQL they force
 * the sort index, the role filter becomes a scalar subquery, alert levels add a createdAt
 * bound and the STATUS sort spells out both statuses. Each sort and filter on that path is
 * compared, two pages deep, with the same list worked out in memory from every key. Searches
 * run twice: from the database, and from the account's key names held in memory.
 */
interface KeyRow {
  id: string;
  key: string;
  nameNormalized: string;
  active: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  tokenCreatedAt: Date;
  oldTokenLiveUntil: Date | null;
  roleIds: Set<string>;
  createdByType: string | null;
  createdById: string | null;
}

type SortField = 'NAME' | 'CREATED_AT' | 'STATUS' | 'LAST_USED';
const SORT_VALUES: Record<SortField, (row: KeyRow) => (string | number | null)[]> = {
  NAME: (row) => [row.nameNormalized, row.id],
  CREATED_AT: (row) => [row.createdAt.getTime(), row.id],
  STATUS: (row) => [row.active ? 1 : 0, row.createdAt.getTime(), row.id],
  LAST_USED: (row) => [row.lastUsedAt?.getTime() ?? null, row.id],
};

/** NULL lowest, as both databases sort it; ids compare as the databases' binary-safe ASCII. */
const compare = (a: (string | number | null)[], b: (string | number | null)[]): number => {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] ?? null, b[i] ?? null];
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
};

const toDate = (value: unknown): Date =>
  value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);

describe.each(testDatabases)('dense lists walking the sort index on $name', (database) => {
  let server: TestServer;
  let cookie: string;
  let rows: KeyRow[];
  let roleIds: string[];
  let accountId: string;

  beforeAll(async () => {
    server = await TestServer.start(database);
    const owner = await accountWithOwner(server, 'walker');
    cookie = owner.cookie;
    accountId = owner.account.id;
    const roles = [...owner.roles.entries()].map(([key, role]) => ({ id: role.id, key }));
    roleIds = ['oms-read-only', 'api-keys-read-only'].map((key) => owner.roles.get(key)!.id);
    await seedKeys({
      dataSource: server.dataSource,
      accountId: owner.account.id,
      accountSlug: owner.account.slug,
      roles,
      count: 8_000,
      tokenSecret: TEST_SECRET,
      now: server.clock.now(),
    });
    await analyzeKeyTables(server.dataSource);
    const raw = (await server.dataSource.query(
      `SELECT k.id, k.\`key\` AS keyId, k.nameNormalized, k.active, k.createdAt, k.lastUsedAt,
        k.tokenCreatedAt, k.oldTokenLiveUntil, k.createdByType, k.createdById, gr.roleId
       FROM api_keys k
       LEFT JOIN key_grants g ON g.apiKeyId = k.id AND g.accountId = k.accountId
       LEFT JOIN key_grant_roles gr ON gr.grantId = g.id
       WHERE k.accountId = ?`.replace(/`/g, database.name === 'mysql' ? '`' : '"'),
      [owner.account.id],
    )) as Record<string, unknown>[];
    const byId = new Map<string, KeyRow>();
    for (const row of raw) {
      const id = String(row.id);
      const existing = byId.get(id);
      if (existing) {
        if (row.roleId) existing.roleIds.add(String(row.roleId));
        continue;
      }
      byId.set(id, {
        id,
        key: String(row.keyId),
        nameNormalized: String(row.nameNormalized),
        active: Boolean(Number(row.active)),
        createdAt: toDate(row.createdAt),
        lastUsedAt: row.lastUsedAt === null ? null : toDate(row.lastUsedAt),
        tokenCreatedAt: toDate(row.tokenCreatedAt),
        oldTokenLiveUntil: row.oldTokenLiveUntil === null ? null : toDate(row.oldTokenLiveUntil),
        roleIds: new Set(row.roleId ? [String(row.roleId)] : []),
        createdByType: row.createdByType === null ? null : String(row.createdByType),
        createdById: row.createdById === null ? null : String(row.createdById),
      });
    }
    rows = [...byId.values()];
  });
  afterAll(async () => server.stop());

  const filters: [string, Record<string, unknown>, (row: KeyRow, now: Date) => boolean][] = [
    ['none', {}, () => true],
    ['status ACTIVE', { status: 'ACTIVE' }, (row) => row.active],
    ['roles', { roleIds: ['ROLES'] }, (row) => roleIds.some((id) => row.roleIds.has(id))],
    ['search', { search: 'a' }, (row) => hasA(row)],
    ['search, status ACTIVE', { search: 'A', status: 'ACTIVE' }, (row) => hasA(row) && row.active],
    [
      'search, roles',
      { search: 'a', roleIds: ['ROLES'] },
      (row) => hasA(row) && roleIds.some((id) => row.roleIds.has(id)),
    ],
    [
      'alertLevel NONE',
      { alertLevel: 'NONE' },
      (row, now) =>
        alertLevelOf(row.tokenCreatedAt, DEFAULT_DURATION_DAYS, now) === AlertLevel.NONE,
    ],
    [
      'alertLevel ORANGE',
      { alertLevel: 'ORANGE' },
      (row, now) =>
        alertLevelOf(row.tokenCreatedAt, DEFAULT_DURATION_DAYS, now) === AlertLevel.ORANGE,
    ],
    [
      'no pending renewal',
      { renewalPending: false },
      (row, now) => !(row.oldTokenLiveUntil && row.oldTokenLiveUntil > now),
    ],
    [
      'createdBy one user',
      { createdBy: { kind: 'USER', id: SEED_CREATORS.user.id } },
      (row) => row.createdByType === 'user' && row.createdById === SEED_CREATORS.user.id,
    ],
    [
      'createdBy members, status ACTIVE',
      { createdBy: { kind: 'USER' }, status: 'ACTIVE' },
      (row) => row.createdByType === 'user' && row.active,
    ],
    // No seeded key is leaked: the "not leaked" filter matches them all, densely.
    ['not leaked', { leaked: false }, () => true],
    [
      'inactiveForDays 30',
      { inactiveForDays: 30 },
      (row, now) => {
        const cutoff = now.getTime() - 30 * 24 * 60 * 60 * 1000;
        return (
          row.tokenCreatedAt.getTime() <= cutoff &&
          (row.lastUsedAt === null || row.lastUsedAt.getTime() <= cutoff)
        );
      },
    ],
  ];
  const cases = (['NAME', 'CREATED_AT', 'STATUS', 'LAST_USED'] as const).flatMap((field) =>
    (['ASC', 'DESC'] as const).flatMap((direction) =>
      filters.flatMap(([label, filter, matches]) =>
        (filter.search ? (['database', 'memory'] as const) : [null]).map((searchFrom) => ({
          field,
          direction,
          label: searchFrom ? `${label} from ${searchFrom}` : label,
          filter,
          matches,
          searchFrom,
        })),
      ),
    ),
  );

  it.each(cases)(
    '$field $direction, $label: the first two pages match the keys worked out in memory',
    async ({ searchFrom, ...testCase }) => {
      const indexes = server.keyward.services.keyNameIndexes;
      const notHeld =
        searchFrom === 'database' ? vi.spyOn(indexes, 'current').mockResolvedValue(null) : null;
      if (searchFrom === 'memory') expect(await indexes.ready(accountId)).not.toBeNull();
      try {
        await expectFirstTwoPages(testCase);
      } finally {
        notHeld?.mockRestore();
      }
    },
  );

  const expectFirstTwoPages = async ({
    field,
    direction,
    filter,
    matches,
  }: Omit<(typeof cases)[number], 'searchFrom' | 'label'>) => {
    const now = server.clock.now();
    const expected = rows
      .filter((row) => matches(row, now))
      .sort((a, b) => compare(SORT_VALUES[field](a), SORT_VALUES[field](b)))
      .map((row) => row.id);
    if (direction === 'DESC') expected.reverse();
    const variables = {
      first: 20,
      orderBy: { field, direction },
      filter: {
        ...filter,
        ...(filter.roleIds ? { roleIds } : {}),
      },
    };
    type Listed = {
      generatedKeys: {
        totalCount: number;
        pageInfo: { endCursor: string };
        edges: { node: { id: string } }[];
      };
    };
    const first = await server.graphql<Listed>(LIST, variables, { cookie });
    expect(first.errors).toBeUndefined();
    const second = await server.graphql<Listed>(
      LIST,
      { ...variables, after: first.data!.generatedKeys.pageInfo.endCursor },
      { cookie },
    );
    const listed = [first, second].flatMap((page) =>
      page.data!.generatedKeys.edges.map((edge) => edge.node.id),
    );
    // The case must be dense (over 1,000 matches) or it tests the other path.
    expect(expected.length).toBeGreaterThan(1_000);
    expect(listed).toEqual(expected.slice(0, 40));
    expect(first.data!.generatedKeys.totalCount).toBe(
      Math.min(expected.length, filter.roleIds || filter.search ? 1_000 : 10_000),
    );
  };

  it('lists a role remembered as dense exactly after it has become sparse', async () => {
    const role = await server.createRole(accountId, 'Dense, then sparse', ['orders:view-orders']);
    await server.dataSource.query(
      `INSERT INTO key_grant_roles (grantId, roleId)
       SELECT g.id, ? FROM key_grants g INNER JOIN api_keys k ON k.id = g.apiKeyId
       WHERE k.accountId = ? AND g.accountId = ? ORDER BY g.id LIMIT 1500`,
      [role.id, accountId, accountId],
    );
    const holders = async () =>
      (
        (await server.dataSource.query(
          `SELECT k.id, k.nameNormalized FROM api_keys k
           INNER JOIN key_grants g ON g.apiKeyId = k.id AND g.accountId = k.accountId
           INNER JOIN key_grant_roles gr ON gr.grantId = g.id
           WHERE gr.roleId = ? AND k.accountId = ?`,
          [role.id, accountId],
        )) as { id: string; nameNormalized: string }[]
      )
        .sort((a, b) => compare([a.nameNormalized, a.id], [b.nameNormalized, b.id]))
        .map((row) => row.id);
    type Listed = {
      generatedKeys: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string } }[];
      };
    };
    const list = async (after?: string) => {
      const variables = {
        first: 20,
        orderBy: { field: 'NAME', direction: 'ASC' },
        filter: { roleIds: [role.id] },
        ...(after ? { after } : {}),
      };
      const result = await server.graphql<Listed>(LIST, variables, { cookie });
      expect(result.errors).toBeUndefined();
      return result.data!.generatedKeys;
    };
    const dense = await holders();
    expect(dense).toHaveLength(1500);
    expect((await list()).edges.map((edge) => edge.node.id)).toEqual(dense.slice(0, 20));

    // All but 30 lose the role: the next pages still walk (the remembered plan) and must
    // find exactly those 30, counted exactly.
    const kept = new Set(dense.filter((_, index) => index % 50 === 7));
    const grants = (await server.dataSource.query(
      `SELECT gr.grantId AS grantId, g.apiKeyId AS apiKeyId FROM key_grant_roles gr
       INNER JOIN key_grants g ON g.id = gr.grantId WHERE gr.roleId = ?`,
      [role.id],
    )) as { grantId: string; apiKeyId: string }[];
    const dropped = grants.filter((grant) => !kept.has(grant.apiKeyId)).map((g) => g.grantId);
    await server.dataSource.query(
      `DELETE FROM key_grant_roles WHERE roleId = ? AND grantId IN (${dropped.map(() => '?').join(', ')})`,
      [role.id, ...dropped],
    );
    const sparse = await holders();
    expect(sparse).toHaveLength(30);

    const knownDense = vi.spyOn(ListPlans.prototype, 'knownDense');
    try {
      const first = await list();
      expect(knownDense.mock.results.some((result) => result.value === true)).toBe(true);
      const second = await list(first.pageInfo.endCursor);
      expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual(sparse);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect(first.totalCount).toBe(30);
      // The count beside the walk said sparse: the next page is planned by counting again.
      knownDense.mockClear();
      await list();
      expect(knownDense.mock.results.map((result) => result.value)).toEqual([false]);
    } finally {
      knownDense.mockRestore();
    }
  });
});

const hasA = (row: KeyRow) => row.nameNormalized.includes('a') || row.key.includes('a');
