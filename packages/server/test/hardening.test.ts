import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeUrl } from '../src/http/observability.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, PASSWORD } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const post = (server: TestServer, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

const [sqlite] = testDatabases;

describe('GraphQL limits and defaults in production', () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await TestServer.start(sqlite!, { production: true });
    ({ cookie } = await accountWithOwner(server, 'armored'));
  });
  afterAll(async () => server.stop());

  const query = (text: string) => server.graphql(text, {}, { cookie });

  it('rejects deep, aliased, costly and huge documents without telling the limits', async () => {
    const deep = `{ me { ${'account { '.repeat(1)}id } ${'user { id } '.repeat(1)} } ${'__typename '.repeat(1)}}`;
    expect((await query(deep)).errors).toBeUndefined();
    const nested = `query { generatedKeys { edges { node { roles { resources { key } } } } } ${'x: __typename '.repeat(0)}}`;
    expect((await query(nested)).errors).toBeUndefined();

    const aliases = `{ ${Array.from({ length: 40 }, (_, index) => `a${index}: me { kind }`).join(' ')} }`;
    const tooManyTokens = `{ me { ${'kind '.repeat(3000)} } }`;
    const tooCostly = `{ ${Array.from({ length: 12 }, (_, index) => `k${index}: generatedKeys(first: 100) { edges { node { roles { resources { key name productKey productName } } grantedAccounts { id slug name } tokens { id createdAt } } } }`).join(' ')} }`;
    for (const [document, code] of [
      [aliases, 'TOO_MANY_ALIASES'],
      [tooManyTokens, 'TOO_MANY_TOKENS'],
      [tooCostly, 'QUERY_TOO_COSTLY'],
    ] as const) {
      const result = await query(document);
      expect(result.data ?? null).toBeNull();
      // Which limit was hit, each with its own code...
      expect(errorCode(result)).toBe(code);
      const body = JSON.stringify(result.errors);
      // ...but no number of the limit in the answer.
      expect(body).not.toMatch(/\b(15|2000|5000|35000|10)\b/);
    }
  });

  it('turns off introspection and field suggestions', async () => {
    const introspection = await query('{ __schema { types { name } } }');
    expect(errorCode(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await query('{ generatedKey { totalCount } }');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
  });

  it('serves no GraphiQL and refuses batches, GET mutations and simple cross-site posts', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
    const batch = await post(
      server,
      JSON.stringify([{ query: '{ me { kind } }' }, { query: '{ me { kind } }' }]),
      { cookie },
    );
    expect(batch.status).toBe(400);
    const getMutation = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('mutation { signOut { signedOut } }')}`,
      {
        headers: { cookie, 'apollo-require-preflight': 'true' },
      },
    );
    expect(getMutation.status).toBe(405);
    // A form post from another site is not a JSON request: CSRF prevention refuses it.
    const csrf = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ me { kind } }')}`,
      { headers: { cookie } },
    );
    expect(csrf.status).toBe(400);
  });

  it('limits request bodies', async () => {
    const huge = await post(
      server,
      JSON.stringify({ query: `{ me { kind } } # ${'x'.repeat(200_000)}` }),
    );
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});

describe.each(testDatabases)('operability on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'operated');
  });
  afterAll(async () => server.stop());

  it('marks the session cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const behindProxy = await TestServer.start(database, { trustProxy: true });
    try {
      const admin = await accountWithOwner(behindProxy, 'tls');
      const signIn = (proto: string) =>
        fetch(`${behindProxy.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
          body: JSON.stringify({
            query: `mutation { signIn(input: { email: "${admin.email}", password: "${PASSWORD}" }) { me { kind } } }`,
          }),
        });
      const overTls = (await signIn('https')).headers.getSetCookie()[0] ?? '';
      expect(overTls).toMatch(/; Secure/);
      expect(overTls).toMatch(/; HttpOnly/);
      const plain = (await signIn('http')).headers.getSetCookie()[0] ?? '';
      expect(plain).not.toMatch(/; Secure/);
    } finally {
      await behindProxy.stop();
    }
  });

  it('sends security headers with a content security policy', async () => {
    const response = await fetch(`${server.url}/healthz`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('forbids caching of GraphQL responses, which may reveal a token', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('tags every response with a request id, reusing a sane incoming one', async () => {
    const generated = await fetch(`${server.url}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const reused = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(reused.headers.get('x-request-id')).toBe('trace-123');
    const refused = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(refused.headers.get('x-request-id')).not.toBe('bad id with spaces');
  });

  it('exposes Prometheus metrics for operations, verifications and throttling', async () => {
    const key = await generateKey(server, owner.cookie, 'Metered');
    await server.graphql('query Viewer { me { kind } }', {}, { cookie: owner.cookie });
    await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: key.apiKey.key, token: key.token }),
    });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/keyward_graphql_operations_total\{operation="Viewer",outcome="ok"\} 1/);
    expect(text).toMatch(/keyward_key_verifications_total\{code="VALID",path="verify"\} 1/);
    expect(text).toContain('keyward_verify_duration_seconds_bucket');
    expect(text).toContain('keyward_http_requests_total');
    expect(text).not.toContain(key.token);
  });

  it('cuts secrets out of logged URLs and headers', async () => {
    expect(safeUrl('/credentials/abcDEF123_-xyz?x=1')).toBe('/credentials/[redacted]');
    expect(safeUrl('/account/api-keys/generated?q=erp')).toBe('/account/api-keys/generated');
    const lines: string[] = [];
    const logged = await TestServer.start(database, {
      logDestination: { write: (line) => void lines.push(line) },
    });
    try {
      const admin = await accountWithOwner(logged, 'logged');
      const key = await generateKey(logged, admin.cookie, 'Logged');
      await logged.graphql('{ me { kind } }', {}, { key: key.apiKey.key, token: key.token });
      await fetch(`${logged.url}/credentials/some-link-secret`);
      const output = lines.join('');
      expect(output).toContain('"url":"/graphql"');
      expect(output).not.toContain(key.token);
      expect(output).not.toContain('some-link-secret');
      expect(output).not.toContain(admin.cookie.split('=')[1]!);
    } finally {
      await logged.stop();
    }
  });
});

describe.each(testDatabases)('values at the edge of their columns on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'edges');
  });
  afterAll(async () => server.stop());

  it('invites a person whose email is longer than a name may be, who then joins', async () => {
    const email = `${'a'.repeat(150)}@edges.test`;
    const invited = await server.graphql<{
      inviteMember: { invitationPath: string; invitation: { email: string } };
    }>(
      'mutation($email: String!) { inviteMember(input: { email: $email }) { invitationPath invitation { email } } }',
      { email },
      { cookie: owner.cookie },
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteMember.invitation.email).toBe(email);
    const token = invited.data!.inviteMember.invitationPath.split('#')[1];
    const set = await server.graphql(
      'mutation($t: String!) { setPassword(input: { token: $t, password: "a long enough password" }) { passwordSet } }',
      { t: token },
    );
    expect(set.errors).toBeUndefined();
    const members = await server.graphql<{ members: { user: { email: string; name: string } }[] }>(
      '{ members { user { email name } } }',
      {},
      { cookie: owner.cookie },
    );
    expect(members.data!.members.map((member) => member.user)).toContainEqual({
      email,
      name: email.slice(0, 100),
    });
  });

  it('refuses a webhook URL longer than it can store with a coded error', async () => {
    const result = await server.graphql(
      'mutation($url: String!) { updateApiKeySettings(input: { webhookUrl: $url }) { settings { webhookUrl } } }',
      { url: `https://hooks.edges.test/${'p'.repeat(600)}` },
      { cookie: owner.cookie },
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'webhookUrl' });
  });

  it('keeps a revealing mutation alone in its operation, so no secret is created unseen', async () => {
    const result = await server.graphql(
      'mutation { a: generateApiKey(input: { name: "dup" }) { token } b: generateApiKey(input: { name: "dup" }) { token } }',
      {},
      { cookie: owner.cookie },
    );
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    const listed = await server.graphql<{ generatedKeys: { totalCount: number } }>(
      '{ generatedKeys(filter: { search: "dup" }) { totalCount } }',
      {},
      { cookie: owner.cookie },
    );
    expect(listed.data!.generatedKeys.totalCount).toBe(0);
  });
});
