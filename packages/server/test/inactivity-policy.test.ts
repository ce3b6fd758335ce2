import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../src/modules/api-keys/api-key.entity.js';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { WebhookEvent } from '../src/modules/webhooks/webhook-event.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, errorCode, generateKey } from './support/fixtures.js';
import { startSmtpCatcher } from './support/smtp-catcher.js';
import { TestServer } from './support/test-server.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

const SETTINGS = /* GraphQL */ `
  mutation Settings($input: UpdateApiKeySettingsInput!) {
    updateApiKeySettings(input: $input) {
      settings {
        inactivityDays
      }
    }
  }
`;
const INACTIVE = /* GraphQL */ `
  query Inactive($days: Int) {
    generatedKeys(first: 50, filter: { inactiveForDays: $days }) {
      totalCount
      edges {
        node {
          name
        }
      }
    }
  }
`;
const ACTIVATE = /* GraphQL */ `
  mutation Activate($id: ID!) {
    activateApiKey(input: { id: $id }) {
      apiKey {
        status
      }
    }
  }
`;

describe.each(testDatabases)('inactivity policy on $name', (database) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    receiver = await startWebhookReceiver();
    server = await TestServer.start(database, { smtpUrl: smtp.url, webhookAllow: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await server.stop();
    await smtp.close();
    await receiver.close();
  });

  const policy = () => server.keyward.services.inactivity;
  const statusOf = async (id: string) =>
    (await server.dataSource.getRepository(ApiKey).findOneByOrFail({ id })).active;
  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to === address);
  /** A real authentication with the key's token, written to lastUsedAt as the batch does. */
  const use = async (key: { apiKey: { key: string }; token: string }) => {
    await server.graphql(
      '{ apiKeySettings { tokenDurationDays } }',
      {},
      {
        key: key.apiKey.key,
        token: key.token,
      },
    );
    await server.keyward.services.lastUse.flush();
  };

  it('accepts a window of 30 to 365 days, or none, and refuses anything else', async () => {
    const owner = await accountWithOwner(server, 'bounds');
    const set = (inactivityDays: unknown) =>
      server.graphql<{ updateApiKeySettings: { settings: { inactivityDays: number | null } } }>(
        SETTINGS,
        { input: { inactivityDays } },
        { cookie: owner.cookie },
      );
    for (const days of [29, 366, 0, -30]) expect(errorCode(await set(days))).toBe('BAD_USER_INPUT');
    expect((await set(30)).data!.updateApiKeySettings.settings.inactivityDays).toBe(30);
    expect((await set(365)).data!.updateApiKeySettings.settings.inactivityDays).toBe(365);
    // Another field alone leaves the window as it is; null turns the policy off.
    const other = await server.graphql<{
      updateApiKeySettings: { settings: { inactivityDays: number | null } };
    }>(SETTINGS, { input: { reminderLeadDays: [7] } }, { cookie: owner.cookie });
    expect(other.data!.updateApiKeySettings.settings.inactivityDays).toBe(365);
    expect((await set(null)).data!.updateApiKeySettings.settings.inactivityDays).toBeNull();
  });

  it('warns once before the window ends, then deactivates the unused key only', async () => {
    const owner = await accountWithOwner(server, 'idle');
    await server.graphql(
      SETTINGS,
      {
        input: {
          inactivityDays: 30,
          reminderRecipients: ['ops@idle.test'],
          webhookUrl: receiver.url,
        },
      },
      { cookie: owner.cookie },
    );
    await server.graphql(
      /* GraphQL */ `
        mutation Subscribe($input: CreateWebhookEndpointInput!) {
          createWebhookEndpoint(input: $input) {
            endpoint {
              id
            }
          }
        }
      `,
      { input: { url: 'https://hooks.idle.test/keyward', eventTypes: ['KEY_DEACTIVATED'] } },
      { cookie: owner.cookie },
    );
    const idle = await generateKey(server, owner.cookie, 'Idle integration');
    const busy = await generateKey(server, owner.cookie, 'Busy integration');
    const webhooksFor = (key: string) => receiver.bodies().filter((body) => body.includes(key));

    server.clock.advanceDays(22);
    await use(busy);
    await policy().runOnce();
    expect(mailsTo('ops@idle.test')).toHaveLength(0);

    server.clock.advanceDays(1.5);
    await policy().runOnce();
    await policy().runOnce();
    expect(mailsTo('ops@idle.test')).toHaveLength(1);
    expect(mailsTo('ops@idle.test')[0]!.subject).toContain(idle.apiKey.key);
    expect(mailsTo('ops@idle.test')[0]!.text).toContain('inactivity policy: 30 days');
    expect(webhooksFor(idle.apiKey.key)).toHaveLength(1);
    expect(JSON.parse(webhooksFor(idle.apiKey.key)[0]!)).toMatchObject({
      event: 'key.inactivity_warning',
      inactivityDays: 30,
    });
    expect(webhooksFor(idle.apiKey.key)[0]).not.toContain(idle.token);
    expect([await statusOf(idle.apiKey.id), await statusOf(busy.apiKey.id)]).toEqual([true, true]);

    server.clock.advanceDays(7.5);
    await policy().runOnce();
    expect([await statusOf(idle.apiKey.id), await statusOf(busy.apiKey.id)]).toEqual([false, true]);
    expect(mailsTo('ops@idle.test')).toHaveLength(1);
    // Refused everywhere at once, as after an admin's deactivation.
    const refused = await server.graphql(
      '{ apiKeySettings { tokenDurationDays } }',
      {},
      {
        key: idle.apiKey.key,
        token: idle.token,
      },
    );
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    const [event] = await server.dataSource
      .getRepository(AuditEvent)
      .findBy({ targetId: idle.apiKey.id, action: 'api-key.deactivated' });
    expect(event).toMatchObject({ actorType: 'system', actorLabel: 'inactivity policy: 30 days' });
    expect(JSON.parse(event!.details!)).toEqual({
      reason: 'inactivity',
      policy: 'inactivity policy: 30 days',
    });
    const [deactivatedEvent] = await server.dataSource
      .getRepository(WebhookEvent)
      .findBy({ accountId: owner.account.id, type: 'key.deactivated' });
    expect(JSON.parse(deactivatedEvent!.payload)).toMatchObject({
      data: { key: idle.apiKey.key, reason: 'inactivity', policy: 'inactivity policy: 30 days' },
    });

    // The filter: idle for 31 days, busy for 9.
    const names = async (days: number) =>
      (
        await server.graphql<{ generatedKeys: { edges: { node: { name: string } }[] } }>(
          INACTIVE,
          { days },
          { cookie: owner.cookie },
        )
      ).data!.generatedKeys.edges.map((edge) => edge.node.name);
    expect(await names(30)).toEqual(['Idle integration']);
    expect((await names(5)).sort()).toEqual(['Busy integration', 'Idle integration']);
    expect(await names(10)).toEqual(['Idle integration']);
    for (const days of [0, 3651]) {
      expect(errorCode(await server.graphql(INACTIVE, { days }, { cookie: owner.cookie }))).toBe(
        'BAD_USER_INPUT',
      );
    }

    // Reactivated by an admin: warned afresh before any new deactivation.
    await server.graphql(ACTIVATE, { id: idle.apiKey.id }, { cookie: owner.cookie });
    await policy().runOnce();
    expect(await statusOf(idle.apiKey.id)).toBe(true);
    expect(mailsTo('ops@idle.test')).toHaveLength(2);
  });

  it('never deactivates without notice when the policy is switched on for old keys', async () => {
    const owner = await accountWithOwner(server, 'late');
    const old = await generateKey(server, owner.cookie, 'Forgotten');
    server.clock.advanceDays(100);
    await policy().runOnce();
    await server.graphql(
      SETTINGS,
      { input: { inactivityDays: 60, reminderRecipients: ['ops@late.test'] } },
      { cookie: owner.cookie },
    );
    await policy().runOnce();
    expect(await statusOf(old.apiKey.id)).toBe(true);
    expect(mailsTo('ops@late.test')).toHaveLength(1);
    server.clock.advanceDays(6.9);
    await policy().runOnce();
    expect(await statusOf(old.apiKey.id)).toBe(true);
    server.clock.advanceDays(0.2);
    await policy().runOnce();
    expect(await statusOf(old.apiKey.id)).toBe(false);
  });

  it('leaves keys alone when the account has no policy', async () => {
    const owner = await accountWithOwner(server, 'nopolicy');
    const key = await generateKey(server, owner.cookie, 'Unwatched');
    server.clock.advanceDays(400);
    await policy().runOnce();
    expect(await statusOf(key.apiKey.id)).toBe(true);
  });
});
