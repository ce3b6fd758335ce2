// Shared by the benchmarks: defaults, the machine description, percentiles, an in-process
// server on a random loopback port, and a small GraphQL client. Never prints a clear token.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createApp, type KeywardApp } from '../../src/app.js';
import { createDataSource, isMysqlUrl } from '../../src/db/data-source.js';
import { migrate } from '../../src/db/migrate.js';

export const BENCH_DIR = path.resolve(import.meta.dirname, '..');
/** Keys and clear tokens for the verify benchmark (gitignored, mode 0600). */
export const BENCH_KEYS_FILE = path.join(BENCH_DIR, '.bench-keys.json');

export const MARIADB_SERVER_URL = 'mariadb://root@127.0.0.1:3306';
export const DEFAULT_BENCH_DATABASE = `${MARIADB_SERVER_URL}/keyward_bench`;
export const MILLION_BENCH_DATABASE = `${MARIADB_SERVER_URL}/keyward_bench_1m`;

export const BENCH_ACCOUNT = 'bench';
export const BENCH_OWNER = { email: 'bench@example.com', password: 'bench-password-123' } as const;

/** Used when KEYWARD_SECRET is unset. Benchmark data only: never a production secret. */
const BENCH_SECRET_CONSTANT = 'keyward-bench-secret-not-for-production-0123456789';

export const benchSecret = (): { secret: string; source: 'KEYWARD_SECRET' | 'bench constant' } => {
  const fromEnv = process.env.KEYWARD_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('KEYWARD_SECRET must be at least 32 characters.');
    return { secret: fromEnv, source: 'KEYWARD_SECRET' };
  }
  return { secret: BENCH_SECRET_CONSTANT, source: 'bench constant' };
};

export interface BenchKeysFile {
  seededAt: string;
  databaseUrl: string;
  /** The token secret the seed hashed with: start the benchmark server with it. */
  tokenSecret: string;
  tokenSecretSource: string;
  account: { id: string; slug: string };
  owner: { email: string; password: string };
  keyCount: number;
  /** Active keys with a fresh token and at least one role. */
  keys: { id: string; key: string; token: string; roles: string[] }[];
}

export const readBenchKeysFile = (): BenchKeysFile | null => {
  try {
    return JSON.parse(readFileSync(BENCH_KEYS_FILE, 'utf8')) as BenchKeysFile;
  } catch {
    return null;
  }
};

/** `mariadb://root@host:3306/db` without any password, for printing. */
export const describeDatabase = (url: string): string => {
  if (!isMysqlUrl(url)) return `SQLite ${url}`;
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
};

const firstLine = (command: string, args: string[]): string | null => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', timeout: 5_000 }).split('\n')[0] ?? null;
  } catch {
    return null;
  }
};

/** Lines describing the machine and versions, printed at the top of every benchmark. */
export const machineDescription = async (dataSource?: DataSource): Promise<string[]> => {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) cpuModel = match[1].trim();
  } catch {
    // not Linux: os.cpus() is good enough
  }
  const lines = [
    `date: ${new Date().toISOString()}`,
    `command: ${['node', path.relative(process.cwd(), process.argv[1] ?? ''), ...process.argv.slice(2)].join(' ')} (cwd ${process.cwd()})`,
    `machine: ${cpuModel}, ${os.availableParallelism()} cores (nproc ${firstLine('nproc', []) ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    `node: ${process.version}`,
  ];
  if (dataSource) {
    const type = dataSource.options.type;
    if (type === 'mysql' || type === 'mariadb') {
      const [row] = (await dataSource.query(
        "SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool, @@GLOBAL.optimizer_switch LIKE '%exists_to_in=on%' AS existsToIn",
      )) as { version: string; pool: string | number; existsToIn: number | string }[];
      lines.push(
        `database: MariaDB/MySQL ${row?.version ?? '?'}, innodb_buffer_pool_size ${Math.round(Number(row?.pool ?? 0) / 2 ** 20)} MiB`,
      );
    } else {
      const [row] = (await dataSource.query('SELECT sqlite_version() AS version')) as {
        version: string;
      }[];
      lines.push(`database: SQLite ${row?.version ?? '?'}`);
    }
  }
  return lines;
};

export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
};

export interface Summary {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export const summarize = (samples: readonly number[]): Summary => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
};

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

export interface BenchServer {
  url: string;
  dataSource: DataSource;
  keyward: KeywardApp;
  stop: () => Promise<void>;
}

/** The real app, in this process, on a random loopback port, against an existing database. */
export const startBenchServer = async (
  databaseUrl: string,
  tokenSecret: string,
): Promise<BenchServer> => {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    const keyward = await createApp(dataSource, {
      production: true,
      tokenSecret,
      webDist: '/nonexistent',
      trustProxy: false,
      // Per-request info lines would flood the benchmark output (LOG_LEVEL=info to see them).
      logLevel: process.env.LOG_LEVEL ?? 'warn',
    });
    let inFlight = 0;
    const server = await new Promise<Server>((resolve, reject) => {
      // The app's own listener: the verify fast path, then Express (as src/main.ts serves it).
      const listening = createServer((req, res) => {
        inFlight += 1;
        // 'finish' (not 'close'): a request its client abandoned is still running.
        res.once('finish', () => (inFlight -= 1));
        keyward.listener(req, res);
      }).listen(0, '127.0.0.1', () => resolve(listening));
      listening.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    let stopped = false;
    return {
      url: `http://127.0.0.1:${port}`,
      dataSource,
      keyward,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        // Requests a load generator abandoned still run: let them finish (10 s at most)
        // before the pool closes under them.
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeIdleConnections();
        const waitUntil = Date.now() + 10_000;
        while (inFlight > 0 && Date.now() < waitUntil) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        server.closeAllConnections();
        await closed;
        await keyward.stop();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
};

export interface GraphQLResponse<Data> {
  status: number;
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  setCookie: string[];
}

export const graphql = async <Data>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status' | 'setCookie'>;
  return { ...body, status: response.status, setCookie: response.headers.getSetCookie() };
};

/** Throws with the error codes (never the variables, which may hold a token). */
export const dataOf = <Data>(result: GraphQLResponse<Data>, what: string): Data => {
  if (!result.data || result.errors?.length) {
    const codes = (result.errors ?? []).map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`);
    throw new Error(`${what} failed (HTTP ${result.status}): ${codes.join('; ')}`);
  }
  return result.data;
};

/** Signs in through GraphQL; returns the `kw_session=…` cookie pair. */
export const signIn = async (url: string, email: string, password: string): Promise<string> => {
  const result = await graphql(
    url,
    'mutation SignIn($input: SignInInput!) { signIn(input: $input) { me { user { email } } } }',
    { input: { email, password } },
  );
  dataOf(result, 'signIn');
  const cookie = result.setCookie.find((value) => value.startsWith('kw_session='));
  if (!cookie) throw new Error('signIn returned no session cookie');
  return cookie.split(';')[0] as string;
};

/** The query the SPA's Generated tab sends (same fields as its ApiKeyRow fragments). */
export const GENERATED_KEYS_QUERY = /* GraphQL */ `
  query GeneratedKeys($first: Int, $after: String, $filter: ApiKeyFilter, $orderBy: ApiKeyOrder) {
    generatedKeys(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          key
          name
          status
          createdAt
          lastUsedAt
          roles {
            id
            name
          }
          renewalPending
          alertLevel
          tokenCreatedAt
          tokenExpiresAt
          tokens {
            id
            createdAt
            expiresAt
            lastUsedAt
            lastUsedIp
          }
          grantedAccounts {
            id
            slug
            name
          }
        }
      }
    }
  }
`;

export interface GeneratedKeysData {
  generatedKeys: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string } }[];
  };
}

/** Rejects after `ms`, so no step of a benchmark can hang. */
export const withTimeout = async <T>(work: Promise<T>, timeoutMs: number, what: string) => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${what}: timed out after ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};
