import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';

const SERVER_ENTRY = path.resolve(import.meta.dirname, '../src/main.ts');
const SECRET = 'faults-test-secret-faults-test-secret-0123';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** A real server process, as production runs it. */
const startProcess = async (env: Record<string, string>) => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      KEYWARD_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      KEYWARD_BACKGROUND_JOBS: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url, port };
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
};

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('SIGTERM', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-drain-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lets an in-flight request finish, then exits cleanly', async () => {
    const server = await startProcess({ KEYWARD_DATA_DIR: dataDir, KEYWARD_SEED_DEMO: 'true' });
    const body = JSON.stringify({ query: '{ __typename }' });
    // The request is in flight: headers sent, body not yet complete, when SIGTERM arrives.
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 5));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(5)), 300);
      }, 200);
    });
    expect(await response).toEqual({ status: 200, text: '{"data":{"__typename":"Query"}}\n' });
    expect(await exited(server.child)).toBe(0);
    // New connections are refused once it has gone.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});

const mysqlUrl = process.env.KEYWARD_TEST_MYSQL_URL;
const mariadb = testDatabases.find((database) => database.name === 'mysql');
const restartAllowed = process.env.KEYWARD_TEST_FAULTS === '1';

const mysqlAdmin = (...args: string[]) =>
  execFileSync('mysqladmin', ['--protocol=tcp', '-h127.0.0.1', '-uroot', ...args], {
    stdio: 'ignore',
  });
const mariadbRunning = () => {
  try {
    execFileSync('pgrep', ['-x', 'mariadbd'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
/** start-stop-daemon would see a server still shutting down as running and do nothing. */
const startMariadb = async () => {
  for (let attempt = 0; attempt < 150 && mariadbRunning() && !mariadbUp(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!mariadbUp()) {
    execFileSync('start-stop-daemon', [
      '--start',
      '--oknodo',
      '--background',
      '--exec',
      '/usr/sbin/mariadbd',
    ]);
  }
  for (let attempt = 0; attempt < 150 && !mariadbUp(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
const mariadbUp = () => {
  try {
    mysqlAdmin('ping');
    return true;
  } catch {
    return false;
  }
};

describe.runIf(mysqlUrl && mariadb && restartAllowed)('a MariaDB restart under load', () => {
  it('turns readiness off, recovers without a restart, and leaves no partial write', async () => {
    const database = await mariadb!.create();
    const server = await startProcess({ DATABASE_URL: database.url, KEYWARD_SEED_DEMO: 'true' });
    try {
      const signIn = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'mutation { signIn(input: { email: "admin@example.com", password: "keyward-demo" }) { me { kind } } }',
        }),
      });
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
      let generated = 0;
      let failed = 0;
      let running = true;
      const load = (async () => {
        for (let index = 0; running && index < 2_000; index++) {
          try {
            const response = await fetch(`${server.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({
                query: `mutation { generateApiKey(input: { name: "load ${index}" }) { apiKey { id } } }`,
              }),
              signal: AbortSignal.timeout(5_000),
            });
            const body = (await response.json()) as {
              data?: unknown;
              errors?: { extensions?: { code?: string } }[];
            };
            if (body.errors) {
              failed += 1;
              // Down time is reported as an internal error, never with internals.
              expect(JSON.stringify(body.errors)).not.toMatch(/ECONNREFUSED|ER_|mysql/i);
            } else generated += 1;
          } catch {
            failed += 1;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();

      await new Promise((resolve) => setTimeout(resolve, 500));
      mysqlAdmin('shutdown');
      let sawNotReady = false;
      for (let attempt = 0; attempt < 50 && !sawNotReady; attempt++) {
        sawNotReady = (await fetch(`${server.url}/readyz`)).status === 503;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(sawNotReady).toBe(true);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await startMariadb();
      expect(mariadbUp()).toBe(true);
      let ready = false;
      for (let attempt = 0; attempt < 100 && !ready; attempt++) {
        ready = (await fetch(`${server.url}/readyz`)).ok;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(ready).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      running = false;
      await load;
      expect(generated).toBeGreaterThan(0);
      expect(failed).toBeGreaterThan(0);
      expect(server.child.exitCode).toBeNull();

      // Every key that exists is whole: its token, its grant and its audit event.
      const mysql = await import('mysql2/promise');
      const connection = await mysql.createConnection(database.url.replace(/^mariadb:/, 'mysql:'));
      try {
        const [rows] = await connection.query(`
          SELECT k.id,
            (SELECT COUNT(*) FROM api_tokens t WHERE t.apiKeyId = k.id) AS tokens,
            (SELECT COUNT(*) FROM key_grants g WHERE g.apiKeyId = k.id AND g.accountId = k.accountId) AS grants,
            (SELECT COUNT(*) FROM audit_events e WHERE e.targetId = k.id AND e.action = 'api-key.generated') AS events
          FROM api_keys k`);
        const keys = rows as { tokens: number; grants: number; events: number }[];
        expect(keys.length).toBeGreaterThanOrEqual(generated);
        for (const key of keys)
          expect([Number(key.tokens), Number(key.grants), Number(key.events)]).toEqual([1, 1, 1]);
      } finally {
        await connection.end();
      }
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
      await startMariadb();
      await database.drop();
    }
  }, 120_000);
});
