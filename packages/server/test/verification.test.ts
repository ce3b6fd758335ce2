import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiToken } from '../src/modules/api-keys/api-token.entity.js';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import {
  accountWithOwner,
  errorCode,
  generateKey,
  LIST,
  type GeneratedKey,
} from './support/fixtures.js';
import { TEST_SECRET, TestServer } from './support/test-server.js';

interface VerifyBody {
  valid: boolean;
  code: string;
  account: string | null;
  roles: string[];
  resources: string[];
  expiresAt: string | null;
}

const verifyAt = async (
  server: TestServer,
  body: Record<string, unknown>,
  options: { gate?: boolean; from?: string; headers?: Record<string, string> } = {},
) => {
  const response = await fetch(`${server.url}/api/keys/verify${options.gate ? '?gate=true' : ''}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.from ? { 'x-forwarded-for': options.from } : {}),
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as VerifyBody };
};

/** Verifies until the answer stops being VALID or time runs out: the answer and how long it took. */
const verifyUntilRefused = async (
  server: TestServer,
  body: Record<string, unknown>,
  options: Parameters<typeof verifyAt>[2] = {},
  timeoutMs = 2_000,
) => {
  const started = Date.now();
  let code = 'VALID';
  while (code === 'VALID' && Date.now() - started < timeoutMs) {
    code = (await verifyAt(server, body, options)).body.code;
  }
  return { code, elapsedMs: Date.now() - started };
};

describe.each(testDatabases)('key verification on $name', (database) => {
  let server: TestServer;
  let acme: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;
  let key: GeneratedKey;

  beforeAll(async () => {
    server = await TestServer.start(database);
    acme = await accountWithOwner(server, 'acme');
    partner = await accountWithOwner(server, 'partner');
    key = await generateKey(server, acme.cookie, 'Verified', [acme.roles.get('oms-read-only')!.id]);
  });
  afterAll(async () => server.stop());

  const verify = (body: Record<string, unknown>, options?: Parameters<typeof verifyAt>[2]) =>
    verifyAt(server, body, options);

  it('answers VALID with the account, roles, resources and token expiry', async () => {
    const { status, body } = await verify({ key: key.apiKey.key, token: key.token });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      valid: true,
      code: 'VALID',
      account: 'acme',
      roles: ['OMS - Read only'],
      resources: ['orders:view-orders'],
    });
    expect(new Date(body.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    const withResource = await verify({
      key: key.apiKey.key,
      token: key.token,
      resource: 'orders:view-orders',
    });
    expect(withResource.body.code).toBe('VALID');
  });

  it('tells nothing apart between unknown keys and wrong tokens', async () => {
    const wrong = await verify({ key: key.apiKey.key, token: wrongTokenOf(key.token) });
    const unknown = await verify({ key: 'kw-acme-000000000000', token: key.token });
    const garbage = await verify({ key: key.apiKey.key, token: 'not-a-token' });
    for (const result of [wrong, unknown, garbage]) {
      expect(result).toEqual({
        status: 200,
        body: {
          valid: false,
          code: 'INVALID_CREDENTIALS',
          account: null,
          roles: [],
          resources: [],
          expiresAt: null,
        },
      });
    }
  });

  it('answers FORBIDDEN for a resource the key lacks, and gate statuses when asked', async () => {
    const forbidden = await verify({
      key: key.apiKey.key,
      token: key.token,
      resource: 'orders:edit-orders',
    });
    expect(forbidden.body).toMatchObject({
      valid: false,
      code: 'FORBIDDEN',
      roles: ['OMS - Read only'],
    });
    expect((await verify({ key: key.apiKey.key, token: key.token }, { gate: true })).status).toBe(
      200,
    );
    expect(
      (
        await verify(
          { key: key.apiKey.key, token: key.token, resource: 'orders:edit-orders' },
          { gate: true },
        )
      ).status,
    ).toBe(403);
    expect(
      (await verify({ key: key.apiKey.key, token: wrongTokenOf(key.token) }, { gate: true }))
        .status,
    ).toBe(401);
  });

  it('accepts the key headers, any spelling and case, instead of a body', async () => {
    const { body } = await verify(
      {},
      { headers: { 'X-VTEX-API-AppKey': key.apiKey.key, 'X-VTEX-API-AppToken': key.token } },
    );
    expect(body.code).toBe('VALID');
  });

  it('refuses malformed requests with a coded 400', async () => {
    const response = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Send a JSON object.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect((await verify({ key: key.apiKey.key })).status).toBe(400);
    expect((await fetch(`${server.url}/api/keys/verify`)).status).toBe(405);
  });

  it('takes deactivation, renewal, grant removal and role changes into account at once, despite the cache', async () => {
    const cached = await generateKey(server, acme.cookie, 'Cached', [
      acme.roles.get('oms-read-only')!.id,
    ]);
    const check = async (token = cached.token, account?: string) =>
      (await verify({ key: cached.apiKey.key, token, ...(account ? { account } : {}) })).body;
    expect((await check()).code).toBe('VALID');

    await server.graphql(
      'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: cached.apiKey.id },
      { cookie: acme.cookie },
    );
    expect((await check()).code).toBe('INACTIVE');
    // Only the holder of the right token learns that the key is inactive.
    expect((await check(wrongTokenOf(cached.token))).code).toBe('INVALID_CREDENTIALS');
    await server.graphql(
      'mutation($id: ID!) { activateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: cached.apiKey.id },
      { cookie: acme.cookie },
    );
    expect((await check()).code).toBe('VALID');

    const renewed = await server.graphql<{ renewApiToken: { token: string } }>(
      'mutation($id: ID!) { renewApiToken(input: { id: $id, oldToken: DELETE_NOW }) { token } }',
      { id: cached.apiKey.id },
      { cookie: acme.cookie },
    );
    expect((await check()).code).toBe('INVALID_CREDENTIALS');
    const newToken = renewed.data!.renewApiToken.token;
    expect((await check(newToken)).code).toBe('VALID');

    await server.graphql(
      'mutation($id: ID!, $roles: [ID!]) { updateApiKey(input: { id: $id, roleIds: $roles }) { apiKey { id } } }',
      { id: cached.apiKey.id, roles: [acme.roles.get('catalog-full-access')!.id] },
      { cookie: acme.cookie },
    );
    expect((await check(newToken)).resources).toEqual([
      'catalog:edit-products',
      'catalog:view-products',
    ]);

    // Granted in partner, then removed there.
    const added = await server.graphql<{ addExternalKey: { externalKey: { id: string } } }>(
      'mutation($key: String!, $roles: [ID!]!) { addExternalKey(input: { key: $key, roleIds: $roles }) { externalKey { id } } }',
      { key: cached.apiKey.key, roles: [partner.roles.get('oms-full-access')!.id] },
      { cookie: partner.cookie },
    );
    expect(await check(newToken, 'partner')).toMatchObject({
      code: 'VALID',
      account: 'partner',
      roles: ['OMS - Full access'],
    });
    await server.graphql(
      'mutation($id: ID!) { removeExternalKey(input: { id: $id }) { removedExternalKeyId } }',
      { id: added.data!.addExternalKey.externalKey.id },
      { cookie: partner.cookie },
    );
    // A proven token for an account that no longer grants the key: refused, not a guess.
    expect((await check(newToken, 'partner')).code).toBe('FORBIDDEN');

    await server.graphql(
      'mutation($id: ID!) { deleteApiKey(input: { id: $id, confirm: true }) { deletedApiKeyId } }',
      { id: cached.apiKey.id },
      { cookie: acme.cookie },
    );
    expect((await check(newToken)).code).toBe('INVALID_CREDENTIALS');
  });

  it('answers EXPIRED for an outdated token only under an enforcing policy', async () => {
    const owner = await accountWithOwner(server, 'strict');
    const aged = await generateKey(server, owner.cookie, 'Aged');
    await server.graphql(
      'mutation { updateApiKeySettings(input: { tokenDurationDays: 1, enforcement: ENFORCE }) { settings { enforcement } } }',
      {},
      { cookie: owner.cookie },
    );
    expect((await verify({ key: aged.apiKey.key, token: aged.token })).body.code).toBe('VALID');
    server.clock.advanceDays(2);
    expect((await verify({ key: aged.apiKey.key, token: aged.token })).body.code).toBe('EXPIRED');
    expect((await verify({ key: aged.apiKey.key, token: aged.token }, { gate: true })).status).toBe(
      401,
    );
  });

  it('records last use per token in batches, not on every request', async () => {
    const busy = await generateKey(server, acme.cookie, 'Busy');
    const writesBefore = await server.dataSource
      .getRepository(ApiToken)
      .findOneByOrFail({ apiKeyId: busy.apiKey.id });
    for (let index = 0; index < 20; index++)
      await verify({ key: busy.apiKey.key, token: busy.token });
    expect(
      (
        await server.dataSource
          .getRepository(ApiToken)
          .findOneByOrFail({ apiKeyId: busy.apiKey.id })
      ).lastUsedAt,
    ).toEqual(writesBefore.lastUsedAt);
    await server.keyward.services.lastUse.flush();
    const written = await server.dataSource
      .getRepository(ApiToken)
      .findOneByOrFail({ apiKeyId: busy.apiKey.id });
    expect(written.lastUsedAt).not.toBeNull();
    expect(written.lastUsedIp).toMatch(/127\.0\.0\.1/);
  });
});

describe.each(testDatabases)('throttling failed authentications on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let key: GeneratedKey;

  beforeAll(async () => {
    server = await TestServer.start(database, {
      trustProxy: true,
      throttleLimits: { perSource: 6, perKey: 10, freeFailures: 3 },
    });
    owner = await accountWithOwner(server, 'guarded');
    key = await generateKey(server, owner.cookie, 'Guarded', [
      owner.roles.get('api-keys-read-only')!.id,
    ]);
  });
  afterAll(async () => server.stop());

  it('slows, then blocks a failing source, while other sources and the right token go on', async () => {
    const attacker = '203.0.113.7';
    const times: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const started = performance.now();
      const { body } = await verifyAt(
        server,
        { key: key.apiKey.key, token: wrongTokenOf(key.token) },
        { from: attacker },
      );
      times.push(performance.now() - started);
      expect(body.code).toBe('INVALID_CREDENTIALS');
    }
    // Failures beyond the free ones are held back, a little more each time.
    expect(times[5]!).toBeGreaterThanOrEqual(250);
    const blocked = await verifyAt(
      server,
      { key: key.apiKey.key, token: wrongTokenOf(key.token) },
      { from: attacker },
    );
    // 429 with or without gate mode: clients must back off either way.
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    // Blocked even with the right token: the source is out, whatever it sends...
    expect(
      (await verifyAt(server, { key: key.apiKey.key, token: key.token }, { from: attacker })).body
        .code,
    ).toBe('RATE_LIMITED');
    expect(
      (
        await verifyAt(
          server,
          { key: key.apiKey.key, token: key.token },
          { from: attacker, gate: true },
        )
      ).status,
    ).toBe(429);
    // ...but the legitimate integration elsewhere is untouched.
    expect(
      (await verifyAt(server, { key: key.apiKey.key, token: key.token }, { from: '198.51.100.1' }))
        .body.code,
    ).toBe('VALID');
    // GraphQL from the blocked source is refused the same way.
    const graphql = await server.graphql(
      LIST,
      {},
      { key: key.apiKey.key, token: key.token, headers: { 'x-forwarded-for': attacker } },
    );
    expect(errorCode(graphql)).toBe('RATE_LIMITED');
  });

  it('refuses wrong tokens for a key under attack from many sources, never its right token', async () => {
    const target = await generateKey(server, owner.cookie, 'Targeted');
    for (let source = 1; source <= 11; source++) {
      await verifyAt(
        server,
        { key: target.apiKey.key, token: wrongTokenOf(target.token) },
        { from: `192.0.2.${source}` },
      );
    }
    const fromNewSource = await verifyAt(
      server,
      { key: target.apiKey.key, token: wrongTokenOf(target.token) },
      { from: '192.0.2.200' },
    );
    expect(fromNewSource.body.code).toBe('RATE_LIMITED');
    const legitimate = await verifyAt(
      server,
      { key: target.apiKey.key, token: target.token },
      { from: '192.0.2.201' },
    );
    expect(legitimate.body.code).toBe('VALID');
  });

  it('counts every guess made through GraphQL arguments, aliases included', async () => {
    const aliases = Array.from(
      { length: 8 },
      (_, index) =>
        `a${index}: signIn(input: { email: "x@y.z", password: "guess-${index}" }) { me { kind } }`,
    ).join('\n');
    const send = async (query: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' },
        body: JSON.stringify({ query }),
      });
      return ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors.map(
        (error) => error.extensions.code,
      );
    };
    // Mutations run one after another and stop at the first refused one: one guess a request.
    expect(await send(`mutation { ${aliases} }`)).toEqual(['UNAUTHENTICATED']);
    for (let request = 2; request <= 6; request++) await send(`mutation { ${aliases} }`);
    expect(await send(`mutation { ${aliases} }`)).toEqual(['RATE_LIMITED']);
    // Link secrets cannot even be guessed several at a time.
    const links = Array.from(
      { length: 3 },
      (_, index) => `l${index}: revealSingleAccessLink(input: { id: "guess-${index}" }) { token }`,
    ).join('\n');
    expect(await send(`mutation { ${links} }`)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe.each(testDatabases)('two servers on one $name database', (database) => {
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    first = await TestServer.start(database);
    second = await TestServer.start(database, { attachTo: first.databaseUrl });
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
  });

  it('refuses a deactivated key on the other server within a second, without Redis', async () => {
    const owner = await accountWithOwner(first, 'twin');
    const key = await generateKey(first, owner.cookie, 'Twin');
    expect((await verifyAt(second, { key: key.apiKey.key, token: key.token })).body.code).toBe(
      'VALID',
    );
    await first.graphql(
      'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: key.apiKey.id },
      { cookie: owner.cookie },
    );
    const { code, elapsedMs } = await verifyUntilRefused(second, {
      key: key.apiKey.key,
      token: key.token,
    });
    expect(code).toBe('INACTIVE');
    expect(elapsedMs).toBeLessThan(1_000);
  });
});

const redisUrl = process.env.KEYWARD_TEST_REDIS_URL;

describe.runIf(redisUrl).each(testDatabases)('two servers sharing Redis on $name', (database) => {
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    first = await TestServer.start(database, { redisUrl });
    second = await TestServer.start(database, { attachTo: first.databaseUrl, redisUrl });
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
  });

  it('refuses a deleted key on the other server at once through pub/sub', async () => {
    const owner = await accountWithOwner(first, 'redis-twin');
    const key = await generateKey(first, owner.cookie, 'Redis twin');
    expect((await verifyAt(second, { key: key.apiKey.key, token: key.token })).body.code).toBe(
      'VALID',
    );
    await first.graphql(
      'mutation($id: ID!) { deleteApiKey(input: { id: $id, confirm: true }) { deletedApiKeyId } }',
      { id: key.apiKey.id },
      { cookie: owner.cookie },
    );
    const { code, elapsedMs } = await verifyUntilRefused(second, {
      key: key.apiKey.key,
      token: key.token,
    });
    expect(code).toBe('INVALID_CREDENTIALS');
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it('refuses a source blocked on one server on the other within a second, right token included', async () => {
    const throttleLimits = { perSource: 3, perKey: 1_000, freeFailures: 1_000 };
    // Set up through the unthrottled server: Redis counts this host's failures from other tests.
    const owner = await accountWithOwner(first, 'redis-throttle');
    const key = await generateKey(first, owner.cookie, 'Shared throttle');
    const strict = { attachTo: first.databaseUrl, redisUrl, throttleLimits, trustProxy: true };
    const a = await TestServer.start(database, strict);
    const b = await TestServer.start(database, strict);
    try {
      const right = { key: key.apiKey.key, token: key.token };
      // Redis outlives test runs: a fresh address keeps earlier blocks out of this one.
      const attacker = `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;
      // The second server has already answered this source before the block.
      expect((await verifyAt(b, right, { from: attacker })).body.code).toBe('VALID');
      for (let attempt = 0; attempt < 3; attempt++) {
        await verifyAt(a, { ...right, token: wrongTokenOf(key.token) }, { from: attacker });
      }
      expect((await verifyAt(a, right, { from: attacker })).body.code).toBe('RATE_LIMITED');
      const { code, elapsedMs } = await verifyUntilRefused(b, right, { from: attacker }, 3_000);
      expect(code).toBe('RATE_LIMITED');
      expect(elapsedMs).toBeLessThanOrEqual(1_100);
      expect((await verifyAt(b, right, { from: '10.255.255.254' })).body.code).toBe('VALID');
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});

describe.each(testDatabases)('rotating the server secret on $name', (database) => {
  it('keeps tokens working across a rotation and moves them to the new secret on use', async () => {
    const before = await TestServer.start(database);
    const newSecret = 'rotated-secret-rotated-secret-rotated-0123456789';
    try {
      const owner = await accountWithOwner(before, 'rotating');
      const key = await generateKey(before, owner.cookie, 'Rotated');
      const body = { key: key.apiKey.key, token: key.token };

      const newOnly = await TestServer.start(database, {
        attachTo: before.databaseUrl,
        tokenSecret: newSecret,
      });
      try {
        expect((await verifyAt(newOnly, body)).body.code).toBe('INVALID_CREDENTIALS');
      } finally {
        await newOnly.stop();
      }
      const rotating = await TestServer.start(database, {
        attachTo: before.databaseUrl,
        tokenSecret: newSecret,
        previousTokenSecret: TEST_SECRET,
      });
      try {
        expect((await verifyAt(rotating, body)).body.code).toBe('VALID');
      } finally {
        await rotating.stop();
      }
      const after = await TestServer.start(database, {
        attachTo: before.databaseUrl,
        tokenSecret: newSecret,
      });
      try {
        expect((await verifyAt(after, body)).body.code).toBe('VALID');
      } finally {
        await after.stop();
      }
    } finally {
      await before.stop();
    }
  });
});
