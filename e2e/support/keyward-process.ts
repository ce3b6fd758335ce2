import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * Runs the README's `pnpm start` on a fresh SQLite data directory and a free port,
 * exactly as a newcomer would, and waits until it is ready.
 */
export class KeywardProcess {
  private output = '';

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess | null,
    /** The fresh data directory: the SQLite database lives here (secret-hygiene checks read it). */
    readonly dataDir: string,
  ) {}

  /** `env`: settings beyond the defaults (e.g. KEYWARD_LEAK_REPORTER_KEYS). */
  static async start(env: Record<string, string> = {}): Promise<KeywardProcess> {
    // Working on a browser test: point it at a server already running (state is not fresh).
    const running = process.env.KEYWARD_E2E_URL;
    if (running) {
      const instance = new KeywardProcess(running.replace(/\/$/, ''), null, '');
      await instance.waitUntilReady();
      return instance;
    }
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'keyward-e2e-'));
    const child = spawn('pnpm', ['start'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        KEYWARD_DATA_DIR: dataDir,
        NODE_ENV: 'development',
        ...env,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const instance = new KeywardProcess(`http://127.0.0.1:${port}`, child, dataDir);
    child.stdout?.on('data', (chunk: Buffer) => (instance.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (instance.output += chunk.toString()));
    await instance.waitUntilReady();
    return instance;
  }

  /** Everything the server printed: the secret-hygiene checks read it. */
  get logs(): string {
    return this.output;
  }

  private async waitUntilReady() {
    const deadline = Date.now() + 200_000;
    while (Date.now() < deadline) {
      if (this.child && this.child.exitCode !== null)
        throw new Error(`pnpm start exited:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/readyz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`pnpm start did not become ready:\n${this.output}`);
  }

  async stop() {
    const child = this.child;
    if (!child) return;
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /**
   * A GraphQL call as an integration would make it: key and token headers, nothing else
   * (plus `x-account` when it addresses an account holding an external grant).
   */
  async graphqlAsKey(query: string, key: string, token: string, account?: string) {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-appkey': key,
        'x-api-apptoken': token,
        ...(account ? { 'x-account': account } : {}),
      },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { extensions?: { code?: string } }[];
    };
  }

  /** `POST /api/keys/verify` (A3), as the account's other services call it. */
  async verifyKey(key: string, token: string, account?: string) {
    const response = await fetch(`${this.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key, token, ...(account ? { account } : {}) }),
    });
    return (await response.json()) as { valid: boolean; code: string; account: string | null };
  }
}
