import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderMailer, signWebhookBody } from '../src/modules/settings/reminder-delivery.js';
import { ReminderScheduler } from '../src/modules/settings/reminder.scheduler.js';
import { TokenReminder } from '../src/modules/settings/token-reminder.entity.js';
import { testDatabases } from './support/databases.js';
import { accountWithOwner, generateKey } from './support/fixtures.js';
import { TestServer } from './support/test-server.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';
import { startSmtpCatcher } from './support/smtp-catcher.js';

const SETTINGS = /* GraphQL */ `
  mutation Settings($input: UpdateApiKeySettingsInput!) {
    updateApiKeySettings(input: $input) {
      settings {
        webhookSigningSecret
      }
    }
  }
`;

describe.each(testDatabases)('renewal reminders on $name', (database) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    receiver = await startWebhookReceiver();
    // The receiver listens on loopback, which webhooks reach only where the operator allows it.
    server = await TestServer.start(database, {
      smtpUrl: smtp.url,
      webhookAllow: ['127.0.0.1'],
    });
  });
  afterAll(async () => {
    await server.stop();
    await smtp.close();
    await receiver.close();
  });

  const reminders = () =>
    server.dataSource.getRepository(TokenReminder).find({ order: { leadDays: 'DESC' } });

  it('emails and signs a webhook once per lead time before the token reaches its duration', async () => {
    const owner = await accountWithOwner(server, 'remind');
    const settings = await server.graphql<{
      updateApiKeySettings: { settings: { webhookSigningSecret: string } };
    }>(
      SETTINGS,
      {
        input: {
          reminderLeadDays: [14, 3],
          reminderRecipients: ['ops@remind.test'],
          webhookUrl: receiver.url,
        },
      },
      { cookie: owner.cookie },
    );
    const secret = settings.data!.updateApiKeySettings.settings.webhookSigningSecret;
    const key = await generateKey(server, owner.cookie, 'Nightly ERP sync');
    const scheduler = server.keyward.services.reminders;

    expect(await scheduler.runOnce()).toEqual({ planned: 0, delivered: 0 });
    server.clock.advanceDays(90 - 14 + 0.1);
    expect(await scheduler.runOnce()).toEqual({ planned: 1, delivered: 1 });
    expect(await scheduler.runOnce()).toEqual({ planned: 0, delivered: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toBe('ops@remind.test');
    expect(smtp.received[0]!.subject).toContain(key.apiKey.key);
    expect(smtp.received[0]!.text).toContain('in 14 days');
    expect(receiver.calls).toHaveLength(1);
    const call = receiver.calls[0]!;
    expect(call.headers['x-keyward-signature']).toBe(
      signWebhookBody(secret, call.headers['x-keyward-timestamp'] as string, call.body),
    );
    expect(JSON.parse(call.body)).toMatchObject({
      event: 'token.reminder',
      key: key.apiKey.key,
      leadDays: 14,
    });
    expect(call.body).not.toContain(key.token);

    server.clock.advanceDays(11);
    await scheduler.runOnce();
    expect((await reminders()).map((reminder) => [reminder.leadDays, reminder.status])).toEqual([
      [14, 'SENT'],
      [3, 'SENT'],
    ]);
    expect(smtp.received).toHaveLength(2);
  });

  it('retries a failing channel with backoff without resending the one that worked', async () => {
    const owner = await accountWithOwner(server, 'retry');
    await server.graphql(
      SETTINGS,
      {
        input: {
          reminderLeadDays: [7],
          reminderRecipients: ['ops@retry.test'],
          webhookUrl: receiver.url,
        },
      },
      { cookie: owner.cookie },
    );
    const key = await generateKey(server, owner.cookie, 'Flaky receiver');
    const mailsFor = () => smtp.received.filter((mail) => mail.to === 'ops@retry.test').length;
    const callsFor = () =>
      receiver.calls.filter((call) => call.body.includes(key.apiKey.key)).length;
    receiver.failNext(1);
    server.clock.advanceDays(90 - 7 + 0.1);
    const scheduler = server.keyward.services.reminders;
    await scheduler.runOnce();
    const [failed] = await server.dataSource
      .getRepository(TokenReminder)
      .findBy({ apiKeyId: key.apiKey.id });
    expect(failed).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'webhook: failed with HTTP 503',
    });
    expect([mailsFor(), callsFor()]).toEqual([1, 1]);
    // Not before the backoff has passed.
    await scheduler.runOnce();
    expect(callsFor()).toBe(1);
    server.clock.advance(2 * 60 * 1000);
    await scheduler.runOnce();
    const [sent] = await server.dataSource
      .getRepository(TokenReminder)
      .findBy({ apiKeyId: key.apiKey.id });
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    expect([mailsFor(), callsFor()]).toEqual([1, 2]);
  });

  it('sends each reminder once even with several schedulers racing', async () => {
    const owner = await accountWithOwner(server, 'race');
    await server.graphql(
      SETTINGS,
      { input: { reminderLeadDays: [5], reminderRecipients: ['ops@race.test'] } },
      { cookie: owner.cookie },
    );
    for (let index = 0; index < 3; index++)
      await generateKey(server, owner.cookie, `Raced ${index}`);
    const mailsBefore = smtp.received.length;
    server.clock.advanceDays(90 - 5 + 0.1);
    const mailer = new ReminderMailer(smtp.url, 'keyward@test.local');
    const schedulers = Array.from(
      { length: 4 },
      () =>
        new ReminderScheduler(
          server.dataSource,
          server.clock.now,
          mailer,
          server.keyward.services.webhookEgress,
        ),
    );
    await Promise.all(schedulers.map((scheduler) => scheduler.runOnce()));
    await Promise.all(schedulers.map((scheduler) => scheduler.runOnce()));
    const raced = smtp.received.slice(mailsBefore).filter((mail) => mail.to === 'ops@race.test');
    expect(raced).toHaveLength(3);
    mailer.close();
  });

  it('records reminders without any channel configured and shows them', async () => {
    const owner = await accountWithOwner(server, 'quiet');
    await generateKey(server, owner.cookie, 'Quiet key');
    server.clock.advanceDays(90 - 14 + 0.1);
    await server.keyward.services.reminders.runOnce();
    const listed = await server.graphql<{
      tokenReminders: { status: string; leadDays: number; apiKey: { name: string } }[];
    }>('{ tokenReminders { status leadDays apiKey { name } } }', {}, { cookie: owner.cookie });
    expect(listed.data!.tokenReminders).toEqual([
      { status: 'RECORDED', leadDays: 14, apiKey: { name: 'Quiet key' } },
    ]);
  });
});
