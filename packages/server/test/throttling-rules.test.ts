import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FailureThrottle } from '../src/modules/throttle/failure-throttle.js';
import { loadConfig } from '../src/config.js';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import {
  accountWithOwner,
  errorCode,
  generateKey,
  PASSWORD,
  type GeneratedKey,
} from './support/fixtures.js';
import { auditEvents } from './support/state.js';
import { TestServer } from './support/test-server.js';

const verifyAt = async (
  server: TestServer,
  body: Record<string, unknown>,
  from: string,
  gate = false,
) => {
  const response = await fetch(`${server.url}/api/keys/verify${gate ? '?gate=true' : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { code: string },
  };
};

const ME = '{ me { kind } }';

describe.each(testDatabases)('throttling rules that hold on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;
  let key: GeneratedKey;

  beforeAll(async () => {
    server = await TestServer.start(database, {
      trustProxy: true,
      throttleLimits: { perSource: 6, perKey: 10, freeFailures: 3, perEmailFree: 3 },
    });
    owner = await accountWithOwner(server, 'holding');
    partner = await accountWithOwner(server, 'elsewhere');
    key = await generateKey(server, owner.cookie, 'Holding', [
      owner.roles.get('api-keys-read-only')!.id,
    ]);
  });
  afterAll(async () => server.stop());

  it('canonicalises key identifiers: every spelling gets the same answer and shares one count', async () => {
    const spellings = [key.apiKey.key.toUpperCase(), `${key.apiKey.key}  `, ` ${key.apiKey.key}`];
    for (const [index, spelling] of spellings.entries()) {
      expect(
        (await verifyAt(server, { key: spelling, token: key.token }, `198.51.100.${index + 1}`))
          .body.code,
      ).toBe('VALID');
    }
    // Ten wrong tokens spread over spellings and sources put the key under attack as one.
    const target = await generateKey(server, owner.cookie, 'Spelled');
    const variants = [
      target.apiKey.key,
      target.apiKey.key.toUpperCase(),
      `${target.apiKey.key} `,
      `${target.apiKey.key[0]!.toUpperCase()}${target.apiKey.key.slice(1)}`,
      `${target.apiKey.key}   `,
    ];
    for (let attempt = 0; attempt < 10; attempt++) {
      await verifyAt(
        server,
        { key: variants[attempt % variants.length], token: wrongTokenOf(target.token) },
        `192.0.2.${attempt + 1}`,
      );
    }
    const next = await verifyAt(
      server,
      { key: `${target.apiKey.key.toUpperCase()}  `, token: wrongTokenOf(target.token) },
      '192.0.2.100',
    );
    expect(next.body.code).toBe('RATE_LIMITED');
    expect(
      (await verifyAt(server, { key: target.apiKey.key, token: target.token }, '192.0.2.101')).body
        .code,
    ).toBe('VALID');
  });

  it('counts unknown key identifiers like existing ones', async () => {
    const unknown = 'kw-holding-zzzzzzzzzzzz';
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(
        (await verifyAt(server, { key: unknown, token: 'kwt_nothing' }, `192.0.2.${attempt + 20}`))
          .body.code,
      ).toBe('INVALID_CREDENTIALS');
    }
    const next = await verifyAt(server, { key: unknown, token: 'kwt_nothing' }, '192.0.2.40');
    expect(next.body.code).toBe('RATE_LIMITED');
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 it carries', async () => {
    // Six failures (the limit) from six addresses of one /64: rotating addresses is no way out.
    const rotating = await generateKey(server, owner.cookie, 'Rotated against');
    const subnet = Math.floor(Math.random() * 0xffff);
    const prefix = `2001:db8:7:${subnet.toString(16)}`;
    const wrong = { key: rotating.apiKey.key, token: wrongTokenOf(rotating.token) };
    for (let host = 1; host <= 6; host++) {
      expect((await verifyAt(server, wrong, `${prefix}::${host}`)).body.code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const right = { key: rotating.apiKey.key, token: rotating.token };
    expect(await verifyAt(server, right, `${prefix}:0:0:0:abcd`)).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED' },
    });
    // The next /64 is another client.
    const next = `2001:db8:7:${(subnet + 1).toString(16)}::1`;
    expect((await verifyAt(server, right, next)).body.code).toBe('VALID');

    const mapped = await generateKey(server, owner.cookie, 'Reached over both stacks');
    const v4 = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const wrongMapped = { key: mapped.apiKey.key, token: wrongTokenOf(mapped.token) };
    for (let attempt = 0; attempt < 6; attempt++)
      await verifyAt(server, wrongMapped, attempt % 2 ? v4 : `::ffff:${v4}`);
    expect(
      (await verifyAt(server, { key: mapped.apiKey.key, token: mapped.token }, v4)).body.code,
    ).toBe('RATE_LIMITED');
  });

  it('answers FORBIDDEN to a proven token addressing an account that never granted it, without counting a failure', async () => {
    const source = '203.0.113.50';
    for (let attempt = 0; attempt < 8; attempt++) {
      const result = await server.graphql(
        ME,
        {},
        {
          key: key.apiKey.key,
          token: key.token,
          headers: { 'x-account': 'elsewhere', 'x-forwarded-for': source },
        },
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
    }
    const verified = await verifyAt(
      server,
      { key: key.apiKey.key, token: key.token, account: partner.account.slug },
      source,
    );
    expect(verified.body.code).toBe('FORBIDDEN');
    // The source was never blocked: the key still works in its own account.
    const own = await server.graphql(
      ME,
      {},
      { key: key.apiKey.key, token: key.token, headers: { 'x-forwarded-for': source } },
    );
    expect(own.errors).toBeUndefined();
  });

  it('answers the same code on every surface once a source is blocked, with Retry-After on 429s', async () => {
    const attacker = '203.0.113.66';
    for (let attempt = 0; attempt < 6; attempt++)
      await verifyAt(server, { key: key.apiKey.key, token: wrongTokenOf(key.token) }, attacker);
    const credentials = {
      key: key.apiKey.key,
      token: key.token,
      headers: { 'x-forwarded-for': attacker },
    };
    expect(errorCode(await server.graphql(ME, {}, credentials))).toBe('RATE_LIMITED');
    expect(
      errorCode(await server.graphql('{ generatedKeys { totalCount } }', {}, credentials)),
    ).toBe('RATE_LIMITED');
    const exported = await fetch(`${server.url}/api/keys/export?format=csv`, {
      headers: {
        'x-api-appkey': key.apiKey.key,
        'x-api-apptoken': key.token,
        'x-forwarded-for': attacker,
      },
    });
    expect(exported.status).toBe(429);
    expect(Number(exported.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      ((await exported.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('RATE_LIMITED');
    for (const gate of [false, true]) {
      const verified = await verifyAt(
        server,
        { key: key.apiKey.key, token: key.token },
        attacker,
        gate,
      );
      expect(verified.status).toBe(429);
      expect(Number(verified.retryAfter)).toBeGreaterThan(0);
    }
    // Refused for the block, and each such refusal is in the audit log like any other (S4).
    await server.keyward.services.refusedAuth.flush();
    const refused = (await auditEvents(server, owner.account.id)).filter(
      (event) =>
        event.action === 'auth.refused' &&
        event.sourceIp === attacker &&
        (JSON.parse(event.details ?? '{}') as { reason?: string }).reason === 'RATE_LIMITED',
    );
    expect(refused.map((event) => event.targetLabel)).toContain(key.apiKey.key);
  });

  it('audits a sign-in refused because its source is blocked', async () => {
    const target = await accountWithOwner(server, 'blockedsignin');
    const attacker = '203.0.113.77';
    for (let attempt = 0; attempt < 6; attempt++)
      await signInFrom(target.email, `wrong-${attempt}`, attacker);
    expect((await signInFrom(target.email, PASSWORD, attacker)).code).toBe('RATE_LIMITED');
    await server.keyward.services.refusedAuth.flush();
    const refused = (await auditEvents(server, target.account.id)).filter(
      (event) => event.action === 'auth.refused' && event.targetLabel === target.email,
    );
    expect(
      refused.map((event) => (JSON.parse(event.details ?? '{}') as { reason: string }).reason),
    ).toContain('RATE_LIMITED');
  });

  it('answers EXPIRED from me and from exports (401 with the code)', async () => {
    const strict = await accountWithOwner(server, 'strictly');
    const aged = await generateKey(server, strict.cookie, 'Aged', [
      strict.roles.get('api-keys-read-only')!.id,
    ]);
    await server.graphql(
      'mutation { updateApiKeySettings(input: { tokenDurationDays: 1, enforcement: ENFORCE }) { settings { enforcement } } }',
      {},
      { cookie: strict.cookie },
    );
    server.clock.advanceDays(2);
    const credentials = { key: aged.apiKey.key, token: aged.token };
    expect(errorCode(await server.graphql(ME, {}, credentials))).toBe('EXPIRED');
    const exported = await fetch(`${server.url}/api/keys/export?format=csv`, {
      headers: { 'x-api-appkey': aged.apiKey.key, 'x-api-apptoken': aged.token },
    });
    expect(exported.status).toBe(401);
    expect(
      ((await exported.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('EXPIRED');
    // The service surfaces (a verifier's calls with the same key) say the same.
    const keyHeaders = { 'x-api-appkey': aged.apiKey.key, 'x-api-apptoken': aged.token };
    const asService = [
      await fetch(`${server.url}/api/keys/changes`, { headers: keyHeaders }),
      await fetch(`${server.url}/api/keys/usage`, {
        method: 'POST',
        headers: { ...keyHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({ uses: [] }),
      }),
      await fetch(`${server.url}/api/keys/verify`, {
        method: 'POST',
        headers: { ...keyHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({ key: aged.apiKey.key, token: aged.token }),
      }),
    ];
    for (const response of asService) {
      expect(response.status, response.url).toBe(401);
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
          .extensions.code,
        response.url,
      ).toBe('EXPIRED');
    }
  });

  it('slows sign-in for one email more and more, whatever the source, never locking the owner out, and audits each failure', async () => {
    const signIn = async (password: string, from: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({
          query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { me { kind } } }',
          variables: { input: { email: partner.email, password } },
        }),
      });
      const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      return { code: body.errors?.[0]?.extensions.code ?? 'OK', ms: performance.now() - started };
    };
    const times: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const result = await signIn(`wrong-${attempt}`, `100.64.${attempt}.1`);
      expect(result.code).toBe('UNAUTHENTICATED');
      times.push(result.ms);
    }
    // Each source failed once only: the per-email count is what slows the later ones.
    expect(times[5]!).toBeGreaterThanOrEqual(400);
    expect(times[5]!).toBeGreaterThan(times[4]!);
    // The right password still signs in: slowed, never locked out.
    expect((await signIn('correct horse battery staple', '100.64.99.1')).code).toBe('OK');

    await server.keyward.services.refusedAuth.flush();
    const refused = (await auditEvents(server, partner.account.id)).filter(
      (event) => event.action === 'auth.refused' && event.targetLabel === partner.email,
    );
    expect(refused.length).toBe(6);
    expect(new Set(refused.map((event) => event.sourceIp)).size).toBe(6);
  });

  const signInFrom = async (email: string, password: string, from: string, cookie?: string) => {
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': from,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({
        query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { me { kind } } }',
        variables: { input: { email, password } },
      }),
    });
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    return {
      code: body.errors?.[0]?.extensions.code ?? 'OK',
      finishedAt: performance.now(),
      ms: performance.now() - started,
      device: /kw_device=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1],
    };
  };

  it('queues parallel sign-in attempts for one email one after the other', async () => {
    const target = await accountWithOwner(server, 'queued');
    for (let attempt = 0; attempt < 3; attempt++)
      await signInFrom(target.email, `free-${attempt}`, `100.65.${attempt}.1`);
    // Four more at once, from four sources: held back 200, 400, 800 and 1600 ms one after
    // the other, not side by side.
    const started = performance.now();
    const results = await Promise.all(
      [0, 1, 2, 3].map((index) =>
        signInFrom(target.email, `at-once-${index}`, `100.66.${index}.1`),
      ),
    );
    expect(results.map((result) => result.code)).toEqual(Array(4).fill('UNAUTHENTICATED'));
    expect(
      Math.max(...results.map((result) => result.finishedAt)) - started,
    ).toBeGreaterThanOrEqual(2_900);
  });

  it('lets a browser that signed in as that email before skip the queue', async () => {
    const target = await accountWithOwner(server, 'returning');
    const first = await signInFrom(target.email, PASSWORD, '100.67.0.1');
    expect(first.code).toBe('OK');
    expect(first.device).toBeTruthy();
    // An attack on the email queues every stranger's attempt...
    for (let attempt = 0; attempt < 6; attempt++)
      await signInFrom(target.email, `guess-${attempt}`, `100.68.${attempt}.1`);
    const held = vi.spyOn(server.keyward.services.throttle, 'holdSignIn');
    try {
      // ...but not the owner's, from a browser they signed in with before.
      const again = await signInFrom(
        target.email,
        PASSWORD,
        '100.67.0.2',
        `kw_device=${first.device}`,
      );
      expect(again.code).toBe('OK');
      expect(held).not.toHaveBeenCalled();
      // The proof belongs to its email: it lets no other email skip the queue.
      await signInFrom(partner.email, 'wrong', '100.67.0.3', `kw_device=${first.device}`);
      expect(held).toHaveBeenCalledTimes(1);
    } finally {
      held.mockRestore();
    }
  });

  it('signs in only under the email exactly as stored, on every database', async () => {
    // MySQL's collation would match these to the real user, each with a count of its own:
    // a way around the per-email delay, and an answer SQLite does not give.
    for (const spelling of [
      partner.email.replace('o', 'ó'),
      partner.email.replace('e', '\uFF45'),
      `${partner.email}\u0000`,
    ]) {
      const response = await server.graphql(
        'mutation SignIn($input: SignInInput!) { signIn(input: $input) { me { kind } } }',
        { input: { email: spelling, password: PASSWORD } },
        { headers: { 'x-forwarded-for': '100.64.200.1' } },
      );
      expect(errorCode(response), JSON.stringify(spelling)).toBe('UNAUTHENTICATED');
    }
  });
});

describe('TRUST_PROXY in production', () => {
  const production = {
    NODE_ENV: 'production',
    KEYWARD_SECRET: 'x'.repeat(40),
    DATABASE_URL: 'mysql://u:p@127.0.0.1/db',
  };

  it('refuses true, which lets every client choose its address, unless forced', () => {
    expect(() => loadConfig({ ...production, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(
      loadConfig({ ...production, TRUST_PROXY: 'true', TRUST_PROXY_FORCE: 'true' }).trustProxy,
    ).toBe(true);
    // The same, spelled otherwise: every address is a trusted proxy.
    for (const everyone of ['TRUE', ' true', '0.0.0.0/0', '::/0', '10.0.0.5, 0.0.0.0/0'])
      expect(() => loadConfig({ ...production, TRUST_PROXY: everyone }), everyone).toThrow(
        /TRUST_PROXY/,
      );
    expect(loadConfig({ ...production, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...production, TRUST_PROXY: '10.0.0.5' }).trustProxy).toBe('10.0.0.5');
    expect(
      loadConfig({ TRUST_PROXY: 'true', KEYWARD_DATA_DIR: '/tmp/keyward-config-test' }).trustProxy,
    ).toBe(true);
  });
});

const redisUrl = process.env.KEYWARD_TEST_REDIS_URL;

describe('sign-in turns for one email', () => {
  const limits = { perSource: 30, perKey: 60, freeFailures: 10, perEmailFree: 1 };
  // Four attempts at once: free, then turns 200, 400 and 800 ms apart (not side by side).
  const expectQueued = (waits: number[]) => {
    const sorted = [...waits].sort((a, b) => a - b);
    expect(sorted[0]).toBe(0);
    expect(sorted[3]).toBeGreaterThanOrEqual(1_300);
  };

  it('are taken one after the other in one server', async () => {
    const throttle = new FailureThrottle(limits);
    expectQueued(await Promise.all([0, 1, 2, 3].map(() => throttle.holdSignIn('one@turns.test'))));
  });

  it.runIf(redisUrl)('are shared by servers through Redis', async () => {
    const redis = new Redis(redisUrl!);
    try {
      const [a, b] = [new FailureThrottle(limits, redis), new FailureThrottle(limits, redis)];
      const email = `${randomUUID()}@turns.test`;
      expectQueued(await Promise.all([a, b, a, b].map((server) => server.holdSignIn(email))));
    } finally {
      redis.disconnect();
    }
  });

  // However long the queue an attack builds, a stranger's attempt (the real user on a new
  // browser) waits at most 10 s: slowed, never locked out.
  const expectBounded = (waits: number[]) => {
    expect(Math.max(...waits)).toBeLessThanOrEqual(10_000);
    expect(waits.filter((wait) => wait >= 9_000).length).toBeGreaterThan(10);
  };

  it('never hold an attempt longer than 10 s, however many wait', async () => {
    const throttle = new FailureThrottle(limits);
    const attempts = Array.from({ length: 30 }, () => throttle.holdSignIn('many@turns.test'));
    expectBounded(await Promise.all(attempts));
  });

  it.runIf(redisUrl)('never hold an attempt longer than 10 s through Redis either', async () => {
    const redis = new Redis(redisUrl!);
    try {
      const throttle = new FailureThrottle(limits, redis);
      const email = `${randomUUID()}@turns.test`;
      expectBounded(
        await Promise.all(Array.from({ length: 30 }, () => throttle.holdSignIn(email))),
      );
    } finally {
      redis.disconnect();
    }
  });
});
