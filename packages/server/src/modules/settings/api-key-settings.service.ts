import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../../common/app-error.js';
import type { Clock } from '../../common/clock.js';
import type { AuthChanges } from '../verification/auth-changes.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireAnyResource, requireResource } from '../auth/authorization.js';
import type { Caller } from '../auth/principal.js';
import { Resources } from '../roles/resource-catalog.js';
import type { EgressPolicy } from '../webhooks/egress-policy.js';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity.js';
import { redactedUrl, validWebhookUrl } from '../webhooks/webhook-url.js';
import { TokenReminder } from './token-reminder.entity.js';
import {
  ApiKeySettings,
  defaultSettings,
  type TokenEnforcement,
} from './api-key-settings.entity.js';

export const MAX_DURATION_DAYS = 3650;
const EMAIL_PATTERN = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

export interface SettingsChanges {
  tokenDurationDays?: number | null;
  enforcement?: TokenEnforcement | null;
  reminderLeadDays?: readonly number[] | null;
  reminderRecipients?: readonly string[] | null;
  /** An empty string removes the webhook. */
  webhookUrl?: string | null;
}

export class ApiKeySettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly authChanges: AuthChanges,
    private readonly egress: EgressPolicy,
  ) {}

  async get(caller: Caller): Promise<ApiKeySettings> {
    const principal = requireAnyResource(caller, [
      Resources.viewApiKeys,
      Resources.editApiKeysSettings,
    ]);
    return this.forAccount(principal.accountId);
  }

  /** The webhook signing secret is a credential: only settings admins of its account read it. */
  signingSecretFor(caller: Caller, settings: ApiKeySettings): string | null {
    const principal = caller.principal;
    if (!principal || principal.accountId !== settings.accountId) return null;
    return principal.resources.has(Resources.editApiKeysSettings)
      ? settings.webhookSigningSecret
      : null;
  }

  /** The latest reminders of the account, with their keys: what was sent, or only recorded. */
  async reminders(caller: Caller, first: number): Promise<TokenReminder[]> {
    const principal = requireResource(caller, Resources.viewApiKeys);
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badInput('first', 'Must be between 1 and 100.');
    return this.dataSource.getRepository(TokenReminder).find({
      where: { accountId: principal.accountId },
      relations: { apiKey: true },
      order: { createdAt: 'DESC' },
      take: first,
    });
  }

  async forAccount(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApiKeySettings> {
    return (
      (await manager.getRepository(ApiKeySettings).findOneBy({ accountId })) ??
      defaultSettings(accountId)
    );
  }

  /** Settings of many accounts in one query (DataLoader batch). */
  async forAccounts(accountIds: readonly string[]): Promise<ApiKeySettings[]> {
    const rows = await this.dataSource
      .getRepository(ApiKeySettings)
      .createQueryBuilder('s')
      .where('s.accountId IN (:...ids)', { ids: [...accountIds] })
      .getMany();
    return accountIds.map((id) => rows.find((row) => row.accountId === id) ?? defaultSettings(id));
  }

  async update(caller: Caller, changes: SettingsChanges): Promise<ApiKeySettings> {
    const principal = requireResource(caller, Resources.editApiKeysSettings);
    const validated = await this.validate(changes);
    const saved = await this.dataSource.transaction(async (manager) => {
      const settings = await this.forAccount(principal.accountId, manager);
      const isNew = settings.updatedAt.getTime() === 0;
      Object.assign(settings, validated, { updatedAt: this.clock() });
      if (settings.webhookUrl && !settings.webhookSigningSecret) {
        settings.webhookSigningSecret = randomBytes(32).toString('hex');
      }
      // The secret also signs lifecycle webhooks: it stays while any endpoint exists.
      if (
        !settings.webhookUrl &&
        !(await manager.getRepository(WebhookEndpoint).existsBy({ accountId: principal.accountId }))
      )
        settings.webhookSigningSecret = null;
      if (isNew) await manager.insert(ApiKeySettings, settings);
      else await manager.save(ApiKeySettings, settings);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'settings.updated',
        target: { type: 'settings', id: principal.accountId, label: 'API key settings' },
        // The signing secret never goes to the audit trail, nor credentials in the webhook URL.
        details: {
          ...changes,
          ...(changes.webhookUrl ? { webhookUrl: redactedUrl(changes.webhookUrl) } : {}),
        },
      });
      return settings;
    });
    // Duration and enforcement decide verifications: caches everywhere start over.
    await this.authChanges.everythingChanged();
    return saved;
  }

  private async validate(changes: SettingsChanges): Promise<Partial<ApiKeySettings>> {
    const out: Partial<ApiKeySettings> = {};
    if (changes.tokenDurationDays != null) {
      const days = changes.tokenDurationDays;
      if (!Number.isInteger(days) || days < 1 || days > MAX_DURATION_DAYS) {
        throw badInput('tokenDurationDays', `Choose between 1 and ${MAX_DURATION_DAYS} days.`);
      }
      out.tokenDurationDays = days;
    }
    if (changes.enforcement != null) out.enforcement = changes.enforcement;
    if (changes.reminderLeadDays != null) {
      const days = [...new Set(changes.reminderLeadDays)].sort((a, b) => b - a);
      if (days.length > 5 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 365)) {
        throw badInput('reminderLeadDays', 'Use up to 5 reminders, each 1 to 365 days ahead.');
      }
      out.reminderLeadDaysList = days.join(',');
    }
    if (changes.reminderRecipients != null) {
      const emails = [
        ...new Set(changes.reminderRecipients.map((email) => email.trim().toLowerCase())),
      ];
      if (
        emails.length > 20 ||
        emails.some((email) => !EMAIL_PATTERN.test(email) || email.length > 254)
      ) {
        throw badInput('reminderRecipients', 'Enter up to 20 valid email addresses.');
      }
      out.reminderRecipientsList = emails.join(',');
    }
    if (changes.webhookUrl != null) {
      out.webhookUrl =
        changes.webhookUrl.trim() === ''
          ? null
          : await validWebhookUrl(this.egress, changes.webhookUrl.trim(), 'webhookUrl');
    }
    return out;
  }
}
