import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedKeys } from '../bench/support/seed.js';
import { KeyNameIndexes } from '../src/modules/api-keys/listing/key-name-index.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey, LIST } from './support/fixtures.js';
import { TEST_SECRET, TestServer } from './support/test-server.js';

/**
 * Searches in NAME order answer from the account's key names held in memory
 * (key-name-index.ts). These tests walk whole result lists both ways against the database's own
 * order, and check that a change made on any server shows in the very next search.
 */
type Listed = {
  generatedKeys: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: { node: { id: string; name: string } }[];
  };
};

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      apiKey {
        id
      }
    }
  }
`;
const DELETE = /* GraphQL */ `
  mutation Delete($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) {
      deletedApiKeyId
    }
  }
`;

describe.each(testDatabases)('search from key names in memory on $name', (database) => {
  let server: TestServer;
  let other: TestServer;
  let cookie: string;
  let accountId: string;
  /** [nameNormalized, key, id] of every key, in the database's NAME order. */
  let keys: [string, string, string][];

  const list = async (target: TestServer, variables: Record<string, unknown>) => {
    const result = await target.graphql<Listed>(LIST, variables, { cookie });
    expect(result.errors).toBeUndefined();
    return result.data!.generatedKeys;
  };

  /** Every page of a search, following cursors from one end (`first`) or the other (`last`). */
  const walkAll = async (search: string, direction: 'ASC' | 'DESC', backwards: boolean) => {
    const ids: string[][] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const listed = await list(server, {
        ...(backwards ? { last: 100, before: cursor } : { first: 100, after: cursor }),
        filter: { search },
        orderBy: { field: 'NAME', direction },
      });
      ids.push(listed.edges.map((edge) => edge.node.id));
      const more = backwards ? listed.pageInfo.hasPreviousPage : listed.pageInfo.hasNextPage;
      if (!more) return (backwards ? ids.reverse() : ids).flat();
      cursor = backwards ? listed.pageInfo.startCursor : listed.pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  };

  beforeAll(async () => {
    server = await TestServer.start(database);
    other = await TestServer.start(database, { attachTo: server.databaseUrl });
    const owner = await accountWithOwner(server, 'searcher');
    cookie = owner.cookie;
    accountId = owner.account.id;
    await seedKeys({
      dataSource: server.dataSource,
      accountId,
      accountSlug: owner.account.slug,
      roles: [...owner.roles.entries()].map(([key, role]) => ({ id: role.id, key })),
      count: 3_000,
      tokenSecret: TEST_SECRET,
      now: server.clock.now(),
    });
    keys = (
      (await server.dataSource.query(
        'SELECT nameNormalized AS name, `key` AS keyId, id FROM api_keys WHERE accountId = ? ORDER BY nameNormalized, id'.replace(
          /`/g,
          database.name === 'mysql' ? '`' : '"',
        ),
        [accountId],
      )) as { name: string; keyId: string; id: string }[]
    ).map((row) => [row.name, row.keyId, row.id]);
  });
  afterAll(async () => {
    await other?.stop();
    await server?.stop();
  });

  const expectedIds = (term: string) =>
    keys.filter(([name, key]) => name.includes(term) || key.includes(term)).map(([, , id]) => id);

  it.each([
    ['abc', 'ASC'],
    ['abc', 'DESC'],
    ['zeta', 'DESC'],
    ['A', 'ASC'],
    ['kw-searcher-', 'DESC'],
    ['no such key', 'ASC'],
  ] as const)(
    '"%s" %s: every page, forwards and backwards, in the database order',
    async (term, direction) => {
      const indexes = server.keyward.services.keyNameIndexes;
      expect((await indexes.ready(accountId))?.size).toBe(keys.length);
      const current = vi.spyOn(indexes, 'current');
      try {
        const expected = expectedIds(term.toLowerCase());
        if (direction === 'DESC') expected.reverse();
        expect(await walkAll(term, direction, false)).toEqual(expected);
        expect(await walkAll(term, direction, true)).toEqual(expected);
        // Every page above came from memory.
        for (const result of current.mock.results) expect(await result.value).not.toBeNull();
        const first = await list(server, {
          first: 5,
          filter: { search: term },
          orderBy: { field: 'NAME', direction },
        });
        expect(first.totalCount).toBe(Math.min(expected.length, 1_000));
      } finally {
        current.mockRestore();
      }
    },
  );

  it.each(
    (['NAME', 'CREATED_AT', 'STATUS', 'LAST_USED'] as const).flatMap((field) =>
      (['ASC', 'DESC'] as const).flatMap((direction) =>
        [{ search: 'zeta' }, { search: 'abc', status: 'ACTIVE' }, { search: 'qqqq' }].map(
          (filter) => ({ field, direction, filter }),
        ),
      ),
    ),
  )(
    '$field $direction $filter: a few matches, found in memory, list as the database lists them',
    async ({ field, direction, filter }) => {
      const indexes = server.keyward.services.keyNameIndexes;
      const twoPages = async () => {
        const variables = { first: 20, filter, orderBy: { field, direction } };
        const first = await list(server, variables);
        const second = await list(server, { ...variables, after: first.pageInfo.endCursor });
        return [first, second];
      };
      const fromDatabase = vi.spyOn(indexes, 'current').mockResolvedValue(null);
      const expected = await twoPages();
      fromDatabase.mockRestore();
      expect(await indexes.ready(accountId)).not.toBeNull();
      expect(await twoPages()).toEqual(expected);
      if (filter.search !== 'qqqq') expect(expected[1]!.edges.length).toBeGreaterThan(0);
    },
  );

  it('a key generated, renamed or deleted on one server shows in the next search on another', async () => {
    const search = (target: TestServer) =>
      list(target, {
        first: 50,
        filter: { search: 'needle' },
        orderBy: { field: 'NAME', direction: 'ASC' },
      }).then((listed) => listed.edges.map((edge) => edge.node.name));
    expect(await other.keyward.services.keyNameIndexes.ready(accountId)).not.toBeNull();
    expect(await server.keyward.services.keyNameIndexes.ready(accountId)).not.toBeNull();
    expect(await search(other)).toEqual([]);

    const [renamedId] = keys[10]!.slice(2);
    const renamed = await server.graphql(
      UPDATE,
      { input: { id: renamedId, name: 'Needle renamed' } },
      { cookie },
    );
    expect(renamed.errors).toBeUndefined();
    const generated = await generateKey(server, cookie, 'A needle generated');
    expect(await search(other)).toEqual(['A needle generated', 'Needle renamed']);

    const deleted = await server.graphql(
      DELETE,
      { input: { id: generated.apiKey.id, confirm: true } },
      { cookie },
    );
    expect(deleted.errors).toBeUndefined();
    expect(await search(other)).toEqual(['Needle renamed']);
    // Reloaded, the index agrees.
    expect(await other.keyward.services.keyNameIndexes.ready(accountId)).not.toBeNull();
    expect(await search(other)).toEqual(['Needle renamed']);
    expect(await search(server)).toEqual(['Needle renamed']);
  });

  it('a cursor whose key was renamed since is followed from the database', async () => {
    const variables = {
      first: 20,
      filter: { search: 'abc' },
      orderBy: { field: 'NAME', direction: 'ASC' },
    };
    const indexes = server.keyward.services.keyNameIndexes;
    await indexes.ready(accountId);
    const first = await list(server, variables);
    const last = first.edges.at(-1)!.node;
    const renamed = await server.graphql(
      UPDATE,
      { input: { id: last.id, name: 'Zz moved away' } },
      { cookie },
    );
    expect(renamed.errors).toBeUndefined();
    const after = first.pageInfo.endCursor;
    const fromDatabase = vi.spyOn(indexes, 'current').mockResolvedValue(null);
    const expected = await list(server, { ...variables, after });
    fromDatabase.mockRestore();
    expect(await indexes.ready(accountId)).not.toBeNull();
    const current = vi.spyOn(indexes, 'current');
    try {
      expect(await list(server, { ...variables, after })).toEqual(expected);
      expect(await current.mock.results[0]!.value).not.toBeNull();
    } finally {
      current.mockRestore();
    }
  });

  it('holds no account beyond its budget of keys', async () => {
    const small = new KeyNameIndexes(server.dataSource, 1_000);
    expect(await small.ready(accountId)).toBeNull();
    expect(await small.current(accountId)).toBeNull();
    expect(await new KeyNameIndexes(server.dataSource, 0).ready(accountId)).toBeNull();
    const roomy = new KeyNameIndexes(server.dataSource, 10_000);
    expect((await roomy.ready(accountId))?.size).toBe(keys.length);
  });
});
