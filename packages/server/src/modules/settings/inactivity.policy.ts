import type { Logger } from 'pino';
import { IsNull, Not, type DataSource } from 'typeorm';
import { addMs, DAY_MS, type Clock } from '../../common/clock.js';
import { isMysqlFamily } from '../../common/dialect.js';
import { sqlTimestamp } from '../../common/keyset.js';
import { withConflictRetry } from '../../common/transaction-retry.js';
import { Account } from '../accounts/account.entity.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { inactiveSince, warnedThisStretch } from '../api-keys/inactivity.js';
import { deactivateKeyIn } from '../api-keys/key-deactivation.js';
import { recordSystemAudit } from '../audit/audit.service.js';
import type { AuthChanges } from '../verification/auth-changes.js';
import type { EgressPolicy } from '../webhooks/egress-policy.js';
import { ApiKeySettings } from './api-key-settings.entity.js';
import { postSignedEvent, type ReminderMailer } from './reminder-delivery.js';

/** Days between the warning and the deactivation it announces. */
export const INACTIVITY_WARNING_DAYS = 7;
const BATCH = 500;

export const inactivityPolicyLabel = (days: number): string => `inactivity policy: ${days} days`;

/**
 * The per-account inactivity policy, run by the background job: a key unused for the window
 * minus INACTIVITY_WARNING_DAYS is warned (email and the reminder webhook) once per stretch of
 * inactivity, and deactivated once the window has passed and the warning is that many days
 * old. So enabling the policy never deactivates a key without notice. Safe on several servers:
 * the warning is claimed by a conditional UPDATE, the deactivation re-checked under a row lock.
 */
export class InactivityPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly authChanges: AuthChanges,
    private readonly mailer: ReminderMailer | null,
    private readonly egress: EgressPolicy,
    private readonly logger: Pick<Logger, 'warn'> | null = null,
  ) {}

  async runOnce(): Promise<{ warned: number; deactivated: number }> {
    const policies = await this.dataSource
      .getRepository(ApiKeySettings)
      .findBy({ inactivityDays: Not(IsNull()) });
    let [warned, deactivated] = [0, 0];
    for (const settings of policies) {
      deactivated += await this.deactivate(settings);
      warned += await this.warn(settings);
    }
    return { warned, deactivated };
  }

  private activeKeys(accountId: string) {
    return this.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder('k')
      .where('k.accountId = :accountId AND k.active = :active', { accountId, active: true });
  }

  private async deactivate(settings: ApiKeySettings): Promise<number> {
    const days = settings.inactivityDays as number;
    const now = this.clock();
    const params = {
      cutoff: sqlTimestamp(addMs(now, -days * DAY_MS)),
      warnedBefore: sqlTimestamp(addMs(now, -INACTIVITY_WARNING_DAYS * DAY_MS)),
    };
    const due = (query: ReturnType<typeof this.activeKeys>) =>
      query
        .andWhere(inactiveSince('k.', 'cutoff'), params)
        .andWhere(warnedThisStretch('k.'))
        .andWhere('k.inactivityWarnedAt <= :warnedBefore', params);
    const candidates = await due(this.activeKeys(settings.accountId))
      .select(['k.id'])
      .limit(BATCH)
      .getMany();
    const label = inactivityPolicyLabel(days);
    let deactivated = 0;
    for (const { id } of candidates) {
      const done = await withConflictRetry(this.dataSource, () =>
        this.dataSource.transaction(async (manager) => {
          // Again under the row's lock: a use flushed or an admin's change since wins.
          const query = due(
            manager
              .getRepository(ApiKey)
              .createQueryBuilder('k')
              .where('k.id = :id AND k.accountId = :accountId AND k.active = :active', {
                id,
                accountId: settings.accountId,
                active: true,
              }),
          );
          if (isMysqlFamily(manager)) query.setLock('pessimistic_write');
          const key = await query.getOne();
          if (!key) return false;
          await deactivateKeyIn(
            manager,
            key,
            this.clock(),
            (entry) => recordSystemAudit(manager, label, null, entry),
            { reason: 'inactivity', policy: label },
          );
          return true;
        }),
      );
      if (!done) continue;
      deactivated += 1;
      await this.authChanges.keyChanged(id, settings.accountId);
    }
    return deactivated;
  }

  private async warn(settings: ApiKeySettings): Promise<number> {
    const days = settings.inactivityDays as number;
    const now = this.clock();
    const params = {
      warnFrom: sqlTimestamp(addMs(now, -(days - INACTIVITY_WARNING_DAYS) * DAY_MS)),
    };
    const candidates = await this.activeKeys(settings.accountId)
      .andWhere(inactiveSince('k.', 'warnFrom'), params)
      .andWhere(`NOT (${warnedThisStretch('k.')})`)
      .limit(BATCH)
      .getMany();
    if (candidates.length === 0) return 0;
    const account = await this.dataSource
      .getRepository(Account)
      .findOneByOrFail({ id: settings.accountId });
    let warned = 0;
    for (const key of candidates) {
      // Only the server whose UPDATE matched warns: once per key and stretch of inactivity.
      const claimed = await withConflictRetry(this.dataSource, () =>
        this.dataSource
          .createQueryBuilder()
          .update(ApiKey)
          .set({ inactivityWarnedAt: now })
          .where('id = :id AND active = :active', { id: key.id, active: true })
          .andWhere(inactiveSince('', 'warnFrom'), params)
          .andWhere(`NOT (${warnedThisStretch('')})`)
          .execute(),
      );
      if (claimed.affected !== 1) continue;
      warned += 1;
      await this.sendWarning(settings, account.slug, key, now);
    }
    return warned;
  }

  /** One attempt per channel: a failure is logged for the operator (the key still shows it). */
  private async sendWarning(
    settings: ApiKeySettings,
    accountSlug: string,
    key: ApiKey,
    now: Date,
  ): Promise<void> {
    const days = settings.inactivityDays as number;
    const lastActivity = Math.max(key.tokenCreatedAt.getTime(), key.lastUsedAt?.getTime() ?? 0);
    const deactivatesAt = new Date(
      Math.max(lastActivity + days * DAY_MS, now.getTime() + INACTIVITY_WARNING_DAYS * DAY_MS),
    );
    const due = deactivatesAt.toISOString().slice(0, 10);
    if (this.mailer && settings.reminderRecipients.length > 0) {
      await this.mailer
        .sendNotice(settings.reminderRecipients, {
          subject: `[Keyward] ${key.key} will be deactivated for inactivity on ${due}`,
          text: [
            `The API key ${key.key} ("${key.name}") in account ${accountSlug} has not been used`,
            `since ${new Date(lastActivity).toISOString().slice(0, 10)}. Under the account's ${inactivityPolicyLabel(days)},`,
            `it will be deactivated on ${due} unless one of its tokens is used or renewed before.`,
          ].join('\n'),
        })
        .catch((error: unknown) =>
          this.logger?.warn(
            { apiKeyId: key.id, err: error instanceof Error ? error.message : 'failed' },
            'Inactivity warning email not sent',
          ),
        );
    }
    if (settings.webhookUrl && settings.webhookSigningSecret) {
      const outcome = await postSignedEvent(
        this.egress,
        settings.webhookUrl,
        settings.webhookSigningSecret,
        {
          event: 'key.inactivity_warning',
          account: accountSlug,
          key: key.key,
          keyName: key.name,
          inactivityDays: days,
          lastActivityAt: new Date(lastActivity).toISOString(),
          deactivatesAt: deactivatesAt.toISOString(),
        },
        now,
      );
      if (!outcome.delivered)
        this.logger?.warn(
          { apiKeyId: key.id, status: outcome.status, failure: outcome.failure },
          'Inactivity warning webhook not delivered',
        );
    }
  }
}
