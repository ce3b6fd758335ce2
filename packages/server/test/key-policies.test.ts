import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, LIST } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

/** Issue 18 P1 (address allowlist per key) and P2 (budget of successful uses per key). */

const GENERATE = /* GraphQL */ `
  mutation Generate($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      token
      apiKey {
        id
        key
        allowedAddresses
        rateLimitPerMinute
        rateLimitPerDay
      }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      apiKey {
        id
        allowedAddresses
        rateLimitPerMinute
        rateLimitPerDay
      }
    }
  }
`;

const KEY = /* GraphQL */ `
  query Key($id: ID!) {
    apiKey(id: $id) {
      allowedAddresses
      rateLimitPerMinute
      rateLimitPerDay
    }
  }
`;

const AUDIT = /* GraphQL */ `
  query Audit($filter: AuditEventFilter) {
    auditEvents(filter: $filter, first: 50) {
      edges {
        node {
          action
          targetLabel
          details
          sourceIp
        }
      }
    }
  }
`;

interface Key {
  token: string;
  apiKey: {
    id: string;
    key: string;
    allowedAddresses: string[];
    rateLimitPerMinute: number | null;
    rateLimitPerDay: number | null;
  };
}

interface AuditPage {
  auditEvents: {
    edges: {
      node: { action: string; targetLabel: string | null; details: string | null };
    }[];
  };
}

const verifyAt = async (
  server: TestServer,
  key: Key,
  options: { from?: string; gate?: boolean; token?: string } = {},
) => {
  const response = await fetch(`${server.url}/api/keys/verify${options.gate ? '?gate=true' : ''}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.from ? { 'x-forwarded-for': options.from } : {}),
    },
    body: JSON.stringify({ key: key.apiKey.key, token: options.token ?? key.token }),
  });
  const body = (await response.json()) as { code: string; valid: boolean };
  return {
    status: response.status,
    code: body.code,
    retryAfter: response.headers.get('retry-after'),
  };
};

/** A GraphQL request authenticated by a key, with its HTTP headers. */
const listWithKey = async (server: TestServer, key: Key, from?: string) => {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-appkey': key.apiKey.key,
      'x-api-apptoken': key.token,
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    body: JSON.stringify({ query: LIST, variables: { first: 1 } }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { extensions?: { code?: string } }[];
  };
  return { code: errorCode(body) ?? 'OK', retryAfter: response.headers.get('retry-after') };
};

/** Moves a server's clock to one second past the start of a minute: minute budgets stay in one window. */
describe.each(testDatabases)('key policies on $name', (database) => {
  /** TRUST_PROXY on: X-Forwarded-For names the client. */
  let server: TestServer;
  /** The same database with TRUST_PROXY off: the peer is the client, whatever headers say. */
  let direct: TestServer;
  let acme: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;
  let viewerRoleId: string;

  beforeAll(async () => {
    server = await TestServer.start(database, { trustProxy: true });
    direct = await TestServer.start(database, { attachTo: server.databaseUrl, trustProxy: false });
    acme = await accountWithOwner(server, 'acme');
    partner = await accountWithOwner(server, 'partner');
    viewerRoleId = acme.roles.get('api-keys-read-only')!.id;
  });
  afterAll(async () => {
    await direct.stop();
    await server.stop();
  });

  const generate = async (input: Record<string, unknown>) => {
    const result = await server.graphql<{ generateApiKey: Key }>(
      GENERATE,
      { input: { roleIds: [viewerRoleId], ...input } },
      { cookie: acme.cookie },
    );
    if (!result.data?.generateApiKey) throw new Error(JSON.stringify(result.errors));
    return result.data.generateApiKey;
  };
  const update = (input: Record<string, unknown>, cookie = acme.cookie) =>
    server.graphql<{ updateApiKey: { apiKey: Key['apiKey'] } }>(UPDATE, { input }, { cookie });
  const auditOf = async (action: string, targetLabel: string) => {
    const page = await server.graphql<AuditPage>(
      AUDIT,
      { filter: { action } },
      { cookie: acme.cookie },
    );
    return page
      .data!.auditEvents.edges.map((edge) => edge.node)
      .filter((node) => node.targetLabel === targetLabel)
      .map((node) => JSON.parse(node.details ?? '{}') as Record<string, unknown>);
  };

  describe('P1 address allowlist', () => {
    let restricted: Key;

    beforeAll(async () => {
      restricted = await generate({
        name: 'Restricted',
        allowedAddresses: [
          ' 203.0.113.7 ',
          '10.0.0.0/8',
          '2001:DB8::/32',
          '::ffff:198.51.100.9',
          '',
        ],
      });
    });

    it('stores entries canonically and reads IPv4-mapped IPv6 as IPv4', () => {
      expect(restricted.apiKey.allowedAddresses).toEqual([
        '203.0.113.7',
        '10.0.0.0/8',
        '2001:db8::/32',
        '198.51.100.9',
      ]);
    });

    it('answers VALID from allowed IPv4, IPv6, CIDR and IPv4-mapped addresses only', async () => {
      for (const from of [
        '203.0.113.7',
        '10.200.3.4',
        '2001:db8:5::1',
        '::ffff:198.51.100.9',
        '::ffff:10.1.1.1',
      ]) {
        expect(await verifyAt(server, restricted, { from }), from).toMatchObject({
          status: 200,
          code: 'VALID',
        });
      }
      for (const from of ['203.0.113.8', '11.0.0.1', '2001:db9::1', '::ffff:203.0.113.8']) {
        expect(await verifyAt(server, restricted, { from }), from).toMatchObject({
          status: 200,
          code: 'IP_NOT_ALLOWED',
        });
      }
      expect(await verifyAt(server, restricted, { from: '11.0.0.1', gate: true })).toMatchObject({
        status: 403,
        code: 'IP_NOT_ALLOWED',
      });
      expect(await verifyAt(server, restricted, { from: '10.0.0.1', gate: true })).toMatchObject({
        status: 200,
        code: 'VALID',
      });
    });

    it('restricts nothing with an empty list', async () => {
      const anywhere = await generate({ name: 'Anywhere', allowedAddresses: [] });
      expect(anywhere.apiKey.allowedAddresses).toEqual([]);
      expect((await verifyAt(server, anywhere, { from: '198.18.0.1' })).code).toBe('VALID');
      const cleared = await update({ id: restricted.apiKey.id, allowedAddresses: [] });
      expect(cleared.data!.updateApiKey.apiKey.allowedAddresses).toEqual([]);
      expect((await verifyAt(server, restricted, { from: '198.18.0.1' })).code).toBe('VALID');
      await update({
        id: restricted.apiKey.id,
        allowedAddresses: restricted.apiKey.allowedAddresses,
      });
      expect((await verifyAt(server, restricted, { from: '198.18.0.1' })).code).toBe(
        'IP_NOT_ALLOWED',
      );
    });

    it('refuses a bad entry by name, and more than 100 entries, changing nothing', async () => {
      const bad = await update({
        id: restricted.apiKey.id,
        allowedAddresses: ['192.0.2.1', '300.1.1.1'],
      });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.message).toContain('300.1.1.1');
      for (const entry of ['01.2.3.4', '1.2.3.4/33', 'fe80::1%eth0', '::/129', 'example.com']) {
        expect(
          errorCode(await update({ id: restricted.apiKey.id, allowedAddresses: [entry] })),
          entry,
        ).toBe('BAD_USER_INPUT');
      }
      const many = Array.from({ length: 101 }, (_, i) => `192.0.2.${i}`);
      expect(errorCode(await update({ id: restricted.apiKey.id, allowedAddresses: many }))).toBe(
        'BAD_USER_INPUT',
      );
      const unchanged = await server.graphql<{ apiKey: Key['apiKey'] }>(
        KEY,
        { id: restricted.apiKey.id },
        { cookie: acme.cookie },
      );
      expect(unchanged.data!.apiKey.allowedAddresses).toEqual(restricted.apiKey.allowedAddresses);
      const hundred = await update({
        id: restricted.apiKey.id,
        allowedAddresses: many.slice(0, 100),
      });
      expect(hundred.data!.updateApiKey.apiKey.allowedAddresses).toHaveLength(100);
      await update({
        id: restricted.apiKey.id,
        allowedAddresses: restricted.apiKey.allowedAddresses,
      });
    });

    it('ignores a spoofed X-Forwarded-For when TRUST_PROXY is off, and counts it when on', async () => {
      expect((await verifyAt(direct, restricted, { from: '203.0.113.7' })).code).toBe(
        'IP_NOT_ALLOWED',
      );
      const loopback = await generate({ name: 'Loopback only', allowedAddresses: ['127.0.0.1'] });
      expect((await verifyAt(direct, loopback, { from: '203.0.113.7' })).code).toBe('VALID');
      expect((await verifyAt(server, loopback, { from: '203.0.113.7' })).code).toBe(
        'IP_NOT_ALLOWED',
      );
      expect((await verifyAt(server, restricted, { from: '203.0.113.7' })).code).toBe('VALID');
    });

    it('refuses key-authenticated GraphQL and exports from elsewhere with IP_NOT_ALLOWED', async () => {
      expect((await listWithKey(server, restricted, '203.0.113.7')).code).toBe('OK');
      expect((await listWithKey(server, restricted, '198.51.100.1')).code).toBe('IP_NOT_ALLOWED');
      const exportFrom = (from: string) =>
        fetch(`${server.url}/api/keys/export?format=csv`, {
          headers: {
            'x-api-appkey': restricted.apiKey.key,
            'x-api-apptoken': restricted.token,
            'x-forwarded-for': from,
          },
        });
      expect((await exportFrom('10.1.2.3')).status).toBe(200);
      const refused = await exportFrom('198.51.100.1');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({
        errors: [{ extensions: { code: 'IP_NOT_ALLOWED' } }],
      });
    });

    it('audits edits with the old and new lists, and refusals as refused authentications', async () => {
      const audited = await generate({ name: 'Audited', allowedAddresses: ['192.0.2.1'] });
      expect((await auditOf('api-key.generated', audited.apiKey.key))[0]).toMatchObject({
        allowedAddresses: ['192.0.2.1'],
      });
      await update({ id: audited.apiKey.id, allowedAddresses: ['192.0.2.0/24', '2001:db8::1'] });
      expect((await auditOf('api-key.updated', audited.apiKey.key))[0]).toMatchObject({
        allowedAddresses: { from: ['192.0.2.1'], to: ['192.0.2.0/24', '2001:db8::1'] },
      });
      await verifyAt(server, audited, { from: '198.51.100.77' });
      await verifyAt(server, audited, { from: '198.51.100.77' });
      await server.keyward.services.refusedAuth.flush();
      expect(await auditOf('auth.refused', audited.apiKey.key)).toEqual([
        expect.objectContaining({ reason: 'IP_NOT_ALLOWED', attempts: 2 }),
      ]);
    });

    it('lets only callers with Edit API Keys in the key’s account set it', async () => {
      const viewer = await generate({ name: 'Viewer' });
      const byViewer = await server.graphql(
        UPDATE,
        { input: { id: restricted.apiKey.id, allowedAddresses: ['0.0.0.0/0'] } },
        { key: viewer.apiKey.key, token: viewer.token },
      );
      expect(errorCode(byViewer)).toBe('FORBIDDEN');
      const byPartner = await update(
        { id: restricted.apiKey.id, allowedAddresses: ['0.0.0.0/0'] },
        partner.cookie,
      );
      expect(errorCode(byPartner)).toBe('NOT_FOUND');
      const unchanged = await server.graphql<{ apiKey: Key['apiKey'] }>(
        KEY,
        { id: restricted.apiKey.id },
        { cookie: acme.cookie },
      );
      expect(unchanged.data!.apiKey.allowedAddresses).toEqual(restricted.apiKey.allowedAddresses);
    });
  });

  describe('P2 budget of successful uses', () => {
    it('validates and audits the budget', async () => {
      for (const rateLimit of [{ perMinute: 0 }, { perDay: -1 }, { perMinute: 1_000_001 }]) {
        const refused = await server.graphql(
          GENERATE,
          { input: { name: `Bad budget ${JSON.stringify(rateLimit)}`, rateLimit } },
          { cookie: acme.cookie },
        );
        expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      }
      const key = await generate({
        name: 'Budgeted',
        rateLimit: { perMinute: 600, perDay: 10_000 },
      });
      expect(key.apiKey).toMatchObject({ rateLimitPerMinute: 600, rateLimitPerDay: 10_000 });
      const lifted = await update({ id: key.apiKey.id, rateLimit: { perDay: 5 } });
      expect(lifted.data!.updateApiKey.apiKey).toMatchObject({
        rateLimitPerMinute: null,
        rateLimitPerDay: 5,
      });
      expect((await auditOf('api-key.updated', key.apiKey.key))[0]).toMatchObject({
        rateLimit: {
          from: { perMinute: 600, perDay: 10_000 },
          to: { perMinute: null, perDay: 5 },
        },
      });
    });

    it('answers RATE_LIMITED with Retry-After past the budget; failures do not consume it', async () => {
      server.clock.advanceToNextMinute();
      const key = await generate({ name: 'Three a minute', rateLimit: { perMinute: 3 } });
      for (let attempt = 0; attempt < 5; attempt++) {
        const wrong = await verifyAt(server, key, { token: wrongTokenOf(key.token) });
        expect(wrong.code).toBe('INVALID_CREDENTIALS');
      }
      for (let use = 0; use < 3; use++) expect((await verifyAt(server, key)).code).toBe('VALID');
      const limited = await verifyAt(server, key);
      expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
      expect((await verifyAt(server, key, { gate: true })).status).toBe(429);
      server.clock.advance(60_000);
      expect((await verifyAt(server, key)).code).toBe('VALID');
    });

    it('answers key-authenticated GraphQL over budget with RATE_LIMITED and Retry-After', async () => {
      const key = await generate({ name: 'Two a day', rateLimit: { perDay: 2 } });
      expect(await listWithKey(server, key)).toEqual({ code: 'OK', retryAfter: null });
      expect((await listWithKey(server, key)).code).toBe('OK');
      const limited = await listWithKey(server, key);
      expect(limited.code).toBe('RATE_LIMITED');
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      expect(Number(limited.retryAfter)).toBeLessThanOrEqual(86_400);
    });

    it('shares the budget between servers through the database', async () => {
      server.clock.advanceToNextMinute();
      // One clock for both servers, as in production.
      direct.clock.advance(server.clock.now().getTime() - direct.clock.now().getTime());
      const key = await generate({ name: 'Shared in the database', rateLimit: { perMinute: 4 } });
      const codes = [];
      for (const at of [server, direct, server, direct, server, direct])
        codes.push((await verifyAt(at, key)).code);
      expect(codes).toEqual(['VALID', 'VALID', 'VALID', 'VALID', 'RATE_LIMITED', 'RATE_LIMITED']);
    });
  });
});

const redisUrl = process.env.KEYWARD_TEST_REDIS_URL;

describe.runIf(redisUrl).each(testDatabases)(
  'key budgets shared through Redis on $name',
  (database) => {
    let first: TestServer;
    let second: TestServer;

    beforeAll(async () => {
      // A prefix of this run's own: Redis outlives runs and is shared with other suites.
      const options = {
        redisUrl,
        keyBudgetStore: 'redis' as const,
        keyBudgetRedisPrefix: `kw-test-budget-${randomUUID()}:`,
      };
      first = await TestServer.start(database, options);
      second = await TestServer.start(database, { ...options, attachTo: first.databaseUrl });
    });
    afterAll(async () => {
      await second.stop();
      await first.stop();
    });

    it('counts uses on either server against one budget', async () => {
      first.clock.advanceToNextMinute();
      second.clock.advanceToNextMinute();
      const owner = await accountWithOwner(first, 'redis-budget');
      const result = await first.graphql<{ generateApiKey: Key }>(
        GENERATE,
        { input: { name: 'Shared in Redis', rateLimit: { perMinute: 5 } } },
        { cookie: owner.cookie },
      );
      const key = result.data!.generateApiKey;
      const codes = [];
      for (const at of [first, second, first, second, first, second, first])
        codes.push((await verifyAt(at, key)).code);
      expect(codes).toEqual([
        'VALID',
        'VALID',
        'VALID',
        'VALID',
        'VALID',
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);
      const limited = await verifyAt(second, key);
      expect(limited.status).toBe(429);
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    });
  },
);
