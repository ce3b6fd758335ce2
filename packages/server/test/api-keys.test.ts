import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { awaitedLater, countUpTo } from '../src/common/keyset.js';
import { ApiKey } from '../src/modules/api-keys/api-key.entity.js';
import { ApiToken } from '../src/modules/api-keys/api-token.entity.js';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, LIST } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

describe.each(testDatabases)('generated keys on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'acme');
  });
  afterAll(async () => server.stop());

  it('generates an active key whose token is shown once and stored only as a hash', async () => {
    const viewer = owner.roles.get('api-keys-read-only');
    const generated = await generateKey(server, owner.cookie, '  ERP integration  ', [viewer!.id]);
    expect(generated.apiKey.name).toBe('ERP integration');
    expect(generated.apiKey.key).toMatch(/^kw-acme-[a-z0-9]{12}$/);
    expect(generated.apiKey.status).toBe('ACTIVE');
    expect(generated.token).toMatch(/^kwt_[0-9A-Za-z]{49}$/);
    expect(generated.apiKey.roles.map((role) => role.name)).toEqual(['API Keys - Read only']);

    const tokens = await server.dataSource.getRepository(ApiToken).find();
    expect(JSON.stringify(tokens)).not.toContain(generated.token);
    const audit = await server.dataSource.getRepository(AuditEvent).find();
    expect(audit.map((event) => event.action)).toContain('api-key.generated');
    expect(JSON.stringify(audit)).not.toContain(generated.token);

    const asKey = await server.graphql(
      LIST,
      {},
      { key: generated.apiKey.key, token: generated.token },
    );
    expect(asKey.errors).toBeUndefined();
    expect(JSON.stringify(asKey.data)).not.toContain(generated.token);
  });

  it('refuses a blank, too long or duplicate name with a coded error naming the field', async () => {
    const blank = await server.graphql(
      'mutation { generateApiKey(input: { name: "   " }) { token } }',
      {},
      { cookie: owner.cookie },
    );
    expect(blank.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    const long = await server.graphql(
      `mutation { generateApiKey(input: { name: "${'x'.repeat(101)}" }) { token } }`,
      {},
      { cookie: owner.cookie },
    );
    expect(long.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    await generateKey(server, owner.cookie, 'Marketing feed');
    const duplicate = await server.graphql(
      'mutation { generateApiKey(input: { name: "MARKETING FEED" }) { token } }',
      {},
      { cookie: owner.cookie },
    );
    expect(duplicate.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'name' });
  });

  it('authenticates keys with either header spelling, and refuses wrong tokens alike', async () => {
    const viewer = owner.roles.get('api-keys-read-only')!;
    const generated = await generateKey(server, owner.cookie, 'Header test', [viewer.id]);
    const vtex = await server.graphql(
      '{ me { kind apiKey { key } } }',
      {},
      {
        headers: {
          'X-VTEX-API-AppKey': generated.apiKey.key,
          'X-VTEX-API-AppToken': generated.token,
        },
      },
    );
    expect(vtex.data).toEqual({ me: { kind: 'API_KEY', apiKey: { key: generated.apiKey.key } } });
    const wrong = await server.graphql(
      LIST,
      {},
      {
        key: generated.apiKey.key,
        token: wrongTokenOf(generated.token),
      },
    );
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    const unknown = await server.graphql(
      LIST,
      {},
      { key: 'kw-acme-unknown', token: generated.token },
    );
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('sorts names the same way on every database, ignoring case', async () => {
    const other = await accountWithOwner(server, 'casing');
    for (const name of ['beta', 'Alpha', 'gamma', 'Delta'])
      await generateKey(server, other.cookie, name);
    const sorted = await server.graphql<{ generatedKeys: { edges: { node: { name: string } }[] } }>(
      LIST,
      { orderBy: { field: 'NAME', direction: 'ASC' } },
      { cookie: other.cookie },
    );
    expect(sorted.data!.generatedKeys.edges.map((edge) => edge.node.name)).toEqual([
      'Alpha',
      'beta',
      'Delta',
      'gamma',
    ]);
  });

  it('counts matches exactly up to the cap, then says so', async () => {
    const query = () =>
      server.dataSource
        .getRepository(ApiKey)
        .createQueryBuilder('k')
        .where('k.accountId = :accountId', { accountId: owner.account.id });
    const total = await query().getCount();
    expect(total).toBeGreaterThan(2);
    expect(await countUpTo(query(), total)).toEqual({ totalCount: total, totalCountCapped: false });
    expect(await countUpTo(query(), 2)).toEqual({ totalCount: 2, totalCountCapped: true });
    const listed = await server.graphql<{
      generatedKeys: { totalCount: number; totalCountCapped: boolean };
    }>('{ generatedKeys(first: 1) { totalCount totalCountCapped } }', {}, { cookie: owner.cookie });
    expect(listed.data!.generatedKeys).toEqual({ totalCount: total, totalCountCapped: false });
  });
});

describe('a count started beside its page', () => {
  it('is not an unhandled rejection when it fails and nobody awaits it', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      // As when a page query fails first: its count is started and then never awaited.
      const counting = awaitedLater(Promise.reject(new Error('count failed')));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      await expect(counting).rejects.toThrow('count failed');
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
