import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OldTokenLiveUntil1763950000000 } from '../src/db/migrations/1763950000000-old-token-live-until.js';
import { ApiToken } from '../src/modules/api-keys/api-token.entity.js';
import { SingleAccessLink } from '../src/modules/api-keys/single-access-link.entity.js';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { testDatabases } from './support/databases.js';
import {
  accountWithOwner,
  errorCode,
  generateKey,
  LIST,
  type GeneratedKey,
} from './support/fixtures.js';
import { TestServer } from './support/test-server.js';

const RENEW = /* GraphQL */ `
  mutation Renew($id: ID!, $oldToken: OldTokenFate!) {
    renewApiToken(input: { id: $id, oldToken: $oldToken }) {
      token
      apiKey {
        renewalPending
        tokens {
          id
          createdAt
          expiresAt
          lastUsedAt
        }
      }
    }
  }
`;
const DELETE_OLD =
  'mutation($id: ID!) { deleteOldToken(input: { id: $id }) { apiKey { renewalPending } } }';
const UNDO =
  'mutation($id: ID!) { undoRenewal(input: { id: $id }) { apiKey { renewalPending tokens { id } } } }';
const CREATE_LINK = /* GraphQL */ `
  mutation Link($apiKeyId: ID!, $token: String!) {
    createSingleAccessLink(input: { apiKeyId: $apiKeyId, token: $token }) {
      path
      expiresAt
    }
  }
`;
const REVEAL =
  'mutation($id: String!) { revealSingleAccessLink(input: { id: $id }) { key token } }';
const SETTINGS = /* GraphQL */ `
  mutation Settings($input: UpdateApiKeySettingsInput!) {
    updateApiKeySettings(input: $input) {
      settings {
        tokenDurationDays
        enforcement
        reminderLeadDays
        reminderRecipients
        webhookUrl
        webhookSigningSecret
      }
    }
  }
`;
const ALERTS = /* GraphQL */ `
  query Alerts($level: AlertLevel) {
    generatedKeys(filter: { alertLevel: $level }) {
      totalCount
      edges {
        node {
          name
          alertLevel
        }
      }
    }
    generatedKeysAlertSummary {
      orange
      red
      pendingOldTokenDeletions
    }
  }
`;
const HOUR = 60 * 60 * 1000;

interface Renewed {
  renewApiToken: {
    token: string;
    apiKey: { renewalPending: boolean; tokens: { id: string; lastUsedAt: string | null }[] };
  };
}

describe.each(testDatabases)('token lifecycle on $name', (database) => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof accountWithOwner>>;
  let viewerRole: string;

  beforeAll(async () => {
    server = await TestServer.start(database);
    owner = await accountWithOwner(server, 'acme');
    viewerRole = owner.roles.get('api-keys-read-only')!.id;
  });
  afterAll(async () => server.stop());

  const works = async (key: GeneratedKey, token = key.token) =>
    (await server.graphql(LIST, {}, { key: key.apiKey.key, token })).errors === undefined;
  const renew = (key: GeneratedKey, oldToken: string) =>
    server.graphql<Renewed>(RENEW, { id: key.apiKey.id, oldToken }, { cookie: owner.cookie });

  it('keeps both tokens working until the old one is deleted by hand', async () => {
    const key = await generateKey(server, owner.cookie, 'Renew later', [viewerRole]);
    const renewed = await renew(key, 'KEEP_UNTIL_DELETED');
    expect(renewed.errors).toBeUndefined();
    const newToken = renewed.data!.renewApiToken.token;
    expect(newToken).not.toBe(key.token);
    expect(renewed.data!.renewApiToken.apiKey.renewalPending).toBe(true);
    expect(await works(key)).toBe(true);
    expect(await works(key, newToken)).toBe(true);

    // Each token records its own last use (written in batches, at most once a minute).
    await server.keyward.services.lastUse.flush();
    const detail = await server.graphql<{ apiKey: { tokens: { lastUsedAt: string | null }[] } }>(
      'query($id: ID!) { apiKey(id: $id) { tokens { lastUsedAt } } }',
      { id: key.apiKey.id },
      { cookie: owner.cookie },
    );
    expect(detail.data!.apiKey.tokens.map((token) => token.lastUsedAt !== null)).toEqual([
      true,
      true,
    ]);

    expect(errorCode(await renew(key, 'DELETE_NOW'))).toBe('CONFLICT');
    const pendingList = await server.graphql<{
      generatedKeys: { edges: { node: { name: string } }[] };
    }>(
      'query { generatedKeys(filter: { renewalPending: true }) { edges { node { name } } } }',
      {},
      { cookie: owner.cookie },
    );
    expect(pendingList.data!.generatedKeys.edges.map((edge) => edge.node.name)).toEqual([
      'Renew later',
    ]);
    const deleted = await server.graphql(
      DELETE_OLD,
      { id: key.apiKey.id },
      { cookie: owner.cookie },
    );
    expect(deleted.data).toEqual({ deleteOldToken: { apiKey: { renewalPending: false } } });
    expect(await works(key)).toBe(false);
    expect(await works(key, newToken)).toBe(true);
    expect(
      errorCode(await server.graphql(DELETE_OLD, { id: key.apiKey.id }, { cookie: owner.cookie })),
    ).toBe('CONFLICT');
  });

  it('kills the old token at once with DELETE_NOW, and after the grace period otherwise', async () => {
    const now = await generateKey(server, owner.cookie, 'Renew now', [viewerRole]);
    const renewedNow = await renew(now, 'DELETE_NOW');
    expect(await works(now)).toBe(false);
    expect(await works(now, renewedNow.data!.renewApiToken.token)).toBe(true);

    const grace = await generateKey(server, owner.cookie, 'Renew with grace', [viewerRole]);
    const renewed = await renew(grace, 'EXPIRE_IN_1_HOUR');
    expect(await works(grace)).toBe(true);
    server.clock.advance(HOUR + 1000);
    expect(await works(grace)).toBe(false);
    expect(await works(grace, renewed.data!.renewApiToken.token)).toBe(true);
    // The grace period over, the key can be renewed again.
    expect((await renew(grace, 'DELETE_NOW')).errors).toBeUndefined();
  });

  it('undoes a renewal: the new token dies, the old one stays for good', async () => {
    const key = await generateKey(server, owner.cookie, 'Undo me', [viewerRole]);
    const renewed = await renew(key, 'EXPIRE_IN_24_HOURS');
    const undone = await server.graphql<{
      undoRenewal: { apiKey: { renewalPending: boolean; tokens: unknown[] } };
    }>(UNDO, { id: key.apiKey.id }, { cookie: owner.cookie });
    expect(undone.data!.undoRenewal.apiKey).toMatchObject({
      renewalPending: false,
      tokens: [expect.anything()],
    });
    expect(await works(key, renewed.data!.renewApiToken.token)).toBe(false);
    server.clock.advance(25 * HOUR);
    expect(await works(key)).toBe(true);
    const actions = (
      await server.dataSource.getRepository(AuditEvent).findBy({ targetId: key.apiKey.id })
    ).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(['api-key.token-renewed', 'api-key.renewal-undone']),
    );
  });

  const pendingRenewals = async () => {
    const listed = await server.graphql<{
      pending: { edges: { node: { name: string; renewalPending: boolean } }[] };
      settled: { edges: { node: { name: string; renewalPending: boolean } }[] };
      generatedKeysAlertSummary: { pendingOldTokenDeletions: number };
    }>(
      `query {
        pending: generatedKeys(first: 100, filter: { renewalPending: true }) {
          edges { node { name renewalPending } }
        }
        settled: generatedKeys(first: 100, filter: { renewalPending: false }) {
          edges { node { name renewalPending } }
        }
        generatedKeysAlertSummary { pendingOldTokenDeletions }
      }`,
      {},
      { cookie: owner.cookie },
    );
    const { pending, settled, generatedKeysAlertSummary } = listed.data!;
    // The filter, the banner and each key's own field must tell the same story.
    expect(pending.edges.every((edge) => edge.node.renewalPending)).toBe(true);
    expect(settled.edges.every((edge) => !edge.node.renewalPending)).toBe(true);
    expect(generatedKeysAlertSummary.pendingOldTokenDeletions).toBe(pending.edges.length);
    return pending.edges.map((edge) => edge.node.name).sort();
  };

  it('lists a key as renewal-pending exactly while its old token lives', async () => {
    const key = await generateKey(server, owner.cookie, 'Pending window', [viewerRole]);
    expect(await pendingRenewals()).not.toContain('Pending window');
    await renew(key, 'EXPIRE_IN_1_HOUR');
    expect(await pendingRenewals()).toContain('Pending window');
    server.clock.advance(HOUR + 1000);
    expect(await pendingRenewals()).not.toContain('Pending window');
    await renew(key, 'KEEP_UNTIL_DELETED');
    expect(await pendingRenewals()).toContain('Pending window');
    await server.graphql(UNDO, { id: key.apiKey.id }, { cookie: owner.cookie });
    expect(await pendingRenewals()).not.toContain('Pending window');
    await renew(key, 'EXPIRE_IN_7_DAYS');
    expect(await pendingRenewals()).toContain('Pending window');
    await server.graphql(DELETE_OLD, { id: key.apiKey.id }, { cookie: owner.cookie });
    expect(await pendingRenewals()).not.toContain('Pending window');
    await renew(key, 'DELETE_NOW');
    expect(await pendingRenewals()).not.toContain('Pending window');
  });

  it('backfills pending renewals from the tokens when the column is added', async () => {
    const kept = await generateKey(server, owner.cookie, 'Backfill kept', [viewerRole]);
    const graced = await generateKey(server, owner.cookie, 'Backfill graced', [viewerRole]);
    await renew(kept, 'KEEP_UNTIL_DELETED');
    await renew(graced, 'EXPIRE_IN_24_HOURS');
    const before = await pendingRenewals();
    expect(before).toEqual(expect.arrayContaining(['Backfill graced', 'Backfill kept']));
    const migration = new OldTokenLiveUntil1763950000000();
    const runner = server.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await pendingRenewals()).toEqual(before);
  });

  it('leaves exactly one pending renewal when many renewals race', async () => {
    const key = await generateKey(server, owner.cookie, 'Raced', [viewerRole]);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => renew(key, 'KEEP_UNTIL_DELETED')),
    );
    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === 'CONFLICT')).toHaveLength(7);
    expect(
      await server.dataSource.getRepository(ApiToken).countBy({ apiKeyId: key.apiKey.id }),
    ).toBe(2);
    expect(await works(key, succeeded[0]!.data!.renewApiToken.token)).toBe(true);
  });

  it('reveals a token once through a single-access link, which then says it has expired', async () => {
    const key = await generateKey(server, owner.cookie, 'Linked', [viewerRole]);
    const link = await server.graphql<{
      createSingleAccessLink: { path: string; expiresAt: string };
    }>(CREATE_LINK, { apiKeyId: key.apiKey.id, token: key.token }, { cookie: owner.cookie });
    expect(link.errors).toBeUndefined();
    const { path } = link.data!.createSingleAccessLink;
    expect(path).toMatch(/^\/credentials\/[\w-]{43}$/);
    const stored = await server.dataSource.getRepository(SingleAccessLink).find();
    expect(JSON.stringify(stored)).not.toContain(key.token);

    const id = path.split('/').at(-1)!;
    const opened = await server.graphql(REVEAL, { id });
    expect(opened.data).toEqual({
      revealSingleAccessLink: { key: key.apiKey.key, token: key.token },
    });
    const again = await server.graphql(REVEAL, { id });
    expect(errorCode(again)).toBe('NOT_FOUND');
    expect(again.errors?.[0]?.message).toMatch(/expired/);
  });

  it('expires unopened links after 24 hours and refuses links for stale or foreign tokens', async () => {
    const key = await generateKey(server, owner.cookie, 'Link expiry', [viewerRole]);
    const link = await server.graphql<{ createSingleAccessLink: { path: string } }>(
      CREATE_LINK,
      { apiKeyId: key.apiKey.id, token: key.token },
      { cookie: owner.cookie },
    );
    server.clock.advance(24 * HOUR + 1000);
    expect(
      errorCode(
        await server.graphql(REVEAL, {
          id: link.data!.createSingleAccessLink.path.split('/').at(-1),
        }),
      ),
    ).toBe('NOT_FOUND');
    // 24 hours later the token is no longer fresh enough to be linked.
    const stale = await server.graphql(
      CREATE_LINK,
      { apiKeyId: key.apiKey.id, token: key.token },
      { cookie: owner.cookie },
    );
    expect(stale.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
    const other = await generateKey(server, owner.cookie, 'Other link key');
    const foreign = await server.graphql(
      CREATE_LINK,
      { apiKeyId: key.apiKey.id, token: other.token },
      { cookie: owner.cookie },
    );
    expect(foreign.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('colours keys by token age and refuses outdated tokens only when enforcing', async () => {
    const fresh = await server.createAccount('alerts');
    const admin = await accountWithOwner(server, 'alerts-admin');
    void fresh;
    const aged = await generateKey(server, admin.cookie, 'Aged', [
      admin.roles.get('api-keys-read-only')!.id,
    ]);
    const young = await generateKey(server, admin.cookie, 'Young');
    const levels = async (level?: string) =>
      (
        await server.graphql<{
          generatedKeys: {
            totalCount: number;
            edges: { node: { name: string; alertLevel: string } }[];
          };
          generatedKeysAlertSummary: { orange: number; red: number };
        }>(ALERTS, { level }, { cookie: admin.cookie })
      ).data!;

    expect((await levels()).generatedKeysAlertSummary).toMatchObject({ orange: 0, red: 0 });
    server.clock.advanceDays(91);
    const afterDuration = await levels();
    expect(afterDuration.generatedKeys.edges.map((edge) => edge.node.alertLevel)).toEqual([
      'ORANGE',
      'ORANGE',
    ]);
    expect(afterDuration.generatedKeysAlertSummary).toMatchObject({ orange: 2, red: 0 });

    // Renewing one key resets its age.
    await server.graphql(
      RENEW,
      { id: young.apiKey.id, oldToken: 'DELETE_NOW' },
      { cookie: admin.cookie },
    );
    expect((await levels('NONE')).generatedKeys.edges.map((edge) => edge.node.name)).toEqual([
      'Young',
    ]);
    expect((await levels('ORANGE')).generatedKeys.edges.map((edge) => edge.node.name)).toEqual([
      'Aged',
    ]);

    // Six months of duration: back to no alert.
    const six = await server.graphql(
      SETTINGS,
      { input: { tokenDurationDays: 180 } },
      { cookie: admin.cookie },
    );
    expect(six.errors).toBeUndefined();
    expect((await levels('ORANGE')).generatedKeys.totalCount).toBe(0);
    await server.graphql(SETTINGS, { input: { tokenDurationDays: 1 } }, { cookie: admin.cookie });
    expect((await levels('RED')).generatedKeys.edges.map((edge) => edge.node.name)).toEqual([
      'Aged',
    ]);

    // Alert only: the outdated token still works. Enforce: EXPIRED.
    expect(await works(aged)).toBe(true);
    await server.graphql(SETTINGS, { input: { enforcement: 'ENFORCE' } }, { cookie: admin.cookie });
    expect(
      errorCode(await server.graphql(LIST, {}, { key: aged.apiKey.key, token: aged.token })),
    ).toBe('EXPIRED');
    // A wrong token stays UNAUTHENTICATED: EXPIRED is only told to the holder of the right one.
    expect(
      errorCode(await server.graphql(LIST, {}, { key: aged.apiKey.key, token: young.token })),
    ).toBe('UNAUTHENTICATED');
  });

  it('validates settings and guards them with Edit API Keys settings', async () => {
    const bad = async (input: Record<string, unknown>) =>
      (await server.graphql(SETTINGS, { input }, { cookie: owner.cookie })).errors?.[0]?.extensions;
    expect(await bad({ tokenDurationDays: 0 })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'tokenDurationDays',
    });
    expect(await bad({ reminderLeadDays: [0] })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reminderLeadDays',
    });
    expect(await bad({ reminderRecipients: ['not-an-email'] })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reminderRecipients',
    });
    expect(await bad({ webhookUrl: 'ftp://example.com' })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'webhookUrl',
    });
    const saved = await server.graphql<{
      updateApiKeySettings: {
        settings: { webhookSigningSecret: string; reminderLeadDays: number[] };
      };
    }>(
      SETTINGS,
      {
        input: {
          reminderLeadDays: [3, 14, 3],
          reminderRecipients: ['Ops@Acme.test'],
          webhookUrl: 'https://hooks.acme.test/keyward',
        },
      },
      { cookie: owner.cookie },
    );
    expect(saved.data!.updateApiKeySettings.settings.reminderLeadDays).toEqual([14, 3]);
    expect(saved.data!.updateApiKeySettings.settings.webhookSigningSecret).toMatch(
      /^[0-9a-f]{64}$/,
    );
    const withSecrets = 'https://hooks:s3cret-pass@hooks.acme.test/keyward?sig=s3cret-query';
    await server.graphql(
      SETTINGS,
      { input: { webhookUrl: withSecrets } },
      { cookie: owner.cookie },
    );
    const audited = JSON.stringify(
      await server.dataSource
        .getRepository(AuditEvent)
        .findBy({ accountId: owner.account.id, action: 'settings.updated' }),
    );
    expect(audited).toContain('https://redacted@hooks.acme.test/keyward?redacted');
    expect(audited).not.toContain('s3cret');
    const keyOnly = await generateKey(server, owner.cookie, 'Key viewer', [viewerRole]);
    expect(
      errorCode(
        await server.graphql(
          SETTINGS,
          { input: { tokenDurationDays: 90 } },
          { key: keyOnly.apiKey.key, token: keyOnly.token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
