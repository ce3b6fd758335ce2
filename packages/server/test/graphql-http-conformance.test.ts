import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { accountWithOwner } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

/**
 * GraphQL over HTTP conformance (graphql-http's server audits) of /graphql. The audits query
 * `{ __typename }`, which needs no authentication; they also run with an owner's session.
 * CSRF prevention stays on: every audit request is sent the way a browser-less client must send
 * it, with `apollo-require-preflight` (JSON POSTs pass without it anyway).
 */
const database = testDatabases[0];
if (!database) throw new Error('no test database');

type FetchFn = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const withHeaders =
  (extra: Record<string, string>): FetchFn =>
  (input, init = {}) => {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return fetch(input, { ...init, headers });
  };

const runAudits = async (url: string, fetchFn: FetchFn): Promise<AuditResult[]> => {
  const results: AuditResult[] = [];
  for (const audit of serverAudits({ url, fetchFn })) results.push(await audit.fn());
  return results;
};

const describeFailures = async (results: AuditResult[], level: string) => {
  const lines: string[] = [];
  for (const result of results) {
    if (result.status === 'ok' || !result.name.startsWith(level)) continue;
    const body = await result.response
      .clone()
      .text()
      .catch(() => '');
    lines.push(
      `${result.id} ${result.name} [${result.status}]: ${result.reason} (HTTP ${result.response.status}: ${body.slice(0, 200)})`,
    );
  }
  return lines;
};

describe('GraphQL over HTTP conformance (graphql-http server audits)', () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await TestServer.start(database);
    ({ cookie } = await accountWithOwner(server, 'audits'));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    { who: 'anonymous', headers: {} },
    { who: 'an owner session', headers: {} },
  ])('every MUST audit passes for $who', async ({ who, headers }) => {
    const extra = {
      'apollo-require-preflight': 'true',
      ...headers,
      ...(who === 'an owner session' ? { cookie } : {}),
    };
    const results = await runAudits(`${server.url}/graphql`, withHeaders(extra));
    expect(results.length).toBeGreaterThan(20);
    const should = await describeFailures(results, 'SHOULD');
    if (should.length > 0) console.log(`SHOULD audits not met (${who}):\n${should.join('\n')}`);
    const must = await describeFailures(results, 'MUST');
    expect(must, must.join('\n')).toEqual([]);
  });

  it('every MUST audit passes without the preflight header too (the audits send JSON content types)', async () => {
    const results = await runAudits(`${server.url}/graphql`, fetch);
    const must = await describeFailures(results, 'MUST');
    expect(must, must.join('\n')).toEqual([]);
  });
});
