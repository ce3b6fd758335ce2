import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../src/modules/api-keys/api-key.entity.js';
import type { Role } from '../src/modules/roles/role.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, LIST } from './support/fixtures.js';
import { countQueries } from './support/state.js';
import { TestServer } from './support/test-server.js';

/** G1: search, filter, sort and cursor pagination of the Generated tab. */
interface Node {
  id: string;
  key: string;
  name: string;
  status: string;
  lastUsedAt: string | null;
  roles: { id: string; name: string }[];
}
interface Connection {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: Node }[];
}
type SortField = 'NAME' | 'CREATED_AT' | 'STATUS' | 'LAST_USED';
type Direction = 'ASC' | 'DESC';

/**
 * Names differ only in ASCII letters and digits after a shared capital-letter shape, so binary
 * (SQLite) and utf8mb4_unicode_ci (MySQL) collations order them as JavaScript does.
 */
const SORT_NAMES = [
  'Kilo 07',
  'Alpha 01',
  'Echo 05',
  'Mike 13',
  'Bravo 02',
  'Juliet 10',
  'Delta 04',
  'Hotel 08',
  'Charlie 03',
  'Lima 12',
  'Foxtrot 06',
  'India 09',
  'November 14',
  'Golf 11',
  'Oscar 15',
  'Papa 16',
  'Quebec 17',
  'Romeo 18',
  'Sierra 19',
  'Tango 20',
  'Uniform 21',
  'Victor 22',
  'Whiskey 23',
];

/** Rows as the database holds them, to compute the expected order independently of the server. */
interface Row {
  id: string;
  name: string;
  active: boolean;
  createdAt: number;
  lastUsedAt: number | null;
}

const compareValues = (a: string | number | null, b: string | number | null): number => {
  if (a === b) return 0;
  if (a === null) return -1; // NULL sorts lowest on both databases
  if (b === null) return 1;
  return a < b ? -1 : 1;
};

const sortKey = (row: Row, field: SortField): (string | number | null)[] => {
  switch (field) {
    case 'NAME':
      return [row.name, row.id];
    case 'CREATED_AT':
      return [row.createdAt, row.id];
    case 'STATUS':
      return [row.active ? 1 : 0, row.createdAt, row.id];
    case 'LAST_USED':
      return [row.lastUsedAt, row.id];
  }
};

const expectedOrder = (rows: Row[], field: SortField, direction: Direction): string[] =>
  [...rows]
    .sort((a, b) => {
      const left = sortKey(a, field);
      const right = sortKey(b, field);
      for (let i = 0; i < left.length; i++) {
        const compared = compareValues(left[i] ?? null, right[i] ?? null);
        if (compared !== 0) return direction === 'ASC' ? compared : -compared;
      }
      return 0;
    })
    .map((row) => row.id);

describe.each(testDatabases)('generatedKeys list on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let other: Awaited<ReturnType<typeof accountWithOwner>>;
  let rows: Row[];

  const list = async (
    variables: Record<string, unknown>,
    cookie = owner.cookie,
  ): Promise<Connection> => {
    const result = await server.graphql<{ generatedKeys: Connection }>(LIST, variables, { cookie });
    expect(result.errors).toBeUndefined();
    return result.data!.generatedKeys;
  };
  const listOf = async (search: string, cookie = owner.cookie) =>
    (await list({ first: 100, filter: { search } }, cookie)).edges
      .map((edge) => edge.node.name)
      .sort();

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'sorting');
    other = await accountWithOwner(server, 'sorting-other');
    // The other account holds look-alikes of every name: none may ever show up here.
    for (const name of [...SORT_NAMES.slice(0, 3), 'Discount 50% off', 'snake_case feed']) {
      await generateKey(server, other.cookie, name);
    }
    for (const name of SORT_NAMES) await generateKey(server, owner.cookie, name);

    // Spread creation and last-use times, with ties so the id tiebreaker matters, and some
    // keys inactive / never used.
    const keys = await server.dataSource.manager.find(ApiKey, {
      where: { accountId: owner.account.id },
      order: { name: 'ASC' },
    });
    const base = Date.UTC(2025, 0, 1);
    for (const [index, key] of keys.entries()) {
      await server.dataSource.manager.update(
        ApiKey,
        { id: key.id },
        {
          createdAt: new Date(base + ((index * 7) % 5) * 60_000),
          lastUsedAt: index % 3 === 0 ? null : new Date(base + ((index * 5) % 4) * 3_600_000),
          active: index % 4 !== 1,
        },
      );
    }
    rows = (await server.dataSource.manager.findBy(ApiKey, { accountId: owner.account.id })).map(
      (key) => ({
        id: key.id,
        name: key.name,
        active: key.active,
        createdAt: key.createdAt.getTime(),
        lastUsedAt: key.lastUsedAt?.getTime() ?? null,
      }),
    );
    expect(rows).toHaveLength(SORT_NAMES.length);
  });
  afterAll(async () => server.stop());

  describe('every sort field and direction pages through every key once, in order', () => {
    const cases = (['NAME', 'CREATED_AT', 'STATUS', 'LAST_USED'] as const).flatMap((field) =>
      (['ASC', 'DESC'] as const).map((direction) => ({ field, direction })),
    );

    it.each(cases)('$field $direction forwards with first/after', async ({ field, direction }) => {
      const expected = expectedOrder(rows, field, direction);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: Connection = await list({ first: 4, after, orderBy: { field, direction } });
        pages += 1;
        expect(page.totalCount).toBe(rows.length);
        seen.push(...page.edges.map((edge) => edge.node.id));
        expect(page.pageInfo.hasPreviousPage).toBe(pages > 1);
        expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        if (!page.pageInfo.hasNextPage) break;
        expect(page.edges).toHaveLength(4);
        after = page.pageInfo.endCursor;
        expect(pages).toBeLessThan(20);
      }
      expect(pages).toBe(Math.ceil(rows.length / 4));
      expect(seen).toEqual(expected);
    });

    it.each(cases)('$field $direction backwards with last/before', async ({ field, direction }) => {
      const expected = expectedOrder(rows, field, direction);
      const seen: string[] = [];
      let before: string | null = null;
      let pages = 0;
      for (;;) {
        const page: Connection = await list({ last: 5, before, orderBy: { field, direction } });
        pages += 1;
        expect(page.totalCount).toBe(rows.length);
        seen.unshift(...page.edges.map((edge) => edge.node.id));
        expect(page.pageInfo.hasNextPage).toBe(pages > 1);
        if (!page.pageInfo.hasPreviousPage) break;
        expect(page.edges).toHaveLength(5);
        before = page.pageInfo.startCursor;
        expect(pages).toBeLessThan(20);
      }
      expect(pages).toBe(Math.ceil(rows.length / 5));
      expect(seen).toEqual(expected);
    });
  });

  it('sorts by creation date, newest first, by default', async () => {
    const page = await list({ first: 100 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(
      expectedOrder(rows, 'CREATED_AT', 'DESC'),
    );
  });

  it('pages a filtered list, with totalCount the filtered count on every page', async () => {
    const inactive = rows.filter((row) => !row.active);
    const expected = expectedOrder(inactive, 'NAME', 'ASC');
    const first = await list({
      first: 2,
      filter: { status: 'INACTIVE' },
      orderBy: { field: 'NAME', direction: 'ASC' },
    });
    const second = await list({
      first: 100,
      after: first.pageInfo.endCursor,
      filter: { status: 'INACTIVE' },
      orderBy: { field: 'NAME', direction: 'ASC' },
    });
    expect(first.totalCount).toBe(inactive.length);
    expect(second.totalCount).toBe(inactive.length);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual(expected);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by status', async () => {
    const active = await list({ first: 100, filter: { status: 'ACTIVE' } });
    const inactive = await list({ first: 100, filter: { status: 'INACTIVE' } });
    expect(active.edges.every((edge) => edge.node.status === 'ACTIVE')).toBe(true);
    expect(inactive.edges.every((edge) => edge.node.status === 'INACTIVE')).toBe(true);
    expect(active.totalCount).toBe(rows.filter((row) => row.active).length);
    expect(inactive.totalCount).toBe(rows.filter((row) => !row.active).length);
    expect(inactive.totalCount).toBeGreaterThan(0);
    expect(active.totalCount + inactive.totalCount).toBe(rows.length);
  });

  describe('search and role filter', () => {
    let searchOwner: Awaited<ReturnType<typeof accountWithOwner>>;
    let keys: Map<string, { id: string; key: string }>;
    let roleA: Role;
    let roleB: Role;

    beforeAll(async () => {
      searchOwner = await accountWithOwner(server, 'searching');
      roleA = await server.createRole(searchOwner.account.id, 'Role A', ['orders:view-orders']);
      roleB = await server.createRole(searchOwner.account.id, 'Role B', ['catalog:view-products']);
      const names: [string, Role[]][] = [
        ['Discount 50% off', [roleA]],
        ['Discount 500 off', [roleA]],
        ['snake_case feed', [roleA, roleB]],
        ['snakeXcase feed', [roleB]],
        ['Bang! importer', []],
        ['Back\\slash sync', []],
        ['Ledger Integration', []],
        ['ledger mirror', []],
      ];
      keys = new Map();
      for (const [name, roles] of names) {
        const generated = await generateKey(
          server,
          searchOwner.cookie,
          name,
          roles.map((role) => role.id),
        );
        keys.set(name, generated.apiKey);
      }
    });

    it('matches a substring of the name in any case', async () => {
      expect(await listOf('LEDGER', searchOwner.cookie)).toEqual([
        'Ledger Integration',
        'ledger mirror',
      ]);
      expect(await listOf('inTEGRAT', searchOwner.cookie)).toEqual(['Ledger Integration']);
      expect(await listOf('  mirror  ', searchOwner.cookie)).toEqual(['ledger mirror']);
      expect(await listOf('nothing like this', searchOwner.cookie)).toEqual([]);
    });

    it('matches a substring of the key in any case', async () => {
      const key = keys.get('ledger mirror')!.key;
      const random = key.slice('kw-searching-'.length);
      expect(await listOf(random.slice(2, 9).toUpperCase(), searchOwner.cookie)).toEqual([
        'ledger mirror',
      ]);
      expect(await listOf(key.toUpperCase(), searchOwner.cookie)).toEqual(['ledger mirror']);
      // Every key of the account carries its slug; none of another account's does.
      const all = await list({ first: 100, filter: { search: 'kw-' } }, searchOwner.cookie);
      expect(all.totalCount).toBe(keys.size);
    });

    it('treats %, _, ! and \\ in the search as plain characters', async () => {
      expect(await listOf('50%', searchOwner.cookie)).toEqual(['Discount 50% off']);
      expect(await listOf('%', searchOwner.cookie)).toEqual(['Discount 50% off']);
      expect(await listOf('e_c', searchOwner.cookie)).toEqual(['snake_case feed']);
      expect(await listOf('_', searchOwner.cookie)).toEqual(['snake_case feed']);
      expect(await listOf('!', searchOwner.cookie)).toEqual(['Bang! importer']);
      expect(await listOf('k\\s', searchOwner.cookie)).toEqual(['Back\\slash sync']);
    });

    it("never shows another account's keys, whatever the search", async () => {
      for (const search of ['Discount', '50%', 'snake_case', 'Alpha', 'kw-']) {
        const page = await list({ first: 100, filter: { search } }, searchOwner.cookie);
        for (const edge of page.edges) expect(edge.node.key.startsWith('kw-searching-')).toBe(true);
      }
      const others = await list({ first: 100 }, other.cookie);
      expect(others.edges.map((edge) => edge.node.name).sort()).toEqual([
        'Alpha 01',
        'Discount 50% off',
        'Echo 05',
        'Kilo 07',
        'snake_case feed',
      ]);
    });

    it('filters by any of the given roles, each key once, with its roles', async () => {
      const byA = await list({ first: 100, filter: { roleIds: [roleA.id] } }, searchOwner.cookie);
      expect(byA.edges.map((edge) => edge.node.name).sort()).toEqual([
        'Discount 50% off',
        'Discount 500 off',
        'snake_case feed',
      ]);
      expect(byA.totalCount).toBe(3);
      const snake = byA.edges.find((edge) => edge.node.name === 'snake_case feed')!;
      expect(snake.node.roles.map((role) => role.name)).toEqual(['Role A', 'Role B']);

      const byAOrB = await list(
        { first: 100, filter: { roleIds: [roleA.id, roleB.id] } },
        searchOwner.cookie,
      );
      expect(byAOrB.edges.map((edge) => edge.node.name).sort()).toEqual([
        'Discount 50% off',
        'Discount 500 off',
        'snakeXcase feed',
        'snake_case feed',
      ]);
      expect(byAOrB.totalCount).toBe(4);

      const combined = await list(
        { first: 100, filter: { roleIds: [roleB.id], search: 'SNAKE_' } },
        searchOwner.cookie,
      );
      expect(combined.edges.map((edge) => edge.node.name)).toEqual(['snake_case feed']);

      const foreignRole = other.roles.get('owner')!;
      const foreign = await list(
        { first: 100, filter: { roleIds: [foreignRole.id] } },
        searchOwner.cookie,
      );
      expect(foreign.totalCount).toBe(0);
      expect(foreign.edges).toEqual([]);
    });
  });

  describe('refuses bad page requests with BAD_USER_INPUT', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad: [string, Record<string, unknown>][] = [
      ['first: 0', { first: 0 }],
      ['first: 101', { first: 101 }],
      ['first: -1', { first: -1 }],
      ['last: 0', { last: 0 }],
      ['last: 101', { last: 101 }],
      ['first and last together', { first: 2, last: 2 }],
      ['a cursor that is not base64 JSON', { after: 'not a cursor' }],
      ['a before cursor that is not base64 JSON', { before: '@@@' }],
      ['a cursor of the wrong length', { after: encode(['x']) }],
      ['a cursor with an invalid date', { after: encode([{ d: 'yesterday' }, 'id']) }],
      ['a cursor that is an object', { after: encode({ a: 1 }) }],
    ];
    it.each(bad)('%s', async (_label, variables) => {
      const result = await server.graphql(LIST, variables, { cookie: owner.cookie });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.data ?? null).toBeNull();
    });

    it('accepts the bounds 1 and 100', async () => {
      expect((await list({ first: 1 })).edges).toHaveLength(1);
      expect((await list({ last: 100 })).edges).toHaveLength(rows.length);
    });
  });

  it('issues the same number of queries for a page of 2 keys as for a page of 20, roles included', async () => {
    const nplus = await accountWithOwner(server, 'nplusone');
    const roles = [...nplus.roles.values()].filter(
      (role) => role.name.startsWith('OMS') || role.name.startsWith('Catalog'),
    );
    for (let i = 0; i < 22; i++) {
      await generateKey(
        server,
        nplus.cookie,
        `Batch ${String(i).padStart(2, '0')}`,
        roles.map((role) => role.id),
      );
    }
    const query = /* GraphQL */ `
      query Page($first: Int) {
        generatedKeys(first: $first) {
          totalCount
          edges {
            node {
              id
              name
              roles {
                id
                name
                resources {
                  key
                }
              }
            }
          }
        }
      }
    `;
    const run = (first: number) => async () => {
      const result = await server.graphql<{
        generatedKeys: { edges: { node: { roles: unknown[] } }[] };
      }>(query, { first }, { cookie: nplus.cookie });
      expect(result.errors).toBeUndefined();
      expect(result.data?.generatedKeys.edges).toHaveLength(first);
      for (const edge of result.data!.generatedKeys.edges)
        expect(edge.node.roles).toHaveLength(roles.length);
    };
    const small = await countQueries(server, run(2));
    const large = await countQueries(server, run(20));
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(8);
  });
});
