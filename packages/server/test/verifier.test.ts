import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import {
  createServer as createTcpServer,
  connect,
  type Server as TcpServer,
  type Socket,
} from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVerifier,
  expressMiddleware,
  fastifyPreHandler,
  honoMiddleware,
  type KeywardPrincipal,
  type KeywardVerifier,
} from '@keyward/verify';
import { ApiToken } from '../src/modules/api-keys/api-token.entity.js';
import { Resources } from '../src/modules/roles/resource-catalog.js';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey, type GeneratedKey } from './support/fixtures.js';
import { TEST_SECRET, TestServer } from './support/test-server.js';

const redisUrl = process.env.KEYWARD_TEST_REDIS_URL;
const modes = [
  { name: 'polling', redisUrl: undefined as string | undefined },
  ...(redisUrl ? [{ name: 'redis', redisUrl }] : []),
];
const matrix = testDatabases.flatMap((database) =>
  modes.map((mode) => ({ database, mode, label: `${database.name} with ${mode.name}` })),
);

const here = path.dirname(fileURLToPath(import.meta.url));
const VERIFY_ENTRY = path.resolve(here, '../../verify/src/index.ts');
/** The child runs in an empty directory: tsx is named by its path. */
const TSX_LOADER = pathToFileURL(path.resolve(here, '../node_modules/tsx/dist/loader.mjs')).href;

const UPDATE_POLICIES =
  'mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { id } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Answers asked within 500 ms of a change heard are not kept (see the verifier): wait that out. */
const settle = () => sleep(600);

/**
 * Asks until the answer is kept in memory. Changes heard meanwhile (other suites share Redis
 * and its invalidation channel) may make it take a few tries.
 */
const remember = async (
  verifier: KeywardVerifier,
  request: Parameters<KeywardVerifier['verify']>[0],
) => {
  for (let tries = 0; tries < 60 && !verifier.verifyFromMemory(request); tries += 1) {
    await verifier.verify(request);
    if (!verifier.verifyFromMemory(request)) await sleep(50);
  }
  expect(verifier.verifyFromMemory(request)?.code).toBe('VALID');
};
/**
 * A Redis database of its own for a server with tiny throttle limits: failures other suites (or
 * other runs) made from 127.0.0.1 in the shared counters would otherwise block this test's
 * service. Pub/sub, which carries changes between servers, spans every database.
 */
const ownRedisDatabase = (url: string | undefined) => {
  if (!url) return url;
  const own = new URL(url);
  own.pathname = `/${1 + Math.floor(Math.random() * 15)}`;
  return own.toString();
};

/** Verifies until the answer is no longer VALID: the code and how long after `since` it came. */
const untilRefused = async (
  verifier: KeywardVerifier,
  request: Parameters<KeywardVerifier['verify']>[0],
  since: number,
  timeoutMs = 3_000,
) => {
  for (;;) {
    const answer = await verifier.verify(request);
    if (answer.code !== 'VALID' || Date.now() - since > timeoutMs)
      return { code: answer.code, elapsedMs: Date.now() - since };
    await sleep(5);
  }
};

/** A loopback TCP relay to a server, whose connections can be cut. */
const relayTo = async (target: string) => {
  const { port } = new URL(target);
  const sockets = new Set<Socket>();
  let open = true;
  const relay: TcpServer = createTcpServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(port), '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const done = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    cut: () => {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
};

describe.each(matrix)('@keyward/verify against two servers ($label)', ({ database, mode }) => {
  let a: TestServer;
  let b: TestServer;
  let acme: Awaited<ReturnType<typeof accountWithOwner>>;
  let partner: Awaited<ReturnType<typeof accountWithOwner>>;
  let service: GeneratedKey;
  let verifier: KeywardVerifier;
  let ordersRoleId: string;
  const verifiers: KeywardVerifier[] = [];

  const newKey = (name: string, roleIds = [ordersRoleId]) =>
    generateKey(a, acme.cookie, name, roleIds);
  const mutate = async (
    query: string,
    variables: Record<string, unknown>,
    cookie = acme.cookie,
  ) => {
    const result = await a.graphql(query, variables, { cookie });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Record<string, Record<string, unknown>>;
  };
  const open = async (url: string, options: { disconnectedBoundMs?: number } = {}) => {
    const created = createVerifier({
      url,
      credentials: { key: service.apiKey.key, token: service.token },
      follow: ['acme', 'partner'],
      ...options,
    });
    verifiers.push(created);
    await created.ready;
    return created;
  };

  beforeAll(async () => {
    a = await TestServer.start(database, { redisUrl: mode.redisUrl });
    b = await TestServer.start(database, { attachTo: a.databaseUrl, redisUrl: mode.redisUrl });
    acme = await accountWithOwner(a, 'acme');
    partner = await accountWithOwner(a, 'partner');
    const verifyRole = await a.createRole(acme.account.id, 'Verifier', [Resources.verifyApiKeys]);
    const ordersRole = await a.createRole(acme.account.id, 'Orders', ['orders:view-orders']);
    ordersRoleId = ordersRole.id;
    service = await generateKey(a, acme.cookie, 'Checkout service', [verifyRole.id]);
    // partner lets the service verify there too.
    const partnerVerify = await a.createRole(partner.account.id, 'Verifier', [
      Resources.verifyApiKeys,
    ]);
    await mutate(
      'mutation($key: String!, $roles: [ID!]!) { addExternalKey(input: { key: $key, roleIds: $roles }) { externalKey { id } } }',
      { key: service.apiKey.key, roles: [partnerVerify.id] },
      partner.cookie,
    );
    verifier = await open(b.url);
  });
  afterAll(async () => {
    for (const each of verifiers) await each.close();
    await b?.stop();
    await a?.stop();
  });

  it('answers every code like the REST endpoint, a repeat from memory', async () => {
    const key = await newKey('Every code');
    await settle();
    const request = { key: key.apiKey.key, token: key.token };
    const first = await verifier.verify(request);
    expect(first).toMatchObject({
      valid: true,
      code: 'VALID',
      account: 'acme',
      roles: ['Orders'],
      resources: ['orders:view-orders'],
      keyId: key.apiKey.id,
      fromMemory: false,
    });
    await remember(verifier, request);
    // No await in between: no change can be heard, every answer comes from memory.
    const asked = verifier.stats.serverAnswers;
    const again = verifier.verify({ ...request, key: ` ${key.apiKey.key.toUpperCase()} ` });
    // A resource the key holds, and one it does not, from memory too.
    const held = verifier.verify({ ...request, resource: 'orders:view-orders' });
    const notHeld = verifier.verify({ ...request, resource: 'orders:edit-orders' });
    expect(await again).toMatchObject({ code: 'VALID', fromMemory: true, keyId: key.apiKey.id });
    expect(await held).toMatchObject({ code: 'VALID', fromMemory: true });
    expect(await notHeld).toMatchObject({
      code: 'FORBIDDEN',
      valid: false,
      resources: ['orders:view-orders'],
      fromMemory: true,
    });
    expect(verifier.stats.serverAnswers).toBe(asked);

    expect(await verifier.verify({ key: 'kw-acme-000000000000', token: key.token })).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      fromMemory: false,
    });
    expect(await verifier.verify({ ...request, token: wrongTokenOf(key.token) })).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      fromMemory: false,
    });
    // A right token for an account that never granted the key.
    expect(await verifier.verify({ ...request, account: 'partner' })).toMatchObject({
      code: 'FORBIDDEN',
      fromMemory: false,
    });
    await mutate('mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }', {
      id: key.apiKey.id,
    });
    expect((await untilRefused(verifier, request, Date.now())).code).toBe('INACTIVE');

    const strict = await accountWithOwner(a, `strict-${mode.name}`);
    const aged = await generateKey(a, strict.cookie, 'Aged');
    await a.graphql(
      'mutation { updateApiKeySettings(input: { tokenDurationDays: 1, enforcement: ENFORCE }) { settings { enforcement } } }',
      {},
      { cookie: strict.cookie },
    );
    a.clock.advanceDays(2);
    b.clock.advanceDays(2);
    // The service may verify there only once granted Verify API keys.
    await expect(
      verifier.verify({ key: aged.apiKey.key, token: aged.token }),
    ).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const strictVerify = await a.createRole(strict.account.id, 'Verifier', [
      Resources.verifyApiKeys,
    ]);
    await a.graphql(
      'mutation($key: String!, $roles: [ID!]!) { addExternalKey(input: { key: $key, roleIds: $roles }) { externalKey { id } } }',
      { key: service.apiKey.key, roles: [strictVerify.id] },
      { cookie: strict.cookie },
    );
    await sleep(400); // the other server learns of the new grant (polling: within 250 ms)
    expect(await verifier.verify({ key: aged.apiKey.key, token: aged.token })).toMatchObject({
      code: 'EXPIRED',
    });
  });

  it('answers RATE_LIMITED once the server blocks the source named by the service', async () => {
    const strictOptions = {
      attachTo: a.databaseUrl,
      redisUrl: ownRedisDatabase(mode.redisUrl),
      throttleLimits: { perSource: 3, perKey: 1_000, freeFailures: 1_000 },
    };
    const strict = await TestServer.start(database, strictOptions);
    // With Redis, a block made on one server reaches the followers of another (its peer);
    // without it each server throttles alone, so the followers of the one that blocked hear it.
    const peer = mode.redisUrl ? await TestServer.start(database, strictOptions) : strict;
    const limited = createVerifier({
      url: peer.url,
      credentials: { key: service.apiKey.key, token: service.token },
    });
    try {
      await limited.ready;
      const key = await newKey('Throttled');
      const source = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
      const bad = { key: key.apiKey.key, token: wrongTokenOf(key.token), ip: source };
      const codes: string[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) codes.push((await limited.verify(bad)).code);
      expect(codes).toContain('RATE_LIMITED');
      const blocked = await limited.verify({ key: key.apiKey.key, token: key.token, ip: source });
      expect(blocked.code).toBe('RATE_LIMITED');
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      // The service's own address is not the one blocked.
      expect((await limited.verify({ key: key.apiKey.key, token: key.token })).code).toBe('VALID');

      // A block made through another verifier reaches this one over the stream: the address's
      // right token, answered from memory a moment ago, is asked of the server again.
      const other = createVerifier({
        url: strict.url,
        credentials: { key: service.apiKey.key, token: service.token },
      });
      try {
        await other.ready;
        // An IPv6 client is blocked by its /64: the wrong tokens come from other addresses of
        // it than the one whose right token is in memory.
        const subnet = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
        const right = { key: key.apiKey.key, token: key.token, ip: `${subnet}::4` };
        for (let tries = 0; tries < 20 && !limited.verifyFromMemory(right); tries += 1) {
          await limited.verify(right);
          await sleep(50);
        }
        expect(limited.verifyFromMemory(right)?.code).toBe('VALID');
        for (let attempt = 1; attempt <= 3; attempt += 1)
          await other.verify({
            ...right,
            ip: `${subnet}::${attempt}`,
            token: wrongTokenOf(key.token),
          });
        const since = Date.now();
        while (limited.verifyFromMemory(right) && Date.now() - since < 2_000) await sleep(10);
        expect(limited.verifyFromMemory(right)).toBeNull();
        expect(Date.now() - since).toBeLessThan(1_000);
        // The server followed refuses at once: the block it heard is applied to its own throttle.
        expect((await limited.verify(right)).code).toBe('RATE_LIMITED');
      } finally {
        await other.close();
      }
    } finally {
      await limited.close();
      if (peer !== strict) await peer.stop();
      await strict.stop();
    }
  });

  it('enforces a key’s allowlist in memory, and leaves a budgeted key to the server', async () => {
    const restricted = await newKey('Restricted for the verifier');
    await mutate(UPDATE_POLICIES, {
      input: { id: restricted.apiKey.id, allowedAddresses: ['203.0.113.0/24'] },
    });
    await settle();
    const request = { key: restricted.apiKey.key, token: restricted.token };
    await remember(verifier, { ...request, ip: '203.0.113.5' });
    expect(verifier.verifyFromMemory({ ...request, ip: '::ffff:203.0.113.9' })?.code).toBe('VALID');
    expect(verifier.verifyFromMemory({ ...request, ip: '198.51.100.1' })).toBeNull();
    expect((await verifier.verify({ ...request, ip: '198.51.100.1' })).code).toBe('IP_NOT_ALLOWED');
    expect((await verifier.verify(request)).code).toBe('IP_NOT_ALLOWED');

    const budgeted = await newKey('Budgeted for the verifier');
    await mutate(UPDATE_POLICIES, { input: { id: budgeted.apiKey.id, rateLimit: { perDay: 2 } } });
    await settle();
    const spend = { key: budgeted.apiKey.key, token: budgeted.token, ip: '192.0.2.44' };
    for (let use = 0; use < 2; use++)
      expect(await verifier.verify(spend)).toMatchObject({ code: 'VALID', fromMemory: false });
    expect(verifier.verifyFromMemory(spend)).toBeNull();
    expect(await verifier.verify(spend)).toMatchObject({ code: 'RATE_LIMITED', fromMemory: false });
    // The key's budget is spent, not its caller's address: other keys still pass from there.
    const other = await newKey('Same caller, other key');
    await settle();
    expect(
      (await verifier.verify({ key: other.apiKey.key, token: other.token, ip: spend.ip })).code,
    ).toBe('VALID');
  });

  it('never accepts from memory a token it has not verified', async () => {
    const key = await newKey('Never seen');
    const other = await newKey('Never seen either');
    await settle();
    expect(verifier.verifyFromMemory({ key: other.apiKey.key, token: other.token })).toBeNull();
    await remember(verifier, { key: key.apiKey.key, token: key.token });
    expect(
      verifier.verifyFromMemory({ key: key.apiKey.key, token: wrongTokenOf(key.token) }),
    ).toBeNull();
    expect(verifier.verifyFromMemory({ key: key.apiKey.key, token: other.token })).toBeNull();
    expect(verifier.verifyFromMemory({ key: other.apiKey.key, token: key.token })).toBeNull();
    // Renewed with the old token kept: the new one must be seen by the server first.
    const renewed = await mutate(
      'mutation($id: ID!) { renewApiToken(input: { id: $id, oldToken: EXPIRE_IN_24_HOURS }) { token } }',
      { id: key.apiKey.id },
    );
    const newToken = renewed.renewApiToken!.token as string;
    await sleep(400); // the other server learns of the new token (polling: within 250 ms)
    expect(verifier.verifyFromMemory({ key: key.apiKey.key, token: newToken })).toBeNull();
    expect(await verifier.verify({ key: key.apiKey.key, token: newToken })).toMatchObject({
      code: 'VALID',
      fromMemory: false,
    });
  });

  it('refuses, within a second, what GraphQL on the other server revoked', async () => {
    const revoke = async (
      name: string,
      change: (key: GeneratedKey) => Promise<void>,
      request: (key: GeneratedKey) => Parameters<KeywardVerifier['verify']>[0] = (key) => ({
        key: key.apiKey.key,
        token: key.token,
      }),
      setup?: (key: GeneratedKey) => Promise<void>,
    ) => {
      const key = await newKey(name);
      await setup?.(key);
      // Kept once asked with no change heard meanwhile (the setup's own may still be arriving).
      for (let tries = 0; tries < 40 && !verifier.verifyFromMemory(request(key)); tries += 1) {
        await verifier.verify(request(key));
        await sleep(50);
      }
      expect(verifier.verifyFromMemory(request(key))?.code, name).toBe('VALID');
      await change(key);
      const since = Date.now();
      const { code, elapsedMs } = await untilRefused(verifier, request(key), since);
      expect(code, name).not.toBe('VALID');
      expect(elapsedMs, name).toBeLessThan(1_000);
      return code;
    };
    expect(
      await revoke('Deactivated', async (key) => {
        await mutate(
          'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
          { id: key.apiKey.id },
        );
      }),
    ).toBe('INACTIVE');
    expect(
      await revoke('Deleted', async (key) => {
        await mutate(
          'mutation($id: ID!) { deleteApiKey(input: { id: $id, confirm: true }) { deletedApiKeyId } }',
          { id: key.apiKey.id },
        );
      }),
    ).toBe('INVALID_CREDENTIALS');
    expect(
      await revoke('Renewed', async (key) => {
        await mutate(
          'mutation($id: ID!) { renewApiToken(input: { id: $id, oldToken: DELETE_NOW }) { token } }',
          { id: key.apiKey.id },
        );
      }),
    ).toBe('INVALID_CREDENTIALS');
    const renew = async (key: GeneratedKey) => {
      const renewed = await mutate(
        'mutation($id: ID!) { renewApiToken(input: { id: $id, oldToken: EXPIRE_IN_24_HOURS }) { token } }',
        { id: key.apiKey.id },
      );
      return renewed.renewApiToken!.token as string;
    };
    expect(
      await revoke(
        'Old token deleted',
        async (key) => {
          await mutate(
            'mutation($id: ID!) { deleteOldToken(input: { id: $id }) { apiKey { id } } }',
            {
              id: key.apiKey.id,
            },
          );
        },
        undefined,
        async (key) => {
          await renew(key);
          await sleep(300); // the other server learns of the renewal
        },
      ),
    ).toBe('INVALID_CREDENTIALS');
    expect(
      await revoke(
        'Renewal undone',
        async (key) => {
          await mutate('mutation($id: ID!) { undoRenewal(input: { id: $id }) { apiKey { id } } }', {
            id: key.apiKey.id,
          });
        },
        undefined,
        async (key) => {
          key.token = await renew(key);
          await sleep(300);
        },
      ),
    ).toBe('INVALID_CREDENTIALS');
    let grantId = '';
    expect(
      await revoke(
        'Grant removed',
        async () => {
          await mutate(
            'mutation($id: ID!) { removeExternalKey(input: { id: $id }) { removedExternalKeyId } }',
            { id: grantId },
            partner.cookie,
          );
        },
        (key) => ({ key: key.apiKey.key, token: key.token, account: 'partner' }),
        async (key) => {
          const added = await mutate(
            'mutation($key: String!, $roles: [ID!]!) { addExternalKey(input: { key: $key, roleIds: $roles }) { externalKey { id } } }',
            { key: key.apiKey.key, roles: [partner.roles.get('oms-read-only')!.id] },
            partner.cookie,
          );
          grantId = (added.addExternalKey!.externalKey as { id: string }).id;
        },
      ),
    ).toBe('FORBIDDEN');
    const changing = await a.createRole(acme.account.id, `Changing ${Date.now()}`, [
      'orders:view-orders',
    ]);
    expect(
      await revoke(
        'Role changed',
        async () => {
          await mutate(
            'mutation($input: UpdateRoleInput!) { updateRole(input: $input) { role { id } } }',
            { input: { id: changing.id, resourceKeys: ['catalog:view-products'] } },
          );
        },
        (key) => ({ key: key.apiKey.key, token: key.token, resource: 'orders:view-orders' }),
        async (key) => {
          await mutate(
            'mutation($id: ID!, $roles: [ID!]) { updateApiKey(input: { id: $id, roleIds: $roles }) { apiKey { id } } }',
            { id: key.apiKey.id, roles: [changing.id] },
          );
        },
      ),
    ).toBe('FORBIDDEN');
    expect(
      await revoke(
        'Grant changed',
        async () => {
          await mutate(
            'mutation($id: ID!, $roles: [ID!]!) { updateExternalKey(input: { id: $id, roleIds: $roles }) { externalKey { id } } }',
            { id: grantId, roles: [partner.roles.get('oms-read-only')!.id] },
            partner.cookie,
          );
        },
        (key) => ({
          key: key.apiKey.key,
          token: key.token,
          account: 'partner',
          resource: 'orders:edit-orders',
        }),
        async (key) => {
          const added = await mutate(
            'mutation($key: String!, $roles: [ID!]!) { addExternalKey(input: { key: $key, roleIds: $roles }) { externalKey { id } } }',
            { key: key.apiKey.key, roles: [partner.roles.get('oms-full-access')!.id] },
            partner.cookie,
          );
          grantId = (added.addExternalKey!.externalKey as { id: string }).id;
        },
      ),
    ).toBe('FORBIDDEN');
    expect(
      await revoke(
        'Key roles changed',
        async (key) => {
          await mutate(
            'mutation($id: ID!, $roles: [ID!]) { updateApiKey(input: { id: $id, roleIds: $roles }) { apiKey { id } } }',
            { id: key.apiKey.id, roles: [acme.roles.get('catalog-full-access')!.id] },
          );
        },
        (key) => ({ key: key.apiKey.key, token: key.token, resource: 'orders:view-orders' }),
      ),
    ).toBe('FORBIDDEN');

    // A grant added elsewhere refuses nothing, but the key's entry is dropped all the same.
    const granted = await newKey('Grant added');
    const grantedRequest = { key: granted.apiKey.key, token: granted.token };
    await remember(verifier, grantedRequest);
    await mutate(
      'mutation($key: String!, $roles: [ID!]!) { addExternalKey(input: { key: $key, roleIds: $roles }) { externalKey { id } } }',
      { key: granted.apiKey.key, roles: [partner.roles.get('oms-read-only')!.id] },
      partner.cookie,
    );
    const addedAt = Date.now();
    while (verifier.verifyFromMemory(grantedRequest) && Date.now() - addedAt < 3_000)
      await sleep(5);
    expect(verifier.verifyFromMemory(grantedRequest)).toBeNull();
    expect(Date.now() - addedAt).toBeLessThan(1_000);

    // A token past its due date answers VALID until its account starts enforcing durations.
    await mutate(
      'mutation { updateApiKeySettings(input: { tokenDurationDays: 1, enforcement: ALERT_ONLY }) { settings { enforcement } } }',
      {},
      partner.cookie,
    );
    const overdue = await generateKey(a, partner.cookie, 'Overdue', [
      partner.roles.get('oms-read-only')!.id,
    ]);
    a.clock.advanceDays(2);
    b.clock.advanceDays(2);
    try {
      const overdueRequest = { key: overdue.apiKey.key, token: overdue.token };
      await settle();
      await remember(verifier, overdueRequest);
      await mutate(
        'mutation { updateApiKeySettings(input: { enforcement: ENFORCE }) { settings { enforcement } } }',
        {},
        partner.cookie,
      );
      const enforced = await untilRefused(verifier, overdueRequest, Date.now());
      expect(enforced.code).toBe('EXPIRED');
      expect(enforced.elapsedMs).toBeLessThan(1_000);
    } finally {
      await mutate(
        'mutation { updateApiKeySettings(input: { tokenDurationDays: 90, enforcement: ALERT_ONLY }) { settings { enforcement } } }',
        {},
        partner.cookie,
      );
    }
  });

  it('stops answering from memory once cut from the stream longer than the bound', async () => {
    const relay = await relayTo(b.url);
    try {
      // Above the 1 s heartbeat: a quiet but live stream is never taken for a cut one.
      const cut = await open(relay.url, { disconnectedBoundMs: 1_500 });
      const key = await newKey('Cut off');
      const request = { key: key.apiKey.key, token: key.token };
      await settle();
      await remember(cut, request);
      relay.cut();
      await sleep(100);
      // Within the bound, memory still answers; past it, never.
      expect(cut.verifyFromMemory(request)?.code).toBe('VALID');
      await sleep(1_600);
      expect(cut.answeringFromMemory).toBe(false);
      expect(cut.verifyFromMemory(request)).toBeNull();
      await expect(cut.verify(request)).rejects.toThrow();
      // Back: resumed (or reset), and memory answers again once the server has been asked.
      relay.restore();
      const back = Date.now();
      while (!cut.answeringFromMemory && Date.now() - back < 5_000) await sleep(50);
      expect(cut.answeringFromMemory).toBe(true);
      expect((await cut.verify(request)).code).toBe('VALID');
    } finally {
      await relay.close();
    }
  });

  it('drops, once reconnected, what changed while it was cut off (resumed from its last event)', async () => {
    const relay = await relayTo(b.url);
    try {
      // A bound longer than the cut: memory answers throughout, so only the resume can tell it.
      const resumed = await open(relay.url, { disconnectedBoundMs: 30_000 });
      const key = await newKey('Changed while cut off');
      const request = { key: key.apiKey.key, token: key.token };
      await settle();
      await remember(resumed, request);
      relay.cut();
      await mutate(
        'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
        { id: key.apiKey.id },
      );
      await sleep(1_000); // server B has heard of it (polling: within 250 ms)
      expect(resumed.verifyFromMemory(request)?.code).toBe('VALID');
      relay.restore();
      const back = Date.now();
      while (resumed.verifyFromMemory(request) && Date.now() - back < 5_000) await sleep(20);
      expect(resumed.verifyFromMemory(request)).toBeNull();
      expect((await resumed.verify(request)).code).toBe('INACTIVE');
    } finally {
      await relay.close();
    }
  });

  it('reports uses answered from memory as the tokens’ last use', async () => {
    const key = await newKey('Used locally');
    await remember(verifier, { key: key.apiKey.key, token: key.token, ip: '203.0.113.9' });
    for (let i = 0; i < 5; i += 1)
      await verifier.verify({ key: key.apiKey.key, token: key.token, ip: '203.0.113.10' });
    await verifier.reportUsage();
    await b.keyward.services.lastUse.flush();
    await a.keyward.services.lastUse.flush();
    const tokens = await a.dataSource.getRepository(ApiToken).findBy({ apiKeyId: key.apiKey.id });
    expect(tokens[0]?.lastUsedAt).not.toBeNull();
    expect(tokens[0]?.lastUsedIp).toBe('203.0.113.10');
  });

  it('counts uses answered from memory in the key’s usage, exactly', async () => {
    const key = await newKey('Counted locally');
    const request = { key: key.apiKey.key, token: key.token, ip: '203.0.113.11' };
    const flushedValid = async () => {
      await verifier.reportUsage();
      for (const server of [a, b]) await server.keyward.services.usageRecorder.flush();
      const rows = await a.dataSource.query<{ total: unknown }[]>(
        "SELECT SUM(count) AS total FROM key_usage WHERE apiKeyId = ? AND outcome = 'VALID'",
        [key.apiKey.id],
      );
      return Number(rows[0]?.total ?? 0);
    };
    await remember(verifier, request);
    const before = await flushedValid();
    expect(before).toBeGreaterThan(0);
    // From memory, or from a server if a change heard meanwhile dropped it: 7 either way.
    for (let i = 0; i < 7; i += 1) expect((await verifier.verify(request)).code).toBe('VALID');
    expect(await flushedValid()).toBe(before + 7);
  });

  it('holds no clear token and no server secret, in memory or on disk', async () => {
    const keys = await Promise.all([newKey('Canary 1'), newKey('Canary 2'), newKey('Canary 3')]);
    const cwd = mkdtempSync(path.join(tmpdir(), 'keyward-verifier-cwd-'));
    const out = mkdtempSync(path.join(tmpdir(), 'keyward-verifier-heap-'));
    // Its home and temporary directory too: wherever it might write, the test looks.
    const home = mkdtempSync(path.join(tmpdir(), 'keyward-verifier-home-'));
    const child = fork(path.join(here, 'support/verifier-child.mjs'), [VERIFY_ENTRY], {
      cwd,
      execArgv: ['--expose-gc', '--import', TSX_LOADER],
      env: {
        ...process.env,
        KW_URL: b.url,
        KW_SERVICE_KEY: service.apiKey.key,
        KW_SERVICE_TOKEN: service.token,
        HOME: home,
        TMPDIR: home,
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const next = (type: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const onMessage = (message: Record<string, unknown>) => {
          if (message.type !== type) return;
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
      });
    try {
      await next('ready');
      await settle();
      child.send({
        type: 'verify',
        pairs: keys.map((key) => ({ key: key.apiKey.key, token: key.token })),
      });
      const verified = await next('verified');
      expect(verified.size).toBe(3);
      expect(verified.codes).toContain('VALID:true');
      child.send({ type: 'snapshot', path: path.join(out, 'verifier.heapsnapshot') });
      const { file } = await next('snapshot');
      const heap = readFileSync(file as string, 'utf8');
      expect(heap.length).toBeGreaterThan(100_000);
      // The snapshot does hold strings of the verifier's own (its credentials' key).
      expect(heap).toContain(service.apiKey.key);
      for (const key of keys) expect(heap).not.toContain(key.token);
      expect(heap).not.toContain(TEST_SECRET);
      child.send({ type: 'close' });
      await new Promise((resolve) => child.once('exit', resolve));
      // It writes nothing of its own, and no file it could write holds a canary (tsx, which
      // loads it here, caches compiled sources under TMPDIR).
      expect(readdirSync(cwd)).toEqual([]);
      const written = readdirSync(home, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'latin1'));
      for (const text of written) {
        for (const key of keys) expect(text).not.toContain(key.token);
        expect(text).not.toContain(TEST_SECRET);
      }
    } finally {
      child.kill();
      rmSync(cwd, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('keeps an Express route serving under load, never a key revoked over a second ago', async () => {
    const app = express();
    app.get(
      '/orders',
      expressMiddleware(verifier, { resource: 'orders:view-orders' }),
      (req, res) => {
        const principal = (req as unknown as { keyward: KeywardPrincipal }).keyward;
        res.json({ keyId: principal.keyId, account: principal.account });
      },
    );
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;
    const keys = await Promise.all(Array.from({ length: 6 }, (_, i) => newKey(`Load ${i}`)));
    const revokedAt = new Map<string, number>();
    const late: string[] = [];
    let served = 0;
    let stop = false;
    const worker = async (offset: number) => {
      for (let i = offset; !stop; i += 1) {
        const key = keys[i % keys.length]!;
        const startedAt = Date.now();
        const response = await fetch(url, {
          headers:
            i % 2
              ? { 'x-api-appkey': key.apiKey.key, 'x-api-apptoken': key.token }
              : { 'X-VTEX-API-AppKey': key.apiKey.key, 'X-VTEX-API-AppToken': key.token },
        });
        await response.arrayBuffer();
        if (response.status === 200) {
          served += 1;
          const revoked = revokedAt.get(key.apiKey.id);
          if (revoked !== undefined && startedAt > revoked + 1_000) late.push(key.apiKey.key);
        } else {
          expect([401, 403]).toContain(response.status);
        }
      }
    };
    try {
      const workers = [0, 1, 2, 3].map(worker);
      await sleep(300);
      for (const [index, key] of keys.entries()) {
        if (index % 2) continue;
        await mutate(
          'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
          { id: key.apiKey.id },
        );
        revokedAt.set(key.apiKey.id, Date.now());
        await sleep(400);
      }
      await sleep(1_500);
      stop = true;
      await Promise.all(workers);
      expect(late).toEqual([]);
      expect(served).toBeGreaterThan(50);
      const live = keys[1]!;
      const ok = await fetch(url, {
        headers: { 'x-api-appkey': live.apiKey.key, 'x-api-apptoken': live.token },
      });
      expect(await ok.json()).toEqual({ keyId: live.apiKey.id, account: 'acme' });
      const refused = await fetch(url, {
        headers: { 'x-api-appkey': keys[0]!.apiKey.key, 'x-api-apptoken': keys[0]!.token },
      });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ code: 'INACTIVE' });
      expect((await fetch(url)).status).toBe(401);
    } finally {
      stop = true;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('guards Express, Fastify and Hono alike: both spellings, every refusal, the principal', async () => {
    const resourceOf = { orders: 'orders:view-orders', products: 'catalog:view-products' };
    const express5 = express();
    for (const [route, resource] of Object.entries(resourceOf))
      express5.get(`/${route}`, expressMiddleware(verifier, { resource }), (req, res) => {
        res.json((req as unknown as { keyward: KeywardPrincipal }).keyward);
      });
    const expressServer = await new Promise<import('node:http').Server>((resolve) => {
      const listening = express5.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const fastify = Fastify();
    for (const [route, resource] of Object.entries(resourceOf))
      fastify.get(
        `/${route}`,
        { preHandler: fastifyPreHandler(verifier, { resource }) },
        async (request) => (request as unknown as { keyward: KeywardPrincipal }).keyward,
      );
    const fastifyUrl = await fastify.listen({ port: 0, host: '127.0.0.1' });
    const hono = new Hono<{ Variables: { keyward: KeywardPrincipal } }>();
    for (const [route, resource] of Object.entries(resourceOf)) {
      hono.use(`/${route}`, honoMiddleware(verifier, { resource }));
      hono.get(`/${route}`, (c) => c.json(c.get('keyward')));
    }
    const honoServer = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => honoServer.once('listening', resolve));
    const bases = {
      express: `http://127.0.0.1:${(expressServer.address() as AddressInfo).port}`,
      fastify: fastifyUrl,
      hono: `http://127.0.0.1:${(honoServer.address() as AddressInfo).port}`,
    };
    const key = await newKey('Frameworks');
    const budgeted = await newKey('Frameworks, budgeted');
    await mutate(UPDATE_POLICIES, { input: { id: budgeted.apiKey.id, rateLimit: { perDay: 1 } } });
    await settle();
    const a1 = (credentials: GeneratedKey, token = credentials.token) => ({
      'x-api-appkey': credentials.apiKey.key,
      'x-api-apptoken': token,
    });
    const vtex = (credentials: GeneratedKey) => ({
      'X-VTEX-API-AppKey': credentials.apiKey.key,
      'X-VTEX-API-AppToken': credentials.token,
    });
    const principal = {
      keyId: key.apiKey.id,
      key: key.apiKey.key,
      account: 'acme',
      roles: ['Orders'],
      resources: ['orders:view-orders'],
      expiresAt: expect.any(String) as unknown,
    };
    const call = async (base: string, route: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}/${route}`, { headers });
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as Record<string, unknown>,
      };
    };
    try {
      for (const [name, base] of Object.entries(bases)) {
        for (const headers of [a1(key), vtex(key)]) {
          const ok = await call(base, 'orders', headers);
          expect(ok, name).toMatchObject({ status: 200, body: principal });
        }
        expect(await call(base, 'orders'), name).toMatchObject({
          status: 401,
          body: { code: 'INVALID_CREDENTIALS' },
        });
        expect(await call(base, 'orders', a1(key, wrongTokenOf(key.token))), name).toMatchObject({
          status: 401,
          body: { code: 'INVALID_CREDENTIALS' },
        });
        expect(await call(base, 'products', vtex(key)), name).toMatchObject({
          status: 403,
          body: { code: 'FORBIDDEN' },
        });
        // X-Account names the account addressed: partner never granted this key.
        expect(
          await call(base, 'orders', { ...a1(key), 'X-Account': 'partner' }),
          name,
        ).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
        // The budget of one use a day: the first framework spends it, every later use is 429.
        if (name === 'express')
          expect((await call(base, 'orders', a1(budgeted))).status, name).toBe(200);
        const limited = await call(base, 'orders', vtex(budgeted));
        expect(limited, name).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
        expect(Number(limited.retryAfter), name).toBeGreaterThan(0);
      }
    } finally {
      expressServer.closeAllConnections();
      await new Promise((resolve) => expressServer.close(resolve));
      await fastify.close();
      await new Promise((resolve) => honoServer.close(resolve));
    }
  });
});

describe.each(testDatabases)('the change stream and service form on $name', (database) => {
  let server: TestServer;
  let acme: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    acme = await accountWithOwner(server, 'stream');
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers only a key holding Verify API keys, never a token or an identifier', async () => {
    const plain = await generateKey(server, acme.cookie, 'Plain', [
      acme.roles.get('oms-read-only')!.id,
    ]);
    const asPlain = { 'x-api-appkey': plain.apiKey.key, 'x-api-apptoken': plain.token };
    const refused = await fetch(`${server.url}/api/keys/changes`, { headers: asPlain });
    expect(refused.status).toBe(403);
    expect(
      ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('FORBIDDEN');
    const wrong = await fetch(`${server.url}/api/keys/changes`, {
      headers: { ...asPlain, 'x-api-apptoken': wrongTokenOf(plain.token) },
    });
    expect(wrong.status).toBe(401);
    // The self form keeps working without the resource; the service form needs it.
    const self = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: plain.apiKey.key, token: plain.token }),
    });
    expect(await self.json()).toMatchObject({ code: 'VALID' });
    const asService = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asPlain },
      body: JSON.stringify({ key: plain.apiKey.key, token: plain.token }),
    });
    expect(asService.status).toBe(403);

    const role = await server.createRole(acme.account.id, 'Verifier only', [
      Resources.verifyApiKeys,
    ]);
    const verifying = await generateKey(server, acme.cookie, 'Verifier', [role.id]);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/keys/changes`, {
      headers: { 'x-api-appkey': verifying.apiKey.key, 'x-api-apptoken': verifying.token },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += (await reader.read()).value ?? '';
    };
    await readUntil('event: ready');
    await server.graphql(
      'mutation($id: ID!) { deactivateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: plain.apiKey.id },
      { cookie: acme.cookie },
    );
    await readUntil(`"keyIds":["${plain.apiKey.id}"]`);
    await readUntil(': heartbeat');
    expect(text).not.toContain(plain.token);
    expect(text).not.toContain(plain.apiKey.key);
    const lastId = /id: (\S+)\nevent: keys/.exec(text)![1]!;
    controller.abort();

    // Resumed from an id before the change: replayed; from an unknown id: reset.
    const readyId = /id: (\S+)\nevent: ready/.exec(text)![1]!;
    const replayed = await fetch(`${server.url}/api/keys/changes`, {
      headers: {
        'x-api-appkey': verifying.apiKey.key,
        'x-api-apptoken': verifying.token,
        'last-event-id': readyId,
      },
    });
    const replayReader = replayed.body!.pipeThrough(new TextDecoderStream()).getReader();
    let replay = '';
    while (!replay.includes('event: ready')) replay += (await replayReader.read()).value ?? '';
    expect(replay).toContain(`id: ${lastId}\nevent: keys`);
    await replayReader.cancel();
    // Followers of another account hear nothing of this account's keys.
    const elsewhere = await accountWithOwner(server, 'elsewhere');
    const elsewhereRole = await server.createRole(elsewhere.account.id, 'Verifier only', [
      Resources.verifyApiKeys,
    ]);
    const stranger = await generateKey(server, elsewhere.cookie, 'Stranger', [elsewhereRole.id]);
    const strangerStream = await fetch(`${server.url}/api/keys/changes`, {
      headers: { 'x-api-appkey': stranger.apiKey.key, 'x-api-apptoken': stranger.token },
    });
    const strangerReader = strangerStream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let strangerText = '';
    while (!strangerText.includes('event: ready'))
      strangerText += (await strangerReader.read()).value ?? '';
    const ownFollower = await fetch(`${server.url}/api/keys/changes`, {
      headers: { 'x-api-appkey': verifying.apiKey.key, 'x-api-apptoken': verifying.token },
    });
    const ownReader = ownFollower.body!.pipeThrough(new TextDecoderStream()).getReader();
    let ownText = '';
    while (!ownText.includes('event: ready')) ownText += (await ownReader.read()).value ?? '';
    await server.graphql(
      'mutation($id: ID!) { activateApiKey(input: { id: $id }) { apiKey { id } } }',
      { id: plain.apiKey.id },
      { cookie: acme.cookie },
    );
    while (!ownText.includes(plain.apiKey.id)) ownText += (await ownReader.read()).value ?? '';
    const heartbeats = strangerText.split(': heartbeat').length;
    while (strangerText.split(': heartbeat').length < heartbeats + 2)
      strangerText += (await strangerReader.read()).value ?? '';
    expect(strangerText).not.toContain(plain.apiKey.id);
    await strangerReader.cancel();
    await ownReader.cancel();

    const reset = await fetch(`${server.url}/api/keys/changes?lastEventId=elsewhere.12`, {
      headers: { 'x-api-appkey': verifying.apiKey.key, 'x-api-apptoken': verifying.token },
    });
    const resetReader = reset.body!.pipeThrough(new TextDecoderStream()).getReader();
    let resetText = '';
    while (!resetText.includes('event: ready')) resetText += (await resetReader.read()).value ?? '';
    expect(resetText).toContain('event: reset');
    await resetReader.cancel();
  });
});
