import { readFileSync } from 'node:fs';
import path from 'node:path';
import { print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/accounts/account.service.js';
import { AppError } from '../src/common/app-error.js';
import { armorLimits, limitError } from '../src/graphql/query-limits.js';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, GENERATE, generateKey } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const [sqlite] = testDatabases;

const PAGE = (alias: string, first: string) =>
  `${alias}: generatedKeys(first: ${first}) { edges { node { roles { resources { key name productKey productName } } grantedAccounts { id slug name } tokens { id createdAt } } } }`;

describe('GraphQL limits that say what was hit', () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await TestServer.start(sqlite!, { production: true });
    ({ cookie } = await accountWithOwner(server, 'limited'));
  });
  afterAll(async () => server.stop());

  const query = (text: string, variables: Record<string, unknown> = {}) =>
    server.graphql(text, variables, { cookie });

  const expectRefused = async (
    result: Awaited<ReturnType<typeof query>>,
    code: string,
  ): Promise<void> => {
    expect(result.data ?? null).toBeNull();
    expect(errorCode(result)).toBe(code);
    const message = result.errors?.[0]?.message ?? '';
    expect(message).not.toMatch(/Syntax Error|\d/);
    expect(result.status).toBe(400);
  };

  it('computes the cost after variables are applied', async () => {
    const literal = `{ ${Array.from({ length: 14 }, (_, index) => PAGE(`k${index}`, '100')).join(' ')} }`;
    await expectRefused(await query(literal), 'QUERY_TOO_COSTLY');
    const variable = `query($n: Int) { ${Array.from({ length: 14 }, (_, index) => PAGE(`k${index}`, '$n')).join(' ')} }`;
    await expectRefused(await query(variable, { n: 100 }), 'QUERY_TOO_COSTLY');
    const defaulted = `query($n: Int = 100) { ${Array.from({ length: 14 }, (_, index) => PAGE(`k${index}`, '$n')).join(' ')} }`;
    await expectRefused(await query(defaulted), 'QUERY_TOO_COSTLY');
    // An ordinary page with a variable passes.
    const one = await query(`query($n: Int) { ${PAGE('k', '$n')} }`, { n: 20 });
    expect(one.errors).toBeUndefined();
  });

  it("counts a page size left out at the field's own default, not the common one", async () => {
    // tokenReminders answers 50 when no size is given: 14 of them cost what `first: 50` costs.
    const REMINDERS = (first: string) =>
      `{ ${Array.from({ length: 14 }, (_, index) => `r${index}: tokenReminders${first} { apiKey { roles { resources { key name productKey productName } } grantedAccounts { id slug name } tokens { id createdAt } } }`).join(' ')} }`;
    await expectRefused(await query(REMINDERS('(first: 50)')), 'QUERY_TOO_COSTLY');
    await expectRefused(await query(REMINDERS('')), 'QUERY_TOO_COSTLY');
  });

  it('names the limit hit with a distinct code, without its number', async () => {
    await expectRefused(
      await query(
        `{ ${Array.from({ length: 40 }, (_, index) => `a${index}: me { kind }`).join(' ')} }`,
      ),
      'TOO_MANY_ALIASES',
    );
    await expectRefused(await query(`{ me { ${'kind '.repeat(3000)} } }`), 'TOO_MANY_TOKENS');
    await expectRefused(
      await query(`{ me { ${'kind @include(if: true) '.repeat(12)} } }`),
      'TOO_MANY_DIRECTIVES',
    );
  });

  it('refuses too deep a document with its own code, counting fields, not fragments', async () => {
    // No valid document of Keyward's schema nests ten fields deep: prove the limit on a
    // recursive schema, with the server's own rules and error mapping.
    const schema = buildSchema('type Node { id: ID, child: Node } type Query { node: Node }');
    const { validationRules } = armorLimits(false);
    const refusals = (text: string) =>
      validate(schema, parse(text), [...specifiedRules, ...(validationRules ?? [])]).map(
        (error) =>
          limitError({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })
            ?.extensions?.code,
      );
    expect(refusals(`{ node { ${'child { '.repeat(10)} id ${'} '.repeat(10)} } }`)).toEqual([
      'QUERY_TOO_DEEP',
    ]);
    // Colocated fragments nest spreads and inline fragments without nesting data.
    expect(refusals(`{ node { ${'... on Node { '.repeat(12)} id ${'} '.repeat(12)} } }`)).toEqual(
      [],
    );
    const nested = await query(
      `{ generatedKeys { edges { node { grantedAccounts { ${'... on Account { '.repeat(10)} id ${'} '.repeat(10)} } } } } }`,
    );
    expect(nested.errors).toBeUndefined();
  });

  it("passes the app's own documents, fragments nested in fragments included", async () => {
    // The SPA's generated documents (GraphQL Code Generator), as the browser sends them.
    const generated = readFileSync(
      path.resolve(import.meta.dirname, '../../web/src/gql/graphql.ts'),
      'utf8',
    );
    const appDocument = (name: string) => {
      const json = new RegExp(`^export const ${name} = (\\{.*\\}) as unknown as`, 'm').exec(
        generated,
      )?.[1];
      if (!json) throw new Error(`${name} not found in packages/web/src/gql/graphql.ts`);
      return print(JSON.parse(json) as DocumentNode);
    };
    // At the largest page size the tab offers (50).
    const page = await query(appDocument('GeneratedKeysDocument'), { first: 50 });
    expect(page.errors, JSON.stringify(page.errors)).toBeUndefined();
    expect(page.data).toHaveProperty('generatedKeys');
  });

  it('counts __typename aliases like any other', async () => {
    await expectRefused(
      await query(
        `{ ${Array.from({ length: 40 }, (_, index) => `t${index}: __typename`).join(' ')} }`,
      ),
      'TOO_MANY_ALIASES',
    );
  });

  it('answers BAD_REQUEST to a subscription and to a persisted-query hash mismatch', async () => {
    const subscription = await query('subscription { me { kind } }');
    expect(errorCode(subscription)).toBe('BAD_REQUEST');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        query: '{ me { kind } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
      }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(response.status).toBe(400);
  });
});

describe('verification requests', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start(sqlite!);
  });
  afterAll(async () => server.stop());

  it('answers 413 to a body over 8 kB and 415 to anything but JSON', async () => {
    const big = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'kw-x-y', token: 'kwt_x', pad: 'x'.repeat(9000) }),
    });
    expect(big.status).toBe(413);
    expect(
      ((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('PAYLOAD_TOO_LARGE');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const response = await fetch(`${server.url}/api/keys/verify`, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: JSON.stringify({ key: 'kw-x-y', token: 'kwt_x' }),
      });
      expect(response.status).toBe(415);
    }
    const json = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ key: 'kw-x-y', token: 'kwt_x' }),
    });
    expect(json.status).toBe(200);
    // No body at all: the key headers alone (a proxy's auth request) still work.
    const headersOnly = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'x-api-appkey': 'kw-x-y', 'x-api-apptoken': 'kwt_x' },
    });
    expect(headersOnly.status).toBe(200);
  });
});

describe.each(testDatabases)('free text and names on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'texts');
    await generateKey(server, owner.cookie, 'Plain key');
  });
  afterAll(async () => server.stop());

  const as = (text: string, variables: Record<string, unknown>) =>
    server.graphql(text, variables, { cookie: owner.cookie });

  it('caps every free-text filter with BAD_USER_INPUT', async () => {
    const long = 'a'.repeat(50_001);
    const generated = await as(
      'query($s: String) { generatedKeys(filter: { search: $s }) { totalCount } }',
      { s: long },
    );
    expect(errorCode(generated)).toBe('BAD_USER_INPUT');
    const external = await as(
      'query($s: String) { externalKeys(filter: { search: $s }) { totalCount } }',
      { s: long },
    );
    expect(errorCode(external)).toBe('BAD_USER_INPUT');
    for (const field of ['actor', 'targetKey']) {
      const audit = await as(
        `query($s: String) { auditEvents(filter: { ${field}: $s }) { totalCount } }`,
        { s: long },
      );
      expect(errorCode(audit)).toBe('BAD_USER_INPUT');
      const exported = await fetch(
        `${server.url}/api/audit/export?format=csv&${field}=${'a'.repeat(5000)}`,
        { headers: { cookie: owner.cookie, 'sec-fetch-site': 'same-origin' } },
      );
      expect(exported.status).toBe(400);
    }
    // At the cap, still a search.
    const fine = await as(
      'query($s: String) { generatedKeys(filter: { search: $s }) { totalCount } }',
      { s: 'a'.repeat(200) },
    );
    expect(fine.errors).toBeUndefined();
  });

  it('gives the same answer for control characters in a search on every database', async () => {
    for (const search of ['plain\u0000', 'pla\u0007in', '\u001b[31m']) {
      const result = await as(
        'query($s: String) { generatedKeys(filter: { search: $s }) { totalCount } }',
        { s: search },
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe('search');
    }
  });

  it('refuses control, format, bidirectional and zero-width characters in names', async () => {
    for (const name of [
      'Zero\u200Bwidth',
      'Evil\u202Egnp.exe',
      'Tab\there',
      'Bell\u0007',
      'Plain\u200B key',
    ]) {
      const generated = await as(GENERATE, { input: { name, roleIds: [] } });
      expect(errorCode(generated)).toBe('BAD_USER_INPUT');
      expect(generated.errors?.[0]?.extensions?.field).toBe('name');
      expect(generated.errors?.[0]?.message).toMatch(/invisible|control/i);
    }
    const key = await generateKey(server, owner.cookie, 'Renamed later');
    const renamed = await as(
      'mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { name } } }',
      { input: { id: key.apiKey.id, name: 'Renamed\u2066later' } },
    );
    expect(errorCode(renamed)).toBe('BAD_USER_INPUT');
    const role = await as(
      'mutation($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }',
      { input: { name: 'Role\u200D', resourceKeys: [] } },
    );
    expect(errorCode(role)).toBe('BAD_USER_INPUT');
    const member = await as(
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitationPath } }',
      { input: { email: 'new\u200Bmember@texts.test', roleIds: [] } },
    );
    expect(errorCode(member)).toBe('BAD_USER_INPUT');
    await expect(
      server.dataSource.transaction((manager) => createAccount(manager, 'bidi', 'Bidi\u202Estore')),
    ).rejects.toBeInstanceOf(AppError);
    // Letters of any script are still fine.
    expect(
      (await as(GENERATE, { input: { name: 'Integração São Paulo – 東京', roleIds: [] } })).errors,
    ).toBeUndefined();
  });
});
