import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiToken } from '../src/modules/api-keys/api-token.entity.js';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { generateToken } from '../src/modules/tokens/api-token.secret.js';
import { WebhookEvent } from '../src/modules/webhooks/webhook-event.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey } from './support/fixtures.js';
import { startSmtpCatcher } from './support/smtp-catcher.js';
import { TestServer } from './support/test-server.js';

const KEY_ID = 'scanner-key-1';
const scanner = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const impostor = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const SETTINGS = /* GraphQL */ `
  mutation Settings($input: UpdateApiKeySettingsInput!) {
    updateApiKeySettings(input: $input) {
      settings {
        deactivateLeakedKeys
      }
    }
  }
`;
const KEY = /* GraphQL */ `
  query Key($id: ID!) {
    apiKey(id: $id) {
      status
      leaked
      leakedAt
      leakedUrl
    }
  }
`;
const SUBSCRIBE = /* GraphQL */ `
  mutation Subscribe($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
      }
    }
  }
`;
const LEAKED_KEYS = /* GraphQL */ `
  query Leaked($leaked: Boolean) {
    generatedKeys(first: 50, filter: { leaked: $leaked }) {
      totalCount
      edges {
        node {
          id
          leaked
        }
      }
    }
  }
`;
const RENEW = /* GraphQL */ `
  mutation Renew($id: ID!) {
    renewApiToken(input: { id: $id, oldToken: DELETE_NOW }) {
      token
    }
  }
`;

interface Match {
  token: string;
  type?: string;
  url?: string;
  source?: string;
}

const body = (matches: Match[]) =>
  JSON.stringify(
    matches.map((match) => ({
      type: 'keyward_api_token',
      url: 'https://github.com/octo/app/blob/abc/.env',
      source: 'content',
      ...match,
    })),
  );

describe.each(testDatabases)('leak reports on $name', (database) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    server = await TestServer.start(database, {
      smtpUrl: smtp.url,
      leakReporterKeys: [
        {
          key_identifier: KEY_ID,
          key: scanner.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
      ],
    });
  });
  afterAll(async () => {
    await server.stop();
    await smtp.close();
  });

  const report = (
    payload: string,
    signing: { keyId?: string; privateKey?: typeof scanner.privateKey } | null = {},
  ) =>
    fetch(`${server.url}/api/leaks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signing
          ? {
              'Github-Public-Key-Identifier': signing.keyId ?? KEY_ID,
              'Github-Public-Key-Signature': sign(
                'sha256',
                Buffer.from(payload),
                signing.privateKey ?? scanner.privateKey,
              ).toString('base64'),
            }
          : {}),
      },
      body: payload,
    });

  const keyState = (id: string, cookie: string) =>
    server
      .graphql<{
        apiKey: { status: string; leaked: boolean; leakedAt: string | null; leakedUrl: string };
      }>(KEY, { id }, { cookie })
      .then((result) => result.data!.apiKey);

  const setPolicy = (cookie: string, deactivateLeakedKeys: boolean) =>
    server.graphql(SETTINGS, { input: { deactivateLeakedKeys } }, { cookie });

  it('marks, audits, emails and deactivates the key of a reported token, answering in GitHub’s format', async () => {
    const owner = await accountWithOwner(server, 'leaky');
    await server.graphql(
      /* GraphQL */ `
        mutation Recipients($input: UpdateApiKeySettingsInput!) {
          updateApiKeySettings(input: $input) {
            settings {
              deactivateLeakedKeys
            }
          }
        }
      `,
      { input: { reminderRecipients: ['security@leaky.test'] } },
      { cookie: owner.cookie },
    );
    const subscribed = await server.graphql(
      SUBSCRIBE,
      {
        input: {
          url: 'https://hooks.leaky.test/keyward',
          eventTypes: ['KEY_LEAKED', 'KEY_DEACTIVATED'],
        },
      },
      { cookie: owner.cookie },
    );
    expect(subscribed.errors).toBeUndefined();
    const key = await generateKey(server, owner.cookie, 'Exposed integration');
    const other = await generateKey(server, owner.cookie, 'Safe integration');
    const credentials = { key: key.apiKey.key, token: key.token };
    // The key works (it lacks roles, so FORBIDDEN rather than UNAUTHENTICATED) until reported.
    const probe = () => server.graphql('{ apiKeySettings { tokenDurationDays } }', {}, credentials);
    expect(errorCode(await probe())).not.toBe('UNAUTHENTICATED');

    const response = await report(
      body([{ token: key.token, url: 'https://github.com/octo/app/blob/abc/.env' }]),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      {
        token_hash: createHash('sha256').update(key.token).digest('hex'),
        token_type: 'keyward_api_token',
        label: 'true_positive',
      },
    ]);

    const state = await keyState(key.apiKey.id, owner.cookie);
    expect(state).toMatchObject({
      status: 'INACTIVE',
      leaked: true,
      leakedUrl: 'https://github.com/octo/app/blob/abc/.env',
    });
    // Deactivated everywhere at once, through the same path as an admin's deactivation.
    expect(errorCode(await probe())).toBe('UNAUTHENTICATED');
    expect((await keyState(other.apiKey.id, owner.cookie)).leaked).toBe(false);

    const events = await server.dataSource
      .getRepository(AuditEvent)
      .find({ where: { targetId: key.apiKey.id }, order: { createdAt: 'ASC' } });
    const leakedEvent = events.find((event) => event.action === 'api-key.leaked');
    expect(leakedEvent).toMatchObject({ actorType: 'system' });
    expect(JSON.parse(leakedEvent!.details!)).toEqual({
      url: 'https://github.com/octo/app/blob/abc/.env',
      source: 'content',
      type: 'keyward_api_token',
    });
    expect(events.map((event) => event.action)).toContain('api-key.deactivated');
    expect(events.map((event) => event.details ?? '').join()).not.toContain(key.token);

    // Subscribers hear of both, in the transaction of the change.
    const lifecycle = await server.dataSource
      .getRepository(WebhookEvent)
      .find({ where: { accountId: owner.account.id }, order: { createdAt: 'ASC' } });
    expect(lifecycle.map((event) => event.type).sort()).toEqual(['key.deactivated', 'key.leaked']);
    const leakedPayload = JSON.parse(
      lifecycle.find((event) => event.type === 'key.leaked')!.payload,
    ) as { data: Record<string, unknown> };
    expect(leakedPayload.data).toEqual({
      key: key.apiKey.key,
      keyName: 'Exposed integration',
      url: 'https://github.com/octo/app/blob/abc/.env',
      source: 'content',
      type: 'keyward_api_token',
    });
    expect(lifecycle.map((event) => event.payload).join()).not.toContain(key.token);

    const mails = smtp.received.filter((mail) => mail.to === 'security@leaky.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(key.apiKey.key);
    expect(mails[0]!.text).toContain('https://github.com/octo/app/blob/abc/.env');
    expect(mails[0]!.text).not.toContain(key.token);

    // The same report again (scanners retry): nothing new is recorded or sent.
    await report(body([{ token: key.token, url: 'https://github.com/octo/app/blob/abc/.env' }]));
    expect(smtp.received.filter((mail) => mail.to === 'security@leaky.test')).toHaveLength(1);

    // The list: a leaked filter, and the mark on each row.
    const leakedList = await server.graphql<{
      generatedKeys: { totalCount: number; edges: { node: { id: string; leaked: boolean } }[] };
    }>(LEAKED_KEYS, { leaked: true }, { cookie: owner.cookie });
    expect(leakedList.data!.generatedKeys.edges.map((edge) => edge.node)).toEqual([
      { id: key.apiKey.id, leaked: true },
    ]);
    const cleanList = await server.graphql<{
      generatedKeys: { edges: { node: { id: string } }[] };
    }>(LEAKED_KEYS, { leaked: false }, { cookie: owner.cookie });
    expect(cleanList.data!.generatedKeys.edges.map((edge) => edge.node.id)).toEqual([
      other.apiKey.id,
    ]);

    // Renewing the token clears the mark.
    const renewed = await server.graphql(RENEW, { id: key.apiKey.id }, { cookie: owner.cookie });
    expect(renewed.errors).toBeUndefined();
    expect((await keyState(key.apiKey.id, owner.cookie)).leaked).toBe(false);
  });

  it('only marks and notifies when the account keeps leaked keys active', async () => {
    const owner = await accountWithOwner(server, 'lenient');
    expect((await setPolicy(owner.cookie, false)).errors).toBeUndefined();
    const key = await generateKey(server, owner.cookie, 'Kept active');
    const response = await report(body([{ token: key.token }]));
    expect((await response.json())[0].label).toBe('true_positive');
    expect(await keyState(key.apiKey.id, owner.cookie)).toMatchObject({
      status: 'ACTIVE',
      leaked: true,
    });
    const actions = (
      await server.dataSource.getRepository(AuditEvent).findBy({ targetId: key.apiKey.id })
    ).map((event) => event.action);
    expect(actions).toContain('api-key.leaked');
    expect(actions).not.toContain('api-key.deactivated');
  });

  it('retires the reported token at the renewal, whatever the old token’s chosen fate', async () => {
    const owner = await accountWithOwner(server, 'graceless');
    expect((await setPolicy(owner.cookie, false)).errors).toBeUndefined();
    const key = await generateKey(server, owner.cookie, 'Leaked with grace');
    await report(body([{ token: key.token }]));
    const renewed = await server.graphql<{ renewApiToken: { token: string } }>(
      /* GraphQL */ `
        mutation RenewKeeping($id: ID!) {
          renewApiToken(input: { id: $id, oldToken: KEEP_UNTIL_DELETED }) {
            token
          }
        }
      `,
      { id: key.apiKey.id },
      { cookie: owner.cookie },
    );
    expect(renewed.errors).toBeUndefined();
    const verify = async (token: string) => {
      const response = await fetch(`${server.url}/api/keys/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: key.apiKey.key, token }),
      });
      return ((await response.json()) as { code: string }).code;
    };
    expect(await verify(renewed.data!.renewApiToken.token)).toBe('VALID');
    expect(await verify(key.token)).toBe('INVALID_CREDENTIALS');
    expect(await keyState(key.apiKey.id, owner.cookie)).toMatchObject({ leaked: false });
  });

  it('refuses unsigned, wrongly signed and unknown-key reports with 401 and changes nothing', async () => {
    const owner = await accountWithOwner(server, 'unsigned');
    const key = await generateKey(server, owner.cookie, 'Target');
    const payload = body([{ token: key.token }]);
    const lookups = vi.spyOn(server.dataSource.getRepository(ApiToken), 'find');
    try {
      const refused = [
        await report(payload, null),
        await report(payload, { privateKey: impostor.privateKey }),
        await report(payload, { keyId: 'unknown-key' }),
        // Signed, but not over this body.
        await fetch(`${server.url}/api/leaks`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'Github-Public-Key-Identifier': KEY_ID,
            'Github-Public-Key-Signature': sign(
              'sha256',
              Buffer.from('[]'),
              scanner.privateKey,
            ).toString('base64'),
          },
          body: payload,
        }),
        await report(payload, { keyId: KEY_ID, privateKey: impostor.privateKey }),
      ];
      expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401, 401]);
      expect(await refused[0]!.json()).toMatchObject({
        errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
      });
      expect(lookups).not.toHaveBeenCalled();
    } finally {
      lookups.mockRestore();
    }
    expect(await keyState(key.apiKey.id, owner.cookie)).toMatchObject({
      status: 'ACTIVE',
      leaked: false,
    });
    expect(
      await server.dataSource
        .getRepository(AuditEvent)
        .countBy({ targetId: key.apiKey.id, action: 'api-key.leaked' }),
    ).toBe(0);
  });

  it('drops checksum-invalid tokens without a lookup; an unknown real-looking token is a false positive', async () => {
    const real = generateToken();
    // One character changed: the checksum no longer holds.
    const lookAlike = `${real.slice(0, 10)}${real[10] === 'A' ? 'B' : 'A'}${real.slice(11)}`;
    const lookups = vi.spyOn(server.dataSource.getRepository(ApiToken), 'find');
    try {
      const dropped = await report(
        body([{ token: lookAlike }, { token: 'kwt_short' }, { token: 'ghp_notours' }]),
      );
      expect(dropped.status).toBe(200);
      const verdicts = (await dropped.json()) as { label: string }[];
      expect(verdicts.map((verdict) => verdict.label)).toEqual([
        'false_positive',
        'false_positive',
        'false_positive',
      ]);
      expect(lookups).not.toHaveBeenCalled();

      // A well-formed token of no key is looked up (the spy sees lookups), and is not ours.
      const unknown = await report(body([{ token: real }]));
      expect(await unknown.json()).toEqual([
        {
          token_hash: createHash('sha256').update(real).digest('hex'),
          token_type: 'keyward_api_token',
          label: 'false_positive',
        },
      ]);
      expect(lookups).toHaveBeenCalledTimes(1);
    } finally {
      lookups.mockRestore();
    }
  });

  it('answers 400 to a signed body that is not a list of matches', async () => {
    const response = await report('{"token":"x"}');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('keeps the settings field to those who may edit settings', async () => {
    const owner = await accountWithOwner(server, 'policy');
    const read = await server.graphql<{ apiKeySettings: { deactivateLeakedKeys: boolean } }>(
      '{ apiKeySettings { deactivateLeakedKeys } }',
      {},
      { cookie: owner.cookie },
    );
    expect(read.data!.apiKeySettings.deactivateLeakedKeys).toBe(true);
    const key = await generateKey(server, owner.cookie, 'No settings rights');
    const denied = await setPolicy('', false);
    expect(errorCode(denied)).toBe('UNAUTHENTICATED');
    const byKey = await server.graphql(
      SETTINGS,
      { input: { deactivateLeakedKeys: false } },
      { key: key.apiKey.key, token: key.token },
    );
    expect(errorCode(byKey)).toBe('FORBIDDEN');
  });
});
