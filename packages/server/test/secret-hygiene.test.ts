import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { testDatabases } from './support/databases.js';
import { entityTables } from './support/fuzz-harness.js';
import { accountWithOwner, generateKey, PASSWORD } from './support/fixtures.js';
import { TestServer, type Credentials, type GraphQLResult } from './support/test-server.js';

/**
 * Every clear secret the server ever handled (tokens, single-access link secrets, password setup
 * secrets, passwords, session cookies, canaries sent on purpose) appears nowhere it persists or
 * speaks: no table row, audit event, export, error response, console line or log line.
 */
const CANARY_TOKEN = 'kwt_CANARYtokenCANARYtokenCANARYtokenCANARYtok000000';
const CANARY_PASSWORD = 'canary-password-9f3e1c7a';
const CANARY_LINK = 'canary-link-secret-4b1d9e0f2a';
const CANARY_SETUP = 'canary-setup-secret-7c2e8a9b1d';

describe.each(testDatabases)('secret hygiene on $name', (database) => {
  let server: TestServer;
  const logs: string[] = [];
  const secrets = new Set<string>([CANARY_TOKEN, CANARY_PASSWORD, CANARY_LINK, CANARY_SETUP]);
  const errorResponses: unknown[] = [];
  const spies: MockInstance[] = [];
  const consoleLines: string[] = [];

  beforeAll(async () => {
    for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) {
      spies.push(
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          consoleLines.push(
            args.map((arg) => (arg instanceof Error ? `${arg.stack}` : String(arg))).join(' '),
          );
        }),
      );
    }
    server = await TestServer.start(database, {
      logDestination: { write: (line) => logs.push(line) },
    });
  });
  afterAll(async () => {
    for (const spy of spies) spy.mockRestore();
    await server?.stop();
  });

  /** GraphQL through the test client; every error response is kept for the search. */
  const call = async <Data>(
    query: string,
    variables: Record<string, unknown>,
    credentials: Credentials = {},
  ): Promise<GraphQLResult<Data>> => {
    const result = await server.graphql<Data>(query, variables, credentials);
    if (result.errors) errorResponses.push(result.errors);
    return result;
  };

  const verify = async (body: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/api/keys/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400) errorResponses.push(text);
    return text;
  };

  const download = async (path: string, cookie: string) => {
    const response = await fetch(`${server.url}${path}`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status, path).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  const workbookText = async (buffer: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
    );
    return cells.join('\n');
  };

  it('no clear secret appears in any table, audit event, export, error, console or log line', async () => {
    const owner = await accountWithOwner(server, 'hygiene');
    const partner = await accountWithOwner(server, 'partner');
    secrets.add(PASSWORD);
    for (const cookie of [owner.cookie, partner.cookie])
      secrets.add(cookie.split('=')[1] as string);
    const asOwner = { cookie: owner.cookie };

    // Keys, renewals, an undo and an old-token deletion.
    const keys = [];
    for (const name of ['erp', 'marketing', 'scripts']) {
      const key = await generateKey(server, owner.cookie, name);
      secrets.add(key.token);
      keys.push(key);
    }
    const [erp, marketing, scripts] = keys as [
      (typeof keys)[number],
      (typeof keys)[number],
      (typeof keys)[number],
    ];
    const renew = async (id: string, oldToken: string) => {
      const result = await call<{ renewApiToken: { token: string } }>(
        'mutation ($input: RenewApiTokenInput!) { renewApiToken(input: $input) { token } }',
        { input: { id, oldToken } },
        asOwner,
      );
      const token = result.data?.renewApiToken.token;
      expect(token).toBeTruthy();
      secrets.add(token as string);
      return token as string;
    };
    const renewed = await renew(erp.apiKey.id, 'KEEP_UNTIL_DELETED');
    await call(
      'mutation ($input: UndoRenewalInput!) { undoRenewal(input: $input) { apiKey { id } } }',
      { input: { id: erp.apiKey.id } },
      asOwner,
    );
    await renew(marketing.apiKey.id, 'EXPIRE_IN_24_HOURS');
    await call(
      'mutation ($input: DeleteOldTokenInput!) { deleteOldToken(input: $input) { apiKey { id } } }',
      { input: { id: marketing.apiKey.id } },
      asOwner,
    );
    const scriptsToken = await renew(scripts.apiKey.id, 'DELETE_NOW');

    // The partner adds a key as external, and the key uses its token there and at home.
    await call(
      'mutation ($input: AddExternalKeyInput!) { addExternalKey(input: $input) { externalKey { id } } }',
      { input: { key: scripts.apiKey.key } },
      { cookie: partner.cookie },
    );
    await call('{ me { kind } }', {}, { key: scripts.apiKey.key, token: scriptsToken });
    await verify({ key: scripts.apiKey.key, token: scriptsToken, account: 'partner' });

    // Single-access links: created, opened once, refused afterwards and for made-up secrets.
    const link = await call<{ createSingleAccessLink: { path: string } }>(
      'mutation ($input: CreateSingleAccessLinkInput!) { createSingleAccessLink(input: $input) { path } }',
      { input: { apiKeyId: scripts.apiKey.id, token: scriptsToken } },
      asOwner,
    );
    const linkSecret = link.data?.createSingleAccessLink.path.split('/').pop() as string;
    expect(linkSecret).toBeTruthy();
    secrets.add(linkSecret);
    const REVEAL =
      'mutation ($input: RevealSingleAccessLinkInput!) { revealSingleAccessLink(input: $input) { key token } }';
    const revealed = await call<{ revealSingleAccessLink: { token: string } }>(REVEAL, {
      input: { id: linkSecret },
    });
    expect(revealed.data?.revealSingleAccessLink.token).toBe(scriptsToken);
    expect((await call(REVEAL, { input: { id: linkSecret } })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    await call(REVEAL, { input: { id: CANARY_LINK } });
    await call(
      'mutation ($input: CreateSingleAccessLinkInput!) { createSingleAccessLink(input: $input) { path } }',
      { input: { apiKeyId: erp.apiKey.id, token: CANARY_TOKEN } },
      asOwner,
    );

    // A new member through an invitation link, who sets a password and signs in.
    const added = await call<{ inviteMember: { invitationPath: string } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { invitationPath } }',
      { input: { email: 'new.member@hygiene.test' } },
      asOwner,
    );
    const setupSecret = added.data?.inviteMember.invitationPath.split('#')[1] as string;
    expect(setupSecret).toBeTruthy();
    secrets.add(setupSecret);
    const memberPassword = 'member-password-d41d8cd98f';
    secrets.add(memberPassword);
    const SET_PASSWORD =
      'mutation ($input: SetPasswordInput!) { setPassword(input: $input) { passwordSet } }';
    await call(SET_PASSWORD, { input: { token: CANARY_SETUP, password: memberPassword } });
    expect(
      (
        await call<{ setPassword: { passwordSet: boolean } }>(SET_PASSWORD, {
          input: { token: setupSecret, password: memberPassword },
        })
      ).data?.setPassword.passwordSet,
    ).toBe(true);
    await call(SET_PASSWORD, { input: { token: setupSecret, password: memberPassword } });
    secrets.add(
      (await server.signIn('new.member@hygiene.test', memberPassword)).split('=')[1] as string,
    );

    // Failures with canaries: sign-ins, key headers, verification (body and headers).
    const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { me { kind } } }';
    await call(SIGN_IN, { input: { email: owner.email, password: CANARY_PASSWORD } });
    await call(SIGN_IN, { input: { email: 'nobody@hygiene.test', password: CANARY_PASSWORD } });
    await call(SIGN_IN, { input: { email: CANARY_PASSWORD, password: CANARY_PASSWORD } });
    await call('{ me { kind } }', {}, { key: erp.apiKey.key, token: CANARY_TOKEN });
    await call('{ me { kind } }', {}, { key: CANARY_TOKEN, token: CANARY_TOKEN });
    await call('{ generatedKeys { totalCount } }', {}, { key: erp.apiKey.key, token: renewed });
    await verify({ key: erp.apiKey.key, token: CANARY_TOKEN });
    await verify({
      key: erp.apiKey.key,
      token: renewed,
      resource: 'license-manager:edit-api-keys',
    });
    await verify({ key: 'kw-hygiene-000000000000', token: CANARY_TOKEN, account: 'partner' });
    await verify({ key: CANARY_TOKEN, token: CANARY_TOKEN });
    const viaHeaders = await fetch(`${server.url}/api/keys/verify?gate=true`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-vtex-api-appkey': erp.apiKey.key,
        'x-vtex-api-apptoken': CANARY_TOKEN,
      },
      body: '{}',
    });
    errorResponses.push(await viaHeaders.text());

    // Batched writes (refused authentications, last uses) reach the database now.
    await server.keyward.services.refusedAuth.flush();
    await server.keyward.services.lastUse.flush();

    const exportsText = [
      (await download('/api/keys/export?format=csv', owner.cookie)).toString('utf8'),
      await workbookText(await download('/api/keys/export?format=xlsx', owner.cookie)),
      (await download('/api/keys/export?format=csv', partner.cookie)).toString('utf8'),
      (await download('/api/audit/export', owner.cookie)).toString('utf8'),
      (await download('/api/audit/export', partner.cookie)).toString('utf8'),
    ].join('\n');
    expect(exportsText).toContain(scripts.apiKey.key);
    expect(exportsText).toContain('auth.refused');

    const tables: Record<string, unknown[]> = {};
    for (const table of [...entityTables(server.dataSource), 'auth_cache_version']) {
      tables[table] = (await server.dataSource.query(
        `SELECT * FROM ${server.dataSource.driver.escape(table)}`,
      )) as unknown[];
    }
    const rowsText = JSON.stringify(tables, (_key, value: unknown) =>
      Buffer.isBuffer(value) ? value.toString('latin1') : value,
    );
    expect(tables.api_tokens?.length).toBeGreaterThan(0);
    expect(tables.audit_events?.length).toBeGreaterThan(10);
    expect(errorResponses.length).toBeGreaterThan(8);

    const places: Record<string, string> = {
      'table rows': rowsText,
      exports: exportsText,
      'error responses': JSON.stringify(errorResponses),
      console: consoleLines.join('\n'),
      logs: logs.join('\n'),
    };
    const hits = [];
    for (const secret of secrets) {
      for (const [place, text] of Object.entries(places)) {
        if (text.includes(secret)) hits.push(`${secret.slice(0, 10)}… in ${place}`);
      }
    }
    // The search looks where the public data is: it would see a secret there too.
    expect(rowsText).toContain(scripts.apiKey.key);
    expect(logs.join('\n')).toContain('/graphql');
    expect(secrets.size).toBeGreaterThan(15);
    expect(hits).toEqual([]);
  });
});
