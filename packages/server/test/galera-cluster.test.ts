import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.js';
import type { TestDatabase } from './support/databases.js';
import { accountWithOwner, generateKey, type GeneratedKey } from './support/fixtures.js';
import { TestServer, type GraphQLResult } from './support/test-server.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

/**
 * Keyward on a three-node multi-primary MariaDB Galera cluster (scripts/galera-cluster.sh):
 * servers attached to different nodes, where GET_LOCK and SELECT … FOR UPDATE are local to a
 * node and a conflicting transaction fails at commit with a certification error (1213).
 */
const SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/galera-cluster.sh');
const PROVIDER = process.env.GALERA_PROVIDER ?? '/usr/lib/galera/libgalera_smm.so';
const PORTS = [3311, 3312, 3313] as const;
const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = [
  existsSync(PROVIDER) ? null : `the Galera provider ${PROVIDER} (apt-get install galera-4)`,
  has('mariadbd') ? null : 'mariadbd (apt-get install mariadb-server)',
  has('rsync') ? null : 'rsync (apt-get install rsync)',
].filter((reason): reason is string => reason !== null);
const optedOut = process.env.KEYWARD_TEST_GALERA === '0';
const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (!inCi && (missing.length > 0 || optedOut)) {
  console.warn(
    `Skipping the Galera cluster suite: ${optedOut ? 'KEYWARD_TEST_GALERA=0' : `missing ${missing.join(', ')}`}.`,
  );
}

const cluster = (...args: string[]) =>
  execFileSync('bash', [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

/** Servers always attach to an existing database here. */
const attached: TestDatabase = {
  name: 'mysql',
  create: () => Promise.reject(new Error('cluster servers attach to a database')),
};

const RENEW = /* GraphQL */ `
  mutation ($input: RenewApiTokenInput!) {
    renewApiToken(input: $input) {
      token
    }
  }
`;
const CREATE_LINK = /* GraphQL */ `
  mutation ($input: CreateSingleAccessLinkInput!) {
    createSingleAccessLink(input: $input) {
      path
    }
  }
`;
const REVEAL = /* GraphQL */ `
  mutation ($input: RevealSingleAccessLinkInput!) {
    revealSingleAccessLink(input: $input) {
      key
      token
    }
  }
`;
const DEACTIVATE = /* GraphQL */ `
  mutation ($input: DeactivateApiKeyInput!) {
    deactivateApiKey(input: $input) {
      apiKey {
        id
      }
    }
  }
`;
const DELETE = /* GraphQL */ `
  mutation ($input: DeleteApiKeyInput!) {
    deleteApiKey(input: $input) {
      deletedApiKeyId
    }
  }
`;
const SETTINGS = /* GraphQL */ `
  mutation ($input: UpdateApiKeySettingsInput!) {
    updateApiKeySettings(input: $input) {
      settings {
        webhookSigningSecret
      }
    }
  }
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (replication to another node is quick but not instant). */
const eventually = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(50);
  }
  return false;
};

const verifyCode = async (server: TestServer, key: string, token: string): Promise<string> => {
  const response = await fetch(`${server.url}/api/keys/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, token }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as {
    code?: string;
    errors?: { extensions?: { code?: string } }[];
  };
  return body.code ?? `HTTP ${response.status} ${body.errors?.[0]?.extensions?.code ?? ''}`;
};

const startSmtp = async () => {
  const received: { to: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(',') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    received,
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
};

describe.runIf(inCi || (missing.length === 0 && !optedOut))('Keyward on a Galera cluster', () => {
  const name = `keyward_cluster_${randomBytes(4).toString('hex')}`;
  const urlOf = (node: 0 | 1 | 2) => `mariadb://root@127.0.0.1:${PORTS[node]}/${name}`;
  /** A on node 1, C on node 3: every test speaks to both. */
  let a: TestServer | undefined;
  let c: TestServer | undefined;
  const others: TestServer[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  const serverOptions = () => ({
    smtpUrl: smtp.url,
    webhookAllow: ['127.0.0.1'],
  });

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`The cluster suite needs ${missing.join(', ')}.`);
    cluster('start');
    const admin = await mysql.createConnection(`mysql://root@127.0.0.1:${PORTS[0]}/`);
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
    smtp = await startSmtp();
    receiver = await startWebhookReceiver();
  }, 240_000);

  afterAll(async () => {
    for (const server of [a, c, ...others]) await server?.stop().catch(() => undefined);
    await smtp?.close();
    await receiver?.close();
    cluster('stop');
  }, 120_000);

  const servers = () => [a!, c!] as const;

  it('two servers on different nodes starting at once on an empty database migrate once', async () => {
    [a, c] = await Promise.all([
      TestServer.start(attached, { attachTo: urlOf(0), migrate: true, ...serverOptions() }),
      TestServer.start(attached, { attachTo: urlOf(2), migrate: true, ...serverOptions() }),
    ]);
    const applied = (await a.dataSource.query('SELECT name FROM migrations')) as { name: string }[];
    expect(applied.map((row) => row.name).sort()).toEqual(
      migrations.map((migration) => migration.name).sort(),
    );
    // Galera replicates by primary key: every table has one, the migrations table included.
    const withoutKey = (await a.dataSource.query(
      `SELECT t.TABLE_NAME AS name FROM information_schema.TABLES t
         LEFT JOIN information_schema.TABLE_CONSTRAINTS k
           ON k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME
          AND k.CONSTRAINT_TYPE = 'PRIMARY KEY'
        WHERE t.TABLE_SCHEMA = ? AND k.CONSTRAINT_NAME IS NULL`,
      [name],
    )) as { name: string }[];
    expect(withoutKey).toEqual([]);
  }, 120_000);

  /** An owner signed in on A, whose session C sees too. */
  const owner = async (slug: string) => {
    const created = await accountWithOwner(a!, slug);
    expect(
      await eventually(async () => {
        const me = await c!.graphql('{ me { kind } }', {}, { cookie: created.cookie });
        return !me.errors;
      }),
    ).toBe(true);
    return created;
  };

  const visibleOnC = (sql: string, parameters: unknown[]) =>
    eventually(async () => {
      const rows = (await c!.dataSource.query(sql, parameters)) as unknown[];
      return rows.length > 0;
    });

  it('100 concurrent renewals of one key across both servers: one succeeds, the rest CONFLICT', async () => {
    const { cookie } = await owner('renewals');
    const key = await generateKey(a!, cookie, 'Renewed everywhere');
    expect(await visibleOnC('SELECT id FROM api_keys WHERE id = ?', [key.apiKey.id])).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        servers()[index % 2]!.graphql<{ renewApiToken: { token: string } }>(
          RENEW,
          { input: { id: key.apiKey.id, oldToken: 'KEEP_UNTIL_DELETED' } },
          { cookie },
        ),
      ),
    );
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK');
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(99);
    const tokens = (await a!.dataSource.query('SELECT id FROM api_tokens WHERE apiKeyId = ?', [
      key.apiKey.id,
    ])) as unknown[];
    expect(tokens).toHaveLength(2);
    // The losers' certification conflicts were retried, and counted.
    let retries = 0;
    for (const server of servers()) {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      for (const match of text.matchAll(
        /^keyward_db_transaction_retries_total\{[^}]*outcome="retried"[^}]*\} (\d+)/gm,
      ))
        retries += Number(match[1]);
    }
    expect(retries).toBeGreaterThan(0);
  }, 120_000);

  it('20 concurrent opens of one single-access link across both servers: exactly one reveals', async () => {
    const { cookie } = await owner('links');
    const key = await generateKey(a!, cookie, 'Linked');
    const link = await a!.graphql<{ createSingleAccessLink: { path: string } }>(
      CREATE_LINK,
      { input: { apiKeyId: key.apiKey.id, token: key.token } },
      { cookie },
    );
    const secret = link.data!.createSingleAccessLink.path.split('/').pop()!;
    expect(
      await visibleOnC('SELECT apiKeyId FROM single_access_links WHERE apiKeyId = ?', [
        key.apiKey.id,
      ]),
    ).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        servers()[index % 2]!.graphql<{ revealSingleAccessLink: { token: string } }>(REVEAL, {
          input: { id: secret },
        }),
      ),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    const revealed = results.filter((result) => result.data?.revealSingleAccessLink);
    expect(revealed).toHaveLength(1);
    expect(revealed[0]!.data!.revealSingleAccessLink.token).toBe(key.token);
    expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual([
      ...Array.from({ length: 19 }, () => 'NOT_FOUND'),
      'OK',
    ]);
  }, 60_000);

  it('reminders are sent exactly once by schedulers on different nodes', async () => {
    const { cookie } = await owner('reminders');
    const settings = await a!.graphql(
      SETTINGS,
      {
        input: {
          reminderLeadDays: [5],
          reminderRecipients: ['ops@reminders.test'],
          webhookUrl: receiver.url,
        },
      },
      { cookie },
    );
    expect(settings.errors).toBeUndefined();
    const keys: GeneratedKey[] = [];
    for (let index = 0; index < 4; index++)
      keys.push(await generateKey(a!, cookie, `Reminded ${index}`));
    expect(
      await eventually(async () => {
        const rows = (await c!.dataSource.query(
          'SELECT COUNT(*) AS n FROM api_keys WHERE accountId = (SELECT accountId FROM api_key_settings WHERE webhookUrl = ? LIMIT 1)',
          [receiver.url],
        )) as { n: number | string }[];
        return Number(rows[0]?.n) === keys.length;
      }),
    ).toBe(true);
    for (const server of servers()) server.clock.advanceDays(90 - 5 + 0.1);
    const schedulers = servers().map((server) => server.keyward.services.reminders);
    for (let round = 0; round < 3; round++)
      await Promise.all([...schedulers, ...schedulers].map((scheduler) => scheduler.runOnce()));
    const mails = smtp.received.filter((mail) => mail.to === 'ops@reminders.test');
    const hooks = receiver
      .bodies()
      .filter((body) => keys.some((key) => body.includes(key.apiKey.key)));
    expect(mails).toHaveLength(keys.length);
    expect(hooks).toHaveLength(keys.length);
    for (const server of servers()) server.clock.advanceDays(-(90 - 5 + 0.1));
  }, 120_000);

  /** Deactivation and deletion through A are refused by C within a second. */
  const refusedWithinASecond = async (from: TestServer, to: TestServer, slug: string) => {
    const { cookie } = await owner(slug);
    for (const change of ['deactivate', 'delete'] as const) {
      const key = await generateKey(from, cookie, `Revoked by ${change}`);
      expect(
        await eventually(async () => (await verifyCode(to, key.apiKey.key, key.token)) === 'VALID'),
      ).toBe(true);
      const started = Date.now();
      const result = await from.graphql(
        change === 'deactivate' ? DEACTIVATE : DELETE,
        {
          input:
            change === 'deactivate' ? { id: key.apiKey.id } : { id: key.apiKey.id, confirm: true },
        },
        { cookie },
      );
      expect(result.errors).toBeUndefined();
      let code = 'VALID';
      while (code === 'VALID' && Date.now() - started < 3_000) {
        code = await verifyCode(to, key.apiKey.key, key.token);
        if (code === 'VALID') await sleep(20);
      }
      const elapsed = Date.now() - started;
      expect(code).toBe(change === 'deactivate' ? 'INACTIVE' : 'INVALID_CREDENTIALS');
      expect(elapsed, `${change} refused after ${elapsed} ms`).toBeLessThan(1_000);
    }
  };

  it('a deactivation or deletion on node 1 is refused on node 3 within 1 s, by polling', async () => {
    await refusedWithinASecond(a!, c!, 'polling');
  }, 60_000);

  it.runIf(process.env.KEYWARD_TEST_REDIS_URL)(
    'a deactivation or deletion on node 1 is refused on node 3 within 1 s, with Redis',
    async () => {
      const redisUrl = process.env.KEYWARD_TEST_REDIS_URL!;
      const fromA = await TestServer.start(attached, { attachTo: urlOf(0), redisUrl });
      others.push(fromA);
      const toC = await TestServer.start(attached, { attachTo: urlOf(2), redisUrl });
      others.push(toC);
      await refusedWithinASecond(fromA, toC, 'redis');
    },
    60_000,
  );

  it('DATABASE_READ_URLS: lists, counts and exports read the replica, authentication and writes the primary', async () => {
    const reader = await TestServer.start(attached, { attachTo: urlOf(0), readUrls: [urlOf(1)] });
    others.push(reader);
    const { cookie } = await owner('replicas');
    await generateKey(a!, cookie, 'Listed from a replica');
    const replica = await mysql.createConnection(`mysql://root@127.0.0.1:${PORTS[1]}/`);
    const selectsOnReplica = async () => {
      const [rows] = await replica.query("SHOW GLOBAL STATUS LIKE 'Com_select'");
      return Number((rows as { Value: string }[])[0]?.Value);
    };
    try {
      // Authentication, a mutation and its answer: all on the primary.
      let before = await selectsOnReplica();
      expect((await reader.graphql('{ me { kind } }', {}, { cookie })).errors).toBeUndefined();
      const generated = await generateKey(reader, cookie, 'Written on the primary');
      expect(generated.apiKey.name).toBe('Written on the primary');
      expect(await selectsOnReplica()).toBe(before);

      // A request that only lists and counts: its reads go to the replica.
      before = await selectsOnReplica();
      let listed: GraphQLResult<{ generatedKeys: { totalCount: number } }> | undefined;
      expect(
        await eventually(async () => {
          listed = await reader.graphql<{ generatedKeys: { totalCount: number } }>(
            '{ generatedKeys(first: 10) { totalCount edges { node { id name } } } }',
            {},
            { cookie },
          );
          return listed.data?.generatedKeys.totalCount === 2;
        }),
      ).toBe(true);
      expect(await selectsOnReplica()).toBeGreaterThan(before);

      before = await selectsOnReplica();
      const exported = await fetch(`${reader.url}/api/keys/export?format=csv`, {
        headers: { cookie, 'x-keyward-export': '1' },
      });
      expect(exported.status).toBe(200);
      expect(await exported.text()).toContain('Written on the primary');
      expect(await selectsOnReplica()).toBeGreaterThan(before);
    } finally {
      await replica.end();
    }
  }, 60_000);

  it('SIGKILL of a node under load: acknowledged writes survive, readiness follows the node', async () => {
    const { cookie } = await owner('faults');
    const known = await generateKey(a!, cookie, 'Known everywhere');
    expect(
      await eventually(
        async () => (await verifyCode(c!, known.apiKey.key, known.token)) === 'VALID',
      ),
    ).toBe(true);

    const acknowledged: string[] = [];
    const renewed: { id: string; token: string }[] = [];
    /** Any 5xx but the documented 503 (database unreachable), and any 5xx at all from A. */
    const badStatuses: string[] = [];
    let unavailable = 0;
    let running = true;
    /** Writes pause around the kill so C's cache holds the key it knows (polling clears it). */
    let writing = true;
    const check = (label: string, what: string, status: number) => {
      if (status < 500) return;
      if (status === 503 && label === 'c') unavailable += 1;
      else badStatuses.push(`${label} ${what} ${status}`);
    };
    const worker = async (server: TestServer, label: string) => {
      for (let index = 0; running && index < 1_000; index++) {
        try {
          if (writing) {
            const generated = await server.graphql<{ generateApiKey: GeneratedKey }>(
              'mutation ($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { token apiKey { id key } } }',
              { input: { name: `load ${label} ${index}` } },
              { cookie },
            );
            check(label, 'generate', generated.status);
            const key = generated.data?.generateApiKey;
            if (key) {
              acknowledged.push(key.apiKey.id);
              const renewal = await server.graphql<{ renewApiToken: { token: string } }>(
                RENEW,
                { input: { id: key.apiKey.id, oldToken: 'DELETE_NOW' } },
                { cookie },
              );
              check(label, 'renew', renewal.status);
              if (renewal.data?.renewApiToken)
                renewed.push({ id: key.apiKey.id, token: renewal.data.renewApiToken.token });
            }
          }
          const verified = await fetch(`${server.url}/api/keys/verify`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ key: known.apiKey.key, token: known.token }),
            signal: AbortSignal.timeout(5_000),
          });
          check(label, 'verify', verified.status);
        } catch (error) {
          badStatuses.push(`${label}: ${(error as Error).message}`);
        }
        await sleep(10);
      }
    };
    const load = Promise.all([worker(a!, 'a'), worker(c!, 'c')]);
    await sleep(1_500);
    writing = false;
    await sleep(800);
    cluster('kill', '3');
    writing = true;
    try {
      // C's node is gone: C says it is not ready, A stays ready, and C's cache still verifies.
      expect(
        await eventually(async () => (await fetch(`${c!.url}/readyz`)).status === 503, 15_000),
      ).toBe(true);
      expect((await fetch(`${a!.url}/readyz`)).status).toBe(200);
      expect(await verifyCode(c!, known.apiKey.key, known.token)).toBe('VALID');
      await sleep(1_500);
    } finally {
      running = false;
      await load;
      cluster('rejoin', '3');
    }
    expect(await eventually(async () => (await fetch(`${c!.url}/readyz`)).ok, 30_000)).toBe(true);
    expect(badStatuses).toEqual([]);
    expect(unavailable).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(0);

    // Every acknowledged write is on the nodes that survived.
    for (const port of [PORTS[0], PORTS[1]]) {
      const connection = await mysql.createConnection(`mysql://root@127.0.0.1:${port}/${name}`);
      try {
        await connection.query('SET SESSION wsrep_sync_wait = 1');
        const [rows] = await connection.query('SELECT id FROM api_keys WHERE id IN (?)', [
          acknowledged,
        ]);
        expect((rows as unknown[]).length).toBe(acknowledged.length);
        if (renewed.length > 0) {
          const [tokens] = await connection.query(
            'SELECT apiKeyId FROM api_tokens WHERE apiKeyId IN (?)',
            [renewed.map((entry) => entry.id)],
          );
          expect((tokens as unknown[]).length).toBe(renewed.length);
        }
      } finally {
        await connection.end();
      }
    }
    // And C, back on its rejoined node, works again without a restart.
    const after = await generateKey(c!, cookie, 'After the rejoin');
    expect(
      await eventually(
        async () => (await verifyCode(a!, after.apiKey.key, after.token)) === 'VALID',
      ),
    ).toBe(true);
  }, 180_000);
});
