import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { createApp, type KeywardApp } from '../../src/app.js';
import { createDataSource } from '../../src/db/data-source.js';
import { migrate } from '../../src/db/migrate.js';
import { addMember, createAccount } from '../../src/modules/accounts/account.service.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { User } from '../../src/modules/auth/user.entity.js';
import type { Role } from '../../src/modules/roles/role.entity.js';
import { RoleResource } from '../../src/modules/roles/role-resource.entity.js';
import { Role as RoleEntity } from '../../src/modules/roles/role.entity.js';
import { newId } from '../../src/common/ids.js';
import type { TestDatabase } from './databases.js';
import { TestClock } from './test-clock.js';
import type { ThrottleLimits } from '../../src/modules/throttle/failure-throttle.js';
import type { EgressLimits, Resolve } from '../../src/modules/webhooks/egress-policy.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface GraphQLResult<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  setCookie: string[];
}

export interface TestServerOptions {
  /** The database URL of a running TestServer: a second server on the same database. */
  attachTo?: string;
  /** With attachTo: migrate that database on start too, as every production server does. */
  migrate?: boolean;
  /** DATABASE_READ_URLS: replicas for list, search, count and export reads. */
  readUrls?: string[];
  tokenSecret?: string;
  previousTokenSecret?: string;
  /** Collects info-level logs instead of silencing them. */
  logDestination?: { write(line: string): void };
  /** Production defaults: no introspection, GraphiQL or field suggestions. */
  production?: boolean;
  /** Trust X-Forwarded-For, so tests can speak from several sources. */
  trustProxy?: boolean;
  smtpUrl?: string;
  redisUrl?: string;
  throttleLimits?: ThrottleLimits;
  /** `METRICS_TOKEN`. */
  metricsToken?: string;
  /** KEYWARD_WEBHOOK_ALLOW: private hosts or CIDRs webhooks may reach (loopback receivers). */
  webhookAllow?: string[];
  /** Answers host names for webhooks; by default a fake DNS that never asks the network. */
  webhookResolve?: Resolve;
  webhookLimits?: Partial<EgressLimits>;
  /** KEYWARD_WEB_DIST: a built SPA to serve (none by default). */
  webDist?: string;
  /** KEYWARD_KEY_BUDGET_STORE, and the Redis prefix of its counts (unique per suite). */
  keyBudgetStore?: 'redis' | 'database' | 'memory';
  keyBudgetRedisPrefix?: string;
}

/**
 * Tests never resolve names through the network: `localhost` is loopback, names under `.test`
 * resolve to a documentation address (public by the policy's rules, and never sent to: every
 * delivery in tests goes to a loopback receiver), anything else is unknown.
 */
export const testResolve: Resolve = async (hostname) => {
  if (hostname === 'localhost') return [{ address: '127.0.0.1', family: 4 }];
  if (hostname.endsWith('.test')) return [{ address: '203.0.113.80', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

export interface Credentials {
  cookie?: string;
  key?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** A real server on a real database, listening on a random loopback port. */
export class TestServer {
  private constructor(
    readonly dataSource: DataSource,
    readonly keyward: KeywardApp,
    private readonly server: Server,
    private readonly dropDatabase: () => Promise<void>,
    readonly clock: TestClock,
    /** Another server can attach to the same database (multi-server tests). */
    readonly databaseUrl: string,
  ) {}

  static async start(database: TestDatabase, options: TestServerOptions = {}): Promise<TestServer> {
    const { url, drop } = options.attachTo
      ? { url: options.attachTo, drop: async () => undefined }
      : await database.create();
    const dataSource = createDataSource(url, options.readUrls);
    await dataSource.initialize();
    if (!options.attachTo || options.migrate) await migrate(dataSource);
    const clock = new TestClock();
    const keyward = await createApp(
      dataSource,
      {
        production: options.production ?? false,
        tokenSecret: options.tokenSecret ?? TEST_SECRET,
        previousTokenSecret: options.previousTokenSecret ?? null,
        webDist: options.webDist ?? '/nonexistent',
        trustProxy: options.trustProxy ?? false,
        smtpUrl: options.smtpUrl ?? null,
        smtpFrom: 'keyward@test.local',
        redisUrl: options.redisUrl ?? null,
        keyBudgetStore: options.keyBudgetStore,
        keyBudgetRedisPrefix: options.keyBudgetRedisPrefix,
        logLevel: options.logDestination ? 'info' : (process.env.LOG_LEVEL ?? 'silent'),
        logDestination: options.logDestination,
        metricsToken: options.metricsToken ?? null,
        // Every suite shares 127.0.0.1: only the throttling tests use real limits.
        webhookAllow: options.webhookAllow ?? [],
        webhookEgress: { resolve: options.webhookResolve ?? testResolve, ...options.webhookLimits },
        throttleLimits: options.throttleLimits ?? {
          perSource: 100_000,
          perKey: 100_000,
          freeFailures: 100_000,
          perEmailFree: 100_000,
        },
      },
      clock.now,
    );
    const server = await new Promise<Server>((resolve) => {
      const listening = createServer(keyward.listener).listen(0, '127.0.0.1', () =>
        resolve(listening),
      );
    });
    return new TestServer(dataSource, keyward, server, drop, clock, url);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
    await this.keyward.stop();
    await this.dataSource.destroy();
    await this.dropDatabase();
  }

  async graphql<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    credentials: Credentials = {},
  ): Promise<GraphQLResult<Data>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...credentials.headers,
    };
    if (credentials.cookie) headers.cookie = credentials.cookie;
    if (credentials.key !== undefined) headers['x-api-appkey'] = credentials.key;
    if (credentials.token !== undefined) headers['x-api-apptoken'] = credentials.token;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResult<Data>, 'status' | 'setCookie'>;
    return { ...body, status: response.status, setCookie: response.headers.getSetCookie() };
  }

  /** An account with predefined roles, and optionally a user holding the given predefined or custom roles. */
  async createAccount(slug: string) {
    return this.dataSource.transaction((manager) => createAccount(manager, slug, `${slug} store`));
  }

  /** A custom role holding exactly these resources, created directly (roles management is its own issue). */
  async createRole(accountId: string, name: string, resourceKeys: string[]): Promise<Role> {
    return this.dataSource.transaction(async (manager) => {
      const role = manager.create(RoleEntity, {
        id: newId(),
        accountId,
        name,
        nameNormalized: name.toLowerCase(),
        predefinedKey: null,
        createdAt: new Date(),
      });
      await manager.insert(RoleEntity, role);
      if (resourceKeys.length > 0) {
        await manager.insert(
          RoleResource,
          resourceKeys.map((resourceKey) => ({ roleId: role.id, resourceKey })),
        );
      }
      return role;
    });
  }

  async createUser(
    email: string,
    password: string,
    memberships: { accountId: string; roles: Role[] }[],
  ) {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const user = manager.create(User, {
        id: newId(),
        email,
        name: email,
        passwordHash,
        createdAt: new Date(),
      });
      await manager.insert(User, user);
      for (const membership of memberships)
        await addMember(manager, membership.accountId, user.id, membership.roles);
      return user;
    });
  }

  /** Signs in through the API and returns the session cookie header value. */
  async signIn(email: string, password: string): Promise<string> {
    const result = await this.graphql(
      'mutation SignIn($input: SignInInput!) { signIn(input: $input) { me { user { email } } } }',
      { input: { email, password } },
    );
    const cookie = result.setCookie.find((value) => value.startsWith('kw_session='));
    if (!cookie) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
    return cookie.split(';')[0] as string;
  }
}
