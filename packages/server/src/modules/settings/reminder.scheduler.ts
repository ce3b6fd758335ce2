import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { addMs, DAY_MS, type Clock } from '../../common/clock.js';
import { isUniqueViolation } from '../../common/db-errors.js';
import { withConflictRetry } from '../../common/transaction-retry.js';
import { newId } from '../../common/ids.js';
import { sqlTimestamp } from '../../common/keyset.js';
import { Account } from '../accounts/account.entity.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { ApiToken } from '../api-keys/api-token.entity.js';
import { ApiKeySettings, defaultSettings } from './api-key-settings.entity.js';
import type { EgressPolicy } from '../webhooks/egress-policy.js';
import { webhookHost } from '../webhooks/webhook-url.js';
import { recordLifecycleEvent } from '../webhooks/lifecycle-event.js';
import {
  describeFailure,
  postWebhook,
  type ReminderMailer,
  type ReminderMessage,
} from './reminder-delivery.js';
import { tokenDueAt } from '../tokens/token-age.js';
import { ReminderStatus, TokenReminder } from './token-reminder.entity.js';

const CLAIM_MS = 2 * 60 * 1000;
const MAX_ATTEMPTS = 8;
const BATCH = 50;

/** 1, 2, 4 … minutes, at most 6 hours, between attempts. */
export const backoffMs = (attempts: number): number =>
  Math.min(60_000 * 2 ** (attempts - 1), 6 * 60 * 60 * 1000);

/**
 * Finds tokens nearing their duration and sends each reminder once. Creating a reminder
 * relies on a unique index (token, lead time); sending relies on a timed claim on the
 * row, so several servers can run this together without sending anything twice.
 */
export class ReminderScheduler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly mailer: ReminderMailer | null,
    /** Where webhooks may go: checked again at every send (see EgressPolicy). */
    private readonly egress: EgressPolicy,
    /** Tells the operator why a webhook was not delivered; the account sees only "failed". */
    private readonly logger: Pick<Logger, 'warn'> | null = null,
  ) {}

  async runOnce(): Promise<{ planned: number; delivered: number }> {
    const planned = await this.plan();
    const delivered = await this.deliverDue();
    return { planned, delivered };
  }

  /** Creates the reminders that have come due; the unique index drops duplicates. */
  async plan(): Promise<number> {
    const now = this.clock();
    const accounts = await this.dataSource.getRepository(Account).find({ select: { id: true } });
    const settingsRows = await this.dataSource.getRepository(ApiKeySettings).find();
    let created = 0;
    for (const account of accounts) {
      const settings =
        settingsRows.find((row) => row.accountId === account.id) ?? defaultSettings(account.id);
      for (const leadDays of settings.reminderLeadDays) {
        if (leadDays >= settings.tokenDurationDays) continue;
        // Current tokens of active keys whose "due minus lead" has passed but not their due date.
        const candidates = await this.dataSource
          .getRepository(ApiToken)
          .createQueryBuilder('t')
          .innerJoinAndSelect('t.apiKey', 'k')
          .where('k.accountId = :accountId AND k.active = 1 AND t.createdAt = k.tokenCreatedAt', {
            accountId: account.id,
          })
          .andWhere('t.createdAt <= :remindFrom AND t.createdAt > :dueFrom', {
            remindFrom: sqlTimestamp(addMs(now, -(settings.tokenDurationDays - leadDays) * DAY_MS)),
            dueFrom: sqlTimestamp(addMs(now, -settings.tokenDurationDays * DAY_MS)),
          })
          .andWhere(
            'NOT EXISTS (SELECT 1 FROM token_reminders r WHERE r.tokenId = t.id AND r.leadDays = :leadDays)',
            { leadDays },
          )
          .limit(500)
          .getMany();
        for (const token of candidates) {
          try {
            await this.write(() =>
              this.dataSource.getRepository(TokenReminder).insert({
                id: newId(),
                accountId: account.id,
                apiKeyId: token.apiKeyId,
                tokenId: token.id,
                leadDays,
                tokenDueAt: tokenDueAt(token.createdAt, settings.tokenDurationDays),
                status: ReminderStatus.PENDING,
                attempts: 0,
                nextAttemptAt: now,
                claimedUntil: null,
                sentAt: null,
                emailSentAt: null,
                webhookSentAt: null,
                lastError: null,
                createdAt: now,
              }),
            );
            /*
             * Only the planner whose insert won the unique index records key.expiring. Not in one
             * transaction with the reminder: planners race in one process, and on SQLite every
             * transaction shares one connection, where two beginning at once collide.
             */
            await recordLifecycleEvent(this.dataSource.manager, {
              type: 'key.expiring',
              accountId: account.id,
              data: {
                key: token.apiKey?.key,
                keyName: token.apiKey?.name,
                leadDays,
                tokenExpiresAt: tokenDueAt(
                  token.createdAt,
                  settings.tokenDurationDays,
                ).toISOString(),
              },
              occurredAt: now,
            });
            created += 1;
          } catch (error) {
            // Another server planned it first: that is the point of the unique index.
            if (!isUniqueViolation(error)) throw error;
          }
        }
      }
    }
    return created;
  }

  async deliverDue(): Promise<number> {
    const now = this.clock();
    const due = await this.dataSource
      .getRepository(TokenReminder)
      .createQueryBuilder('r')
      .where('r.status = :pending AND r.nextAttemptAt <= :now', {
        pending: ReminderStatus.PENDING,
        now: sqlTimestamp(now),
      })
      .andWhere('(r.claimedUntil IS NULL OR r.claimedUntil < :now)')
      .orderBy('r.nextAttemptAt', 'ASC')
      .limit(BATCH)
      .getMany();
    let delivered = 0;
    for (const reminder of due) {
      if (!(await this.claim(reminder, now))) continue;
      if (await this.deliver(reminder, now)) delivered += 1;
    }
    return delivered;
  }

  /** Only the server whose UPDATE matched sends; the others see zero rows affected. */
  private async claim(reminder: TokenReminder, now: Date): Promise<boolean> {
    const result = await this.write(() =>
      this.dataSource
        .createQueryBuilder()
        .update(TokenReminder)
        .set({ claimedUntil: addMs(now, CLAIM_MS) })
        .where('id = :id AND status = :pending', {
          id: reminder.id,
          pending: ReminderStatus.PENDING,
        })
        .andWhere('(claimedUntil IS NULL OR claimedUntil < :now)', { now: sqlTimestamp(now) })
        .execute(),
    );
    return result.affected === 1;
  }

  /**
   * On a multi-primary cluster a claim or a status change racing another server's fails at
   * commit with a certification conflict; it runs again and then sees the winner's row.
   */
  private write<T>(statement: () => Promise<T>): Promise<T> {
    return withConflictRetry(this.dataSource, statement);
  }

  private async deliver(reminder: TokenReminder, now: Date): Promise<boolean> {
    const reminders = this.dataSource.getRepository(TokenReminder);
    const repository = {
      update: (...args: Parameters<typeof reminders.update>) =>
        this.write(() => reminders.update(...args)),
    };
    const [key, account, settingsRow] = await Promise.all([
      this.dataSource.getRepository(ApiKey).findOneBy({ id: reminder.apiKeyId }),
      this.dataSource.getRepository(Account).findOneBy({ id: reminder.accountId }),
      this.dataSource.getRepository(ApiKeySettings).findOneBy({ accountId: reminder.accountId }),
    ]);
    const settings = settingsRow ?? defaultSettings(reminder.accountId);
    if (!key || !account) return false;
    const message: ReminderMessage = {
      accountSlug: account.slug,
      key: key.key,
      keyName: key.name,
      leadDays: reminder.leadDays,
      tokenExpiresAt: reminder.tokenDueAt,
    };
    const wantsEmail = this.mailer !== null && settings.reminderRecipients.length > 0;
    const wantsWebhook = Boolean(settings.webhookUrl && settings.webhookSigningSecret);
    if (!wantsEmail && !wantsWebhook) {
      await repository.update(
        { id: reminder.id },
        { status: ReminderStatus.RECORDED, sentAt: now, claimedUntil: null },
      );
      return true;
    }
    const errors: string[] = [];
    const progress: Partial<TokenReminder> = {};
    if (wantsEmail && !reminder.emailSentAt) {
      try {
        await this.mailer?.send(settings.reminderRecipients, message);
        progress.emailSentAt = now;
      } catch (error) {
        errors.push(`email: ${error instanceof Error ? error.message : 'failed'}`);
      }
    }
    if (wantsWebhook && !reminder.webhookSentAt) {
      const outcome = await postWebhook(
        this.egress,
        settings.webhookUrl as string,
        settings.webhookSigningSecret as string,
        message,
        now,
      );
      if (outcome.delivered) {
        progress.webhookSentAt = now;
      } else {
        errors.push(`webhook: ${describeFailure(outcome)}`);
        this.logger?.warn(
          {
            reminderId: reminder.id,
            accountId: reminder.accountId,
            webhookHost: webhookHost(settings.webhookUrl as string),
            failure: outcome.failure,
            status: outcome.status,
          },
          outcome.failure === 'refused'
            ? 'Webhook refused by the egress policy (private receivers need KEYWARD_WEBHOOK_ALLOW)'
            : 'Webhook not delivered',
        );
      }
    }
    const attempts = reminder.attempts + 1;
    if (errors.length === 0) {
      await repository.update(
        { id: reminder.id },
        {
          ...progress,
          attempts,
          status: ReminderStatus.SENT,
          sentAt: now,
          claimedUntil: null,
          lastError: null,
        },
      );
      return true;
    }
    await repository.update(
      { id: reminder.id },
      {
        ...progress,
        attempts,
        status: attempts >= MAX_ATTEMPTS ? ReminderStatus.FAILED : ReminderStatus.PENDING,
        nextAttemptAt: addMs(now, backoffMs(attempts)),
        claimedUntil: null,
        lastError: errors.join('; ').slice(0, 500),
      },
    );
    return false;
  }
}
