import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Session } from '../src/modules/auth/session.entity.js';
import { Resources } from '../src/modules/roles/resource-catalog.js';
import { wrongTokenOf } from './support/tokens.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey, PASSWORD } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      me {
        user {
          email
        }
        account {
          id
        }
      }
    }
  }
`;
const SWITCH = /* GraphQL */ `
  mutation Switch($input: SwitchAccountInput!) {
    switchAccount(input: $input) {
      me {
        account {
          id
          slug
        }
        accounts {
          id
        }
        resources
      }
    }
  }
`;
const ME = '{ me { kind user { email } account { id slug } resources } }';

interface RawResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** node:http keeps header names exactly as written (fetch lower-cases them on the wire). */
const rawPost = (
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/graphql`, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });

/** No stack, no file path, no driver detail anywhere in a response. */
const expectNoInternals = (body: string) => {
  expect(body).not.toMatch(
    /stacktrace|at [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d|\bSQLITE_|\bER_[A-Z_]+/,
  );
};

describe.each(testDatabases)('authentication on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'auth');
  });
  afterAll(async () => server.stop());

  describe('signIn', () => {
    it('answers a wrong password and an unknown email alike, with no cookie', async () => {
      const wrong = await server.graphql(SIGN_IN, {
        input: { email: owner.email, password: 'wrong password' },
      });
      const unknown = await server.graphql(SIGN_IN, {
        input: { email: 'nobody@auth.test', password: PASSWORD },
      });
      expect(wrong.errors).toEqual([
        expect.objectContaining({
          message: 'Email or password is incorrect.',
          extensions: { code: 'UNAUTHENTICATED' },
        }),
      ]);
      expect(unknown.errors).toEqual(wrong.errors);
      expect(wrong.data ?? null).toBeNull();
      expect(wrong.setCookie).toEqual([]);
      expect(unknown.setCookie).toEqual([]);
    });

    it('sets an HttpOnly, SameSite=Lax session cookie on path /, and ignores email case', async () => {
      const result = await server.graphql<{
        signIn: { me: { user: { email: string }; account: { id: string } } };
      }>(SIGN_IN, { input: { email: '  OWNER@Auth.TEST ', password: PASSWORD } });
      expect(result.errors).toBeUndefined();
      expect(result.data?.signIn.me).toEqual({
        user: { email: owner.email },
        account: { id: owner.account.id },
      });
      const cookie = result.setCookie.find((value) => value.startsWith('kw_session='));
      expect(cookie).toBeDefined();
      const attributes = cookie!.split(';').map((part) => part.trim().toLowerCase());
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('samesite=lax');
      expect(attributes).toContain('path=/');
      expect(attributes.some((attribute) => attribute.startsWith('expires='))).toBe(true);
      // Only the cookie's hash is stored.
      const value = cookie!.split(';')[0]!.slice('kw_session='.length);
      const sessions = await server.dataSource.manager.find(Session);
      expect(JSON.stringify(sessions)).not.toContain(value);
    });
  });

  it('signOut deletes the session: the cookie stops working and is cleared', async () => {
    const cookie = await server.signIn(owner.email, PASSWORD);
    expect((await server.graphql(ME, {}, { cookie })).errors).toBeUndefined();
    const sessionsBefore = await server.dataSource.manager.count(Session);
    const result = await server.graphql('mutation { signOut { signedOut } }', {}, { cookie });
    expect(result.data).toEqual({ signOut: { signedOut: true } });
    expect(await server.dataSource.manager.count(Session)).toBe(sessionsBefore - 1);
    const cleared = result.setCookie.find((value) => value.startsWith('kw_session='));
    expect(cleared).toMatch(/^kw_session=;.*Max-Age=0/i);
    expect(errorCode(await server.graphql(ME, {}, { cookie }))).toBe('UNAUTHENTICATED');
    // The owner's other session is untouched.
    expect((await server.graphql(ME, {}, { cookie: owner.cookie })).errors).toBeUndefined();
  });

  it('an expired session is UNAUTHENTICATED', async () => {
    const cookie = await server.signIn(owner.email, PASSWORD);
    expect((await server.graphql(ME, {}, { cookie })).errors).toBeUndefined();
    const idHash = createHash('sha256').update(cookie.slice('kw_session='.length)).digest('hex');
    const updated = await server.dataSource.manager.update(
      Session,
      { idHash },
      { expiresAt: new Date(Date.now() - 1000) },
    );
    expect(updated.affected).toBe(1);
    const results = await Promise.all([
      server.graphql(ME, {}, { cookie }),
      server.graphql('{ generatedKeys { totalCount } }', {}, { cookie }),
    ]);
    expect(results.map(errorCode)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  describe('switchAccount', () => {
    let second: Awaited<ReturnType<typeof accountWithOwner>>;
    let third: Awaited<ReturnType<typeof accountWithOwner>>;
    let cookie: string;

    beforeAll(async () => {
      second = await accountWithOwner(server, 'auth-second');
      third = await accountWithOwner(server, 'auth-third');
      await generateKey(server, second.cookie, 'Second account key');
      await server.createUser('multi@auth.test', PASSWORD, [
        { accountId: owner.account.id, roles: [owner.roles.get('owner')!] },
        { accountId: second.account.id, roles: [second.roles.get('api-keys-read-only')!] },
      ]);
      cookie = await server.signIn('multi@auth.test', PASSWORD);
    });

    it("moves the session to another of the user's accounts, with that account's resources", async () => {
      const switched = await server.graphql<{
        switchAccount: {
          me: { account: { id: string }; accounts: { id: string }[]; resources: string[] };
        };
      }>(SWITCH, { input: { accountId: second.account.id } }, { cookie });
      expect(switched.errors).toBeUndefined();
      expect(switched.data?.switchAccount.me.account.id).toBe(second.account.id);
      expect(switched.data?.switchAccount.me.resources).toEqual([Resources.viewApiKeys]);
      expect(switched.data?.switchAccount.me.accounts.map((account) => account.id).sort()).toEqual(
        [owner.account.id, second.account.id].sort(),
      );

      // Later requests with the same cookie act in the new account, with its rights only.
      const me = await server.graphql<{ me: { account: { slug: string }; resources: string[] } }>(
        ME,
        {},
        { cookie },
      );
      expect(me.data?.me.account.slug).toBe('auth-second');
      const keys = await server.graphql<{ generatedKeys: { edges: { node: { name: string } }[] } }>(
        '{ generatedKeys { edges { node { name } } } }',
        {},
        { cookie },
      );
      expect(keys.data?.generatedKeys.edges.map((edge) => edge.node.name)).toEqual([
        'Second account key',
      ]);
      const generate = await server.graphql(
        'mutation { generateApiKey(input: { name: "Not allowed here" }) { token } }',
        {},
        { cookie },
      );
      expect(errorCode(generate)).toBe('FORBIDDEN');

      const back = await server.graphql<{
        switchAccount: { me: { account: { id: string }; resources: string[] } };
      }>(SWITCH, { input: { accountId: owner.account.id } }, { cookie });
      expect(back.data?.switchAccount.me.account.id).toBe(owner.account.id);
      expect(back.data?.switchAccount.me.resources).toContain(Resources.editApiKeys);
    });

    it('refuses an account the user is not a member of with NOT_FOUND, and stays put', async () => {
      const before = await server.graphql<{ me: { account: { id: string } } }>(ME, {}, { cookie });
      for (const accountId of [third.account.id, '00000000-0000-4000-8000-000000000000']) {
        const result = await server.graphql(SWITCH, { input: { accountId } }, { cookie });
        expect(errorCode(result)).toBe('NOT_FOUND');
        expect(result.data ?? null).toBeNull();
      }
      const after = await server.graphql<{ me: { account: { id: string } } }>(ME, {}, { cookie });
      expect(after.data?.me.account.id).toBe(before.data?.me.account.id);
    });
  });

  describe('API key headers', () => {
    let key: string;
    let token: string;

    beforeAll(async () => {
      const generated = await generateKey(server, owner.cookie, 'Header spelling', [
        owner.roles.get('api-keys-read-only')!.id,
      ]);
      key = generated.apiKey.key;
      token = generated.token;
    });

    it.each([
      ['x-api-appkey', 'x-api-apptoken'],
      ['X-API-AppKey', 'X-API-AppToken'],
      ['X-API-APPKEY', 'X-API-APPTOKEN'],
      ['x-vtex-api-appkey', 'x-vtex-api-apptoken'],
      ['X-VTEX-API-AppKey', 'X-VTEX-API-AppToken'],
    ])('accepts %s / %s', async (keyHeader, tokenHeader) => {
      const response = await rawPost(
        server.url,
        { 'Content-Type': 'application/json', [keyHeader]: key, [tokenHeader]: token },
        JSON.stringify({ query: '{ me { kind apiKey { key } } }' }),
      );
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({
        data: { me: { kind: 'API_KEY', apiKey: { key } } },
      });
    });

    it('refuses a wrong token whatever the header spelling', async () => {
      const response = await rawPost(
        server.url,
        {
          'Content-Type': 'application/json',
          'X-API-AppKey': key,
          'X-API-AppToken': wrongTokenOf(token),
        },
        JSON.stringify({ query: '{ me { kind } }' }),
      );
      expect(JSON.parse(response.body).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('errors carry a code and nothing internal', () => {
    it('an unexpected failure answers only "Internal server error."', async () => {
      const logged = vi.spyOn(server.keyward.logger, 'error');
      const failure = new Error(
        'ER_ACCESS_DENIED: SELECT tokenHash FROM api_tokens at /work/db.ts:12',
      );
      const get = vi.spyOn(server.keyward.services.apiKeys, 'get').mockRejectedValueOnce(failure);
      try {
        const response = await rawPost(
          server.url,
          { 'content-type': 'application/json', cookie: owner.cookie },
          JSON.stringify({ query: '{ apiKey(id: "anything") { id } }' }),
        );
        expect(get).toHaveBeenCalledOnce();
        const body = JSON.parse(response.body) as { errors: unknown[] };
        expect(body.errors).toEqual([
          {
            message: 'Internal server error.',
            path: ['apiKey'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ]);
        expectNoInternals(response.body);
        expect(response.body).not.toContain('tokenHash');
        expect(logged).toHaveBeenCalled(); // operators still see it
      } finally {
        get.mockRestore();
        logged.mockRestore();
      }
    });

    it('a 5,000-character id is an unknown id, not a crash', async () => {
      const result = await server.graphql(
        'query Q($id: ID!) { apiKey(id: $id) { id } }',
        { id: 'x'.repeat(5000) },
        { cookie: owner.cookie },
      );
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
      expectNoInternals(JSON.stringify(result));
    });

    it.each([
      ['an unknown field', '{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
      ['a syntax error', '{ me {', 'GRAPHQL_PARSE_FAILED'],
      [
        'an uncoercible variable',
        'query Q($first: Int) { generatedKeys(first: $first) { totalCount } }',
        'BAD_USER_INPUT',
      ],
    ])('%s', async (_label, query, code) => {
      const response = await rawPost(
        server.url,
        { 'content-type': 'application/json', cookie: owner.cookie },
        JSON.stringify({ query, variables: { first: 'many' } }),
      );
      const body = JSON.parse(response.body) as {
        errors: { extensions: Record<string, unknown> }[];
      };
      expect(body.errors[0]?.extensions).toEqual({ code });
      expectNoInternals(response.body);
    });

    it.each([
      ['malformed JSON', '{"query": "{ me { kind } }"', 400],
      ['a JSON string instead of an object', '"{ me { kind } }"', 400],
      [
        'a body over the size limit',
        JSON.stringify({ query: '{ me { kind } }', padding: 'x'.repeat(200_000) }),
        413,
      ],
    ])('%s answers a coded JSON error', async (_label, body, status) => {
      const response = await rawPost(server.url, { 'content-type': 'application/json' }, body);
      expect(response.status).toBe(status);
      expect(response.contentType).toMatch(/^application\/json/);
      const parsed = JSON.parse(response.body) as {
        errors: { message: string; extensions: unknown }[];
      };
      expect(parsed.errors).toEqual([
        { message: expect.any(String), extensions: { code: 'BAD_REQUEST' } },
      ]);
      expectNoInternals(response.body);
    });
  });

  it.each(['/healthz', '/readyz'])('%s answers 200', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: expect.any(String) });
  });
});
