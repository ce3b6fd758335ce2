import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { EgressPolicy } from '../webhooks/egress-policy.js';
import { safeWebhookPost, type WebhookOutcome } from '../webhooks/safe-webhook-post.js';

export interface ReminderMessage {
  accountSlug: string;
  key: string;
  keyName: string;
  leadDays: number;
  tokenExpiresAt: Date;
}

/** Email over SMTP (nodemailer); absent when no SMTP server is configured. */
export class ReminderMailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(recipients: string[], message: ReminderMessage): Promise<void> {
    const due = message.tokenExpiresAt.toISOString().slice(0, 10);
    await this.transport.sendMail({
      from: this.from,
      to: recipients,
      subject: `[Keyward] Token of ${message.key} reaches its duration in ${message.leadDays} days`,
      text: [
        `The token of the API key ${message.key} ("${message.keyName}") in account ${message.accountSlug}`,
        `reaches its duration on ${due} (in ${message.leadDays} days).`,
        '',
        'Renew it in Account settings > API keys > Generated, then update the integration.',
      ].join('\n'),
    });
  }

  /** Any other notice to the account's reminder recipients (a leak, an inactivity warning). */
  async sendNotice(recipients: string[], notice: { subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: recipients, ...notice });
  }

  close(): void {
    this.transport.close();
  }
}

/** The body is signed with HMAC-SHA256 so receivers can check it came from this account. */
export const signWebhookBody = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** Posts a signed reminder under the egress policy; the outcome says delivered or failed. */
export const postWebhook = (
  egress: EgressPolicy,
  url: string,
  secret: string,
  message: ReminderMessage,
  now: Date,
): Promise<WebhookOutcome> =>
  postSignedEvent(
    egress,
    url,
    secret,
    {
      event: 'token.reminder',
      account: message.accountSlug,
      key: message.key,
      keyName: message.keyName,
      leadDays: message.leadDays,
      tokenExpiresAt: message.tokenExpiresAt.toISOString(),
    },
    now,
  );

/** Posts any event to the account's reminder webhook, signed as reminders are. */
export const postSignedEvent = async (
  egress: EgressPolicy,
  url: string,
  secret: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<WebhookOutcome> => {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return safeWebhookPost(
    egress,
    url,
    {
      'content-type': 'application/json',
      'x-keyward-timestamp': timestamp,
      'x-keyward-signature': signWebhookBody(secret, timestamp, body),
    },
    body,
  );
};

/** What is recorded of a failed delivery: the HTTP status at most, never a network detail. */
export const describeFailure = (outcome: WebhookOutcome): string =>
  outcome.status === null ? 'failed' : `failed with HTTP ${outcome.status}`;
