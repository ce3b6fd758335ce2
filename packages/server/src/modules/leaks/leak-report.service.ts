import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { In, type DataSource } from 'typeorm';
import type { Clock } from '../../common/clock.js';
import { isMysqlFamily } from '../../common/dialect.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { ApiToken } from '../api-keys/api-token.entity.js';
import { deactivateKeyIn } from '../api-keys/key-deactivation.js';
import { recordSystemAudit } from '../audit/audit.service.js';
import type { ApiKeySettingsService } from '../settings/api-key-settings.service.js';
import type { ReminderMailer } from '../settings/reminder-delivery.js';
import { hashToken, hasValidChecksum } from '../tokens/api-token.secret.js';
import { isLiveToken } from '../tokens/token-liveness.js';
import type { AuthChanges } from '../verification/auth-changes.js';
import { recordLifecycleEvent } from '../webhooks/lifecycle-event.js';

/** One match in a secret scanner's report (GitHub's secret scanning partner program). */
export interface LeakReport {
  token: string;
  type: string;
  url: string;
  source: string;
}

/**
 * The answer per match, in GitHub's feedback format. `token_hash` (SHA-256, hex) rather than
 * `token_raw`: the format accepts either, and a token is never echoed back.
 */
export interface LeakVerdict {
  token_hash: string;
  token_type: string;
  label: 'true_positive' | 'false_positive';
}

const REPORTER = 'secret scanning report';
const MAX_URL_LENGTH = 500;

/**
 * Handles reports of exposed tokens: look-alikes (failing the checksum) cost nothing, a live
 * token marks its key leaked, audits, notifies and (by the account's policy) deactivates it.
 * Answers never say to which account a token belongs.
 */
export class LeakReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenSecrets: readonly string[],
    private readonly clock: Clock,
    private readonly authChanges: AuthChanges,
    private readonly settings: ApiKeySettingsService,
    private readonly mailer: ReminderMailer | null,
    private readonly logger: Pick<Logger, 'warn'> | null,
  ) {}

  async handle(reports: readonly LeakReport[], sourceIp: string | null): Promise<LeakVerdict[]> {
    const verdicts: LeakVerdict[] = [];
    for (const report of reports) {
      const apiKeyId = hasValidChecksum(report.token) ? await this.liveKeyOf(report.token) : null;
      if (apiKeyId) await this.markLeaked(apiKeyId, report, sourceIp);
      verdicts.push({
        token_hash: createHash('sha256').update(report.token).digest('hex'),
        token_type: report.type,
        label: apiKeyId ? 'true_positive' : 'false_positive',
      });
    }
    return verdicts;
  }

  /** The key of a token that still works (hashed with the current secret, or the previous one). */
  private async liveKeyOf(token: string): Promise<string | null> {
    const hashes = this.tokenSecrets.map((secret) => hashToken(secret, token));
    const now = this.clock();
    const found = await this.dataSource.getRepository(ApiToken).find({
      select: { id: true, apiKeyId: true, expiresAt: true },
      where: { tokenHash: In(hashes) },
    });
    return found.find((candidate) => isLiveToken(candidate, now))?.apiKeyId ?? null;
  }

  private async markLeaked(apiKeyId: string, report: LeakReport, sourceIp: string | null) {
    const url = report.url.slice(0, MAX_URL_LENGTH);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const query = manager
        .getRepository(ApiKey)
        .createQueryBuilder('k')
        .where('k.id = :id', { id: apiKeyId });
      if (isMysqlFamily(manager)) query.setLock('pessimistic_write');
      const key = await query.getOne();
      // A report sent again (scanners retry) changes and notifies nothing.
      if (!key || (key.leakedAt !== null && key.leakedUrl === url)) return null;
      const now = this.clock();
      key.leakedAt = now;
      key.leakedUrl = url;
      key.updatedAt = now;
      await manager.save(ApiKey, key);
      const audit = (entry: Parameters<typeof recordSystemAudit>[3]) =>
        recordSystemAudit(manager, REPORTER, sourceIp, entry);
      const where = { url, source: report.source, type: report.type };
      await audit({
        accountId: key.accountId,
        action: 'api-key.leaked',
        target: { type: 'api-key', id: key.id, label: key.key },
        details: where,
      });
      await recordLifecycleEvent(manager, {
        type: 'key.leaked',
        accountId: key.accountId,
        data: { key: key.key, keyName: key.name, ...where },
        occurredAt: now,
      });
      const settings = await this.settings.forAccount(key.accountId, manager);
      const deactivate = settings.deactivateLeakedKeys && key.active;
      if (deactivate) await deactivateKeyIn(manager, key, now, audit, { reason: 'leaked' });
      return { key, deactivated: deactivate, recipients: settings.reminderRecipients };
    });
    if (!outcome) return;
    if (outcome.deactivated) await this.authChanges.keyChanged(apiKeyId, outcome.key.accountId);
    await this.notify(outcome.key, outcome.deactivated, outcome.recipients);
  }

  /** Email to the reminder recipients; a failure is the operator's to see, the mark stays. */
  private async notify(key: ApiKey, deactivated: boolean, recipients: string[]): Promise<void> {
    if (!this.mailer || recipients.length === 0) return;
    try {
      await this.mailer.sendNotice(recipients, {
        subject: `[Keyward] A token of ${key.key} was found exposed`,
        text: [
          `A secret scanner reported a token of the API key ${key.key} ("${key.name}") exposed at:`,
          key.leakedUrl ?? '',
          '',
          deactivated
            ? 'The key was deactivated. Renew its token, update the integration, then activate it again.'
            : 'The key is still active: renew its token now, then update the integration.',
        ].join('\n'),
      });
    } catch (error) {
      this.logger?.warn(
        { apiKeyId: key.id, err: error instanceof Error ? error.message : 'failed' },
        'Leak notice email not sent',
      );
    }
  }
}
