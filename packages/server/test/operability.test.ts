import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormatError } from '../src/graphql-errors.js';
import { createHttpServer, HTTP_TIMEOUTS } from '../src/http/http-server.js';
import { APP_OPERATIONS } from '../src/http/app-operations.js';
import { createLogger } from '../src/http/observability.js';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey, type GeneratedKey } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const [sqlite] = testDatabases;

describe('metrics in production', () => {
  let open: TestServer;
  let guarded: TestServer;
  let cookie: string;

  beforeAll(async () => {
    open = await TestServer.start(sqlite!, { production: true });
    guarded = await TestServer.start(sqlite!, { production: true, metricsToken: 'scrape-me' });
    ({ cookie } = await accountWithOwner(guarded, 'metered'));
  });
  afterAll(async () => {
    await open.stop();
    await guarded.stop();
  });

  const scrape = async () =>
    (
      await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer scrape-me' } })
    ).text();

  it('serves no /metrics without METRICS_TOKEN, and asks for the token when it is set', async () => {
    expect((await fetch(`${open.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${guarded.url}/metrics`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    expect(await scrape()).toContain('keyward_http_requests_total');
  });

  it('labels operations of unauthenticated callers as one bucket, so they fill no label slots', async () => {
    for (let index = 0; index < 250; index++) {
      await guarded.graphql(`query Spam${index} { me { kind } }`);
    }
    await guarded.graphql('query Viewer { me { kind } }', {}, { cookie });
    const text = await scrape();
    expect(text).not.toMatch(/operation="Spam/);
    expect(text).toMatch(
      /keyward_graphql_operations_total\{operation="other",outcome="UNAUTHENTICATED"\} 250/,
    );
    expect(text).toMatch(/keyward_graphql_operations_total\{operation="Viewer",outcome="ok"\} 1/);
  });

  it("labels only the app's own operations: a signed-in caller's made-up names share one bucket", async () => {
    for (let index = 0; index < 210; index++) {
      await guarded.graphql(`query Made${index} { me { kind } }`, {}, { cookie });
    }
    await guarded.graphql('query GeneratedKeys { generatedKeys { totalCount } }', {}, { cookie });
    const text = await scrape();
    expect(text).not.toMatch(/operation="Made/);
    expect(text).toMatch(
      /keyward_graphql_operations_total\{operation="GeneratedKeys",outcome="ok"\} 1/,
    );
  });

  it("knows exactly the operations of the app's generated documents", () => {
    const generated = readFileSync(
      path.resolve(import.meta.dirname, '../../web/src/gql/graphql.ts'),
      'utf8',
    );
    const names = [
      ...generated.matchAll(
        /"kind":"OperationDefinition","operation":"\w+","name":\{"kind":"Name","value":"(\w+)"/g,
      ),
    ].map((match) => match[1]);
    expect([...APP_OPERATIONS].sort()).toEqual([...new Set(names)].sort());
  });
});

describe.each(testDatabases)('security headers and exports on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let key: GeneratedKey;

  beforeAll(async () => {
    server = await TestServer.start(database, { trustProxy: true });
    owner = await accountWithOwner(server, 'exporter');
    key = await generateKey(server, owner.cookie, 'Exporter', [
      owner.roles.get('api-keys-read-only')!.id,
    ]);
  });
  afterAll(async () => server.stop());

  it('sends HSTS and upgrade-insecure-requests over TLS only, and X-Frame-Options DENY', async () => {
    const plain = await fetch(`${server.url}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(plain.headers.get('x-frame-options')).toBe('DENY');
    const overTls = await fetch(`${server.url}/healthz`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(overTls.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(overTls.headers.get('x-frame-options')).toBe('DENY');
  });

  const exports = () =>
    server.dataSource.getRepository(AuditEvent).countBy({ accountId: owner.account.id });

  it('refuses a cookie-authenticated export started by another site, and writes nothing', async () => {
    for (const path of ['/api/keys/export?format=csv', '/api/audit/export?format=csv']) {
      const before = await exports();
      for (const headers of [
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        // No Sec-Fetch-Site and no custom header: not provably from the app.
        {},
      ] as Record<string, string>[]) {
        const refused = await fetch(`${server.url}${path}`, {
          headers: { cookie: owner.cookie, ...headers },
        });
        expect(refused.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(await refused.json()).toMatchObject({
          errors: [{ extensions: { code: 'FORBIDDEN' } }],
        });
      }
      expect(await exports()).toBe(before);
      for (const headers of [
        { 'sec-fetch-site': 'same-origin' },
        { 'sec-fetch-site': 'none' },
        { 'x-keyward-export': '1' },
      ] as Record<string, string>[]) {
        const allowed = await fetch(`${server.url}${path}`, {
          headers: { cookie: owner.cookie, ...headers },
        });
        expect(allowed.status, `${path} ${JSON.stringify(headers)}`).toBe(200);
        await allowed.arrayBuffer();
      }
      // Key headers cannot be sent by another site without the key's token: no header needed.
      const withKey = await fetch(`${server.url}${path}`, {
        headers: { 'x-api-appkey': key.apiKey.key, 'x-api-apptoken': key.token },
      });
      expect(withKey.status).toBe(200);
      await withKey.arrayBuffer();
    }
  });

  it('records the audit-log export in the audit log, with its filters', async () => {
    const response = await fetch(
      `${server.url}/api/audit/export?format=csv&action=api-key.generated&actor=owner`,
      { headers: { cookie: owner.cookie, 'sec-fetch-site': 'same-origin' } },
    );
    expect(response.status).toBe(200);
    await response.text();
    const recorded = await server.dataSource
      .getRepository(AuditEvent)
      .find({ where: { accountId: owner.account.id, action: 'audit-log.exported' } });
    expect(recorded.length).toBeGreaterThanOrEqual(1);
    const latest = recorded.sort((a, b) => +b.createdAt - +a.createdAt)[0]!;
    expect(latest.actorLabel).toBe(owner.email);
    expect(JSON.parse(latest.details ?? '{}')).toMatchObject({
      format: 'csv',
      filter: { action: 'api-key.generated', actor: 'owner' },
    });
    // A refused filter is not an export.
    const before = await server.dataSource
      .getRepository(AuditEvent)
      .countBy({ action: 'audit-log.exported' });
    const bad = await fetch(`${server.url}/api/audit/export?from=2026-02-01&to=2026-01-01`, {
      headers: { cookie: owner.cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(bad.status).toBe(400);
    expect(
      await server.dataSource.getRepository(AuditEvent).countBy({ action: 'audit-log.exported' }),
    ).toBe(before);
  });
});

describe('logs of unexpected database errors', () => {
  it('truncate query parameters and SQL, whatever their length', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const search = 'x'.repeat(60_000);
    const driverError = Object.assign(new Error('LIKE or GLOB pattern too complex'), {
      code: 'SQLITE_ERROR',
      sql: `SELECT * FROM api_keys WHERE name LIKE '%${search}%'`,
    });
    const error = new QueryFailedError(
      'SELECT * FROM api_keys WHERE name LIKE ?',
      [`%${search}%`, 'account-1'],
      driverError,
    );
    const formatted = createFormatError(logger)({ message: error.message, extensions: {} }, error);
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(8_000);
    const logged = JSON.parse(lines[0]!) as { err: { parameters: string[]; message: string } };
    expect(logged.err.parameters[1]).toBe('account-1');
    expect(logged.err.parameters[0]).toMatch(/^%x+…\[\d+ more characters\]$/);
    expect(logged.err.message).toContain('LIKE or GLOB pattern too complex');
  });
});

describe('slow clients', () => {
  it('are cut off when the headers timeout says, as the README says', async () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const stated = /slow clients are cut off \(headers (\d+) s, request (\d+) s/.exec(
      readme.replace(/\s+/g, ' '),
    );
    expect(stated?.slice(1).map(Number)).toEqual([
      HTTP_TIMEOUTS.headersMs / 1000,
      HTTP_TIMEOUTS.requestMs / 1000,
    ]);

    // The same server with short timeouts: a client trickling its headers is cut on time.
    const server = createHttpServer((_req, res) => res.end('ok'), {
      ...HTTP_TIMEOUTS,
      headersMs: 1_000,
      requestMs: 2_000,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const started = Date.now();
      const closedAfter = await new Promise<number>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\n'));
        const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 200);
        socket.on('data', () => undefined);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(trickle);
          resolve(Date.now() - started);
        });
      });
      expect(closedAfter).toBeGreaterThanOrEqual(900);
      expect(closedAfter).toBeLessThan(3_000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
