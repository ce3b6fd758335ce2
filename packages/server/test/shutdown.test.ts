import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { createDataSource } from '../src/db/data-source.js';
import {
  ApiKeySettings,
  defaultSettings,
} from '../src/modules/settings/api-key-settings.entity.js';
import { ReminderStatus, TokenReminder } from '../src/modules/settings/token-reminder.entity.js';
import { migrate } from '../src/db/migrate.js';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey } from './support/fixtures.js';
import { TEST_SECRET, TestServer } from './support/test-server.js';

const serverRoot = path.resolve(import.meta.dirname, '..');
const mainJs = path.join(serverRoot, 'dist/main.js');

/** The built server, as `pnpm start` serves it, in production mode on the given database. */
class ChildServer {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  ) {
    this.exited = exited;
  }

  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<ChildServer> {
    const child = spawn(process.execPath, [mainJs], {
      cwd: serverRoot,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        KEYWARD_SECRET: TEST_SECRET,
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: '0',
        KEYWARD_BACKGROUND_JOBS: 'false',
        KEYWARD_WEB_DIST: '/nonexistent',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Keyward listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
    });
    const server = new ChildServer(child, url, exited);
    server.output = output;
    const collect = (chunk: Buffer) => (server.output += chunk.toString());
    child.stdout.removeAllListeners('data').on('data', collect);
    child.stderr.removeAllListeners('data').on('data', collect);
    return server;
  }

  async waitForLog(pattern: RegExp): Promise<void> {
    for (let attempt = 0; attempt < 200 && !pattern.test(this.output); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (!pattern.test(this.output)) throw new Error(`no ${pattern} in:\n${this.output}`);
  }
}

/** A POST whose body is sent in two halves, the second only when `rest()` is called. */
const heldPost = (url: string, body: string, headers: Record<string, string>) => {
  const half = Math.floor(body.length / 2);
  let status = 0;
  let text = '';
  const req = request(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      ...headers,
    },
  });
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  return { answered, rest: () => req.end(body.slice(half)) };
};

const verify = (url: string, key: string, token: string) =>
  fetch(`${url}/api/keys/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, token }),
  }).then(async (response) => (await response.json()) as { code: string });

// What `pnpm start` serves, built once for every database.
beforeAll(() => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: serverRoot });
}, 120_000);

describe('KEYWARD_DRAIN_TIMEOUT_MS', () => {
  it('is 25 s unless set, and a malformed value stops the start', () => {
    const env = { NODE_ENV: 'production', KEYWARD_SECRET: 'x'.repeat(32) };
    expect(loadConfig(env).drainTimeoutMs).toBe(25_000);
    expect(loadConfig({ ...env, KEYWARD_DRAIN_TIMEOUT_MS: '8000' }).drainTimeoutMs).toBe(8_000);
    expect(() => loadConfig({ ...env, KEYWARD_DRAIN_TIMEOUT_MS: '25s' })).toThrow(
      /KEYWARD_DRAIN_TIMEOUT_MS/,
    );
  });
});

describe.each(testDatabases)('graceful shutdown of the built server on $name', (database) => {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let key: string;
  let token: string;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let keyId: string;

  beforeAll(async () => {
    ({ url: databaseUrl, drop } = await database.create());
    const dataSource = createDataSource(databaseUrl);
    await dataSource.initialize();
    await migrate(dataSource);
    await dataSource.destroy();
    // Fixtures through an in-process server on the same database, stopped before the child starts.
    const setup = await TestServer.start(database, { attachTo: databaseUrl });
    owner = await accountWithOwner(setup, 'drain');
    ({
      token,
      apiKey: { key, id: keyId },
    } = await generateKey(setup, owner.cookie, 'Drained'));
    await setup.stop();
  });
  afterAll(async () => drop());

  const readBack = async () => {
    const dataSource = createDataSource(databaseUrl);
    await dataSource.initialize();
    try {
      const [tokenRow] = (await dataSource.query(
        'SELECT t.lastUsedAt FROM api_tokens t JOIN api_keys k ON k.id = t.apiKeyId WHERE k.`key` = ?',
        [key],
      )) as { lastUsedAt: unknown }[];
      const refused = (await dataSource.query(
        "SELECT details FROM audit_events WHERE action = 'auth.refused' AND targetLabel = ?",
        [key],
      )) as { details: string }[];
      return { lastUsedAt: tokenRow?.lastUsedAt ?? null, refused };
    } finally {
      await dataSource.destroy();
    }
  };

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'answers a request held open across %s, flushes buffered writes and exits 0',
    async (signal) => {
      const refusedBefore = (await readBack()).refused.length;
      const server = await ChildServer.start(databaseUrl);
      try {
        expect((await verify(server.url, key, token)).code).toBe('VALID');
        expect((await verify(server.url, key, wrongTokenOf(token))).code).toBe(
          'INVALID_CREDENTIALS',
        );
        const held = heldPost(
          server.url,
          JSON.stringify({ query: '{ me { kind account { slug } } }' }),
          { 'x-api-appkey': key, 'x-api-apptoken': token },
        );
        // The server has the request's headers (and half its body) before the signal.
        await new Promise((resolve) => setTimeout(resolve, 200));
        server.child.kill(signal);
        await server.waitForLog(/Draining/);
        await new Promise((resolve) => setTimeout(resolve, 200));
        held.rest();
        const answer = await held.answered;
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toEqual({
          data: { me: { kind: 'API_KEY', account: { slug: 'drain' } } },
        });
        // No new connection is accepted once draining.
        await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
        expect(await server.exited).toEqual({ code: 0, signal: null });
      } finally {
        server.child.kill('SIGKILL');
      }
      const after = await readBack();
      expect(after.lastUsedAt).not.toBeNull();
      // One row per refused attempt so far (each test's wrong token was tried once).
      expect(
        after.refused.map((row) => (JSON.parse(row.details) as { attempts: number }).attempts),
      ).toEqual(Array<number>(refusedBefore + 1).fill(1));
    },
  );

  it('on SIGINT, cuts a request still open after the drain timeout and still flushes', async () => {
    const refusedBefore = (await readBack()).refused.length;
    const server = await ChildServer.start(databaseUrl, { KEYWARD_DRAIN_TIMEOUT_MS: '1000' });
    try {
      expect((await verify(server.url, key, wrongTokenOf(token))).code).toBe('INVALID_CREDENTIALS');
      const stalled = heldPost(server.url, JSON.stringify({ query: '{ me { kind } }' }), {});
      await new Promise((resolve) => setTimeout(resolve, 200));
      const signalled = Date.now();
      server.child.kill('SIGINT');
      await expect(stalled.answered).rejects.toThrow();
      expect(await server.exited).toEqual({ code: 0, signal: null });
      const elapsed = Date.now() - signalled;
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      server.child.kill('SIGKILL');
    }
    const after = await readBack();
    expect(after.refused).toHaveLength(refusedBefore + 1);
  });

  it('ends at once on a second signal during the drain, whichever the first was', async () => {
    const server = await ChildServer.start(databaseUrl);
    try {
      const stalled = heldPost(server.url, JSON.stringify({ query: '{ me { kind } }' }), {});
      await new Promise((resolve) => setTimeout(resolve, 200));
      server.child.kill('SIGINT');
      await server.waitForLog(/Draining/);
      const cut = expect(stalled.answered).rejects.toThrow();
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' });
      await cut;
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('writes the usage counted before SIGTERM, exactly', async () => {
    const countsOf = async () => {
      const dataSource = createDataSource(databaseUrl);
      await dataSource.initialize();
      try {
        const rows = (await dataSource.query(
          'SELECT u.outcome, SUM(u.count) AS total FROM key_usage u JOIN api_keys k ON k.id = u.apiKeyId WHERE k.`key` = ? GROUP BY u.outcome',
          [key],
        )) as { outcome: string; total: unknown }[];
        return Object.fromEntries(rows.map((row) => [row.outcome, Number(row.total)]));
      } finally {
        await dataSource.destroy();
      }
    };
    const before = await countsOf();
    const server = await ChildServer.start(databaseUrl);
    try {
      const answers = await Promise.all([
        ...Array.from({ length: 25 }, () => verify(server.url, key, token)),
        ...Array.from({ length: 4 }, () => verify(server.url, key, `${token.slice(0, -3)}zzz`)),
      ]);
      expect(answers.filter((answer) => answer.code === 'VALID')).toHaveLength(25);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      server.child.kill('SIGKILL');
    }
    const after = await countsOf();
    expect({
      VALID: (after.VALID ?? 0) - (before.VALID ?? 0),
      INVALID_CREDENTIALS: (after.INVALID_CREDENTIALS ?? 0) - (before.INVALID_CREDENTIALS ?? 0),
    }).toEqual({ VALID: 25, INVALID_CREDENTIALS: 4 });
  });

  it('bounds a background job under way by the drain timeout, and still flushes', async () => {
    // A receiver that accepts connections and never answers: each reminder waits for the
    // egress connect timeout (5 s), so four of them hold a run for 20 s.
    const refusedBefore = (await readBack()).refused.length;
    const held = new Set<Socket>();
    const tarpit = createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => tarpit.listen(0, '127.0.0.1', resolve));
    const { port } = tarpit.address() as { port: number };
    const dataSource = createDataSource(databaseUrl);
    await dataSource.initialize();
    try {
      await dataSource.getRepository(ApiKeySettings).save({
        ...defaultSettings(owner.account.id),
        webhookUrl: `https://127.0.0.1:${port}/hook`,
        webhookSigningSecret: 'a'.repeat(64),
      });
      const [tokenRow] = (await dataSource.query('SELECT id FROM api_tokens WHERE apiKeyId = ?', [
        keyId,
      ])) as { id: string }[];
      const now = new Date();
      await dataSource.getRepository(TokenReminder).insert(
        [101, 102, 103, 104].map((leadDays) => ({
          id: randomUUID(),
          accountId: owner.account.id,
          apiKeyId: keyId,
          tokenId: tokenRow!.id,
          leadDays,
          tokenDueAt: now,
          status: ReminderStatus.PENDING,
          attempts: 0,
          nextAttemptAt: new Date(now.getTime() - 60_000),
          createdAt: now,
        })),
      );
    } finally {
      await dataSource.destroy();
    }
    const server = await ChildServer.start(databaseUrl, {
      KEYWARD_BACKGROUND_JOBS: 'true',
      KEYWARD_WEBHOOK_ALLOW: '127.0.0.1',
      KEYWARD_DRAIN_TIMEOUT_MS: '1000',
    });
    try {
      expect((await verify(server.url, key, wrongTokenOf(token))).code).toBe('INVALID_CREDENTIALS');
      for (let attempt = 0; attempt < 200 && held.size === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(held.size).toBe(1);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      // The run was left at its first reminder: the process did not wait for the other three.
      expect(held.size).toBe(1);
    } finally {
      server.child.kill('SIGKILL');
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => tarpit.close(resolve));
    }
    const after = await readBack();
    expect(after.refused).toHaveLength(refusedBefore + 1);
  });
});
