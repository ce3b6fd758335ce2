import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { systemClock, type Clock } from './common/clock.js';
import { AccountService } from './modules/accounts/account.service.js';
import { InvitationService } from './modules/accounts/invitation.service.js';
import { MemberService } from './modules/accounts/member.service.js';
import { ApiKeyExportService } from './modules/api-keys/api-key-export.service.js';
import { KeyNameIndexes } from './modules/api-keys/listing/key-name-index.js';
import { ApiKeyService } from './modules/api-keys/api-key.service.js';
import { GeneratedKeysQuery } from './modules/api-keys/listing/generated-keys.query.js';
import { ApiTokenService } from './modules/api-keys/api-token.service.js';
import { AuditLogService } from './modules/audit/audit-log.service.js';
import { RefusedAuthRecorder } from './modules/audit/refused-auth.recorder.js';
import { AuthenticationService } from './modules/auth/authentication.service.js';
import { ExternalKeyService } from './modules/external-keys/external-key.service.js';
import { RoleAdminService } from './modules/roles/role-admin.service.js';
import { RoleService } from './modules/roles/role.service.js';
import { ApiKeySettingsService } from './modules/settings/api-key-settings.service.js';
import { LeakReportService } from './modules/leaks/leak-report.service.js';
import { InactivityPolicy } from './modules/settings/inactivity.policy.js';
import type { ReminderMailer } from './modules/settings/reminder-delivery.js';
import { ReminderScheduler } from './modules/settings/reminder.scheduler.js';
import { EgressPolicy, type EgressOptions } from './modules/webhooks/egress-policy.js';
import { WebhookDispatcher, type DispatcherLimits } from './modules/webhooks/webhook-dispatcher.js';
import { WebhookEndpointService } from './modules/webhooks/webhook-endpoint.service.js';
import { AuthCache } from './modules/verification/auth-cache.js';
import { AuthChanges } from './modules/verification/auth-changes.js';
import { ChangeStream } from './modules/verification/change-stream.js';
import { FailureThrottle, type ThrottleLimits } from './modules/throttle/failure-throttle.js';
import { KeyUseBudgets, type UseBudgetStoreKind } from './modules/verification/key-use-budget.js';
import { KeyVerifier } from './modules/verification/key-verifier.js';
import { LastUseRecorder } from './modules/verification/last-use.recorder.js';
import { UsageRecorder } from './modules/usage/usage.recorder.js';
import { UsageService } from './modules/usage/usage.service.js';

export interface ServiceOptions {
  tokenSecret: string;
  /** Accepted for verification during a secret rotation (see README). */
  previousTokenSecret?: string | null;
  clock?: Clock;
  mailer?: ReminderMailer | null;
  /** Shared throttling state and instant cache invalidation across servers. */
  redisUrl?: string | null;
  redis?: Redis | null;
  throttleLimits?: ThrottleLimits;
  /** Key names held in memory for search (KEY_NAME_INDEX_BUDGET by default). */
  searchMemoryKeys?: number;
  /** Where webhooks may go (production: https only; allowed private hosts; tests: a fake DNS). */
  webhookEgress?: EgressOptions;
  /** USAGE_RETENTION_DAYS: how long usage per key is kept (90 by default). */
  usageRetentionDays?: number;
  /** False: nothing is counted (KEYWARD_USAGE_COUNTING=off). */
  usageCounting?: boolean;
  /** Where per-key use budgets count (P2); the database when absent. */
  keyBudgetStore?: UseBudgetStoreKind;
  keyBudgetRedisPrefix?: string;
  /** Operator-facing warnings (an undelivered webhook and why); silent when absent. */
  logger?: Pick<Logger, 'warn'> | null;
  /** Batch size, concurrency and claim time of the lifecycle webhook dispatcher. */
  webhookDispatch?: Partial<DispatcherLimits>;
}

/** Services live for the whole process; per-request state goes in the context. */
export const createServices = (dataSource: DataSource, options: ServiceOptions) => {
  const { tokenSecret } = options;
  const clock = options.clock ?? systemClock;
  const cache = new AuthCache();
  const authChanges = new AuthChanges(dataSource, cache, options.redisUrl ?? null);
  const roles = new RoleService(dataSource);
  const webhookEgress = new EgressPolicy(options.webhookEgress ?? { production: true });
  const settings = new ApiKeySettingsService(dataSource, clock, authChanges, webhookEgress);
  const keyNameIndexes = new KeyNameIndexes(dataSource, options.searchMemoryKeys);
  const apiKeys = new ApiKeyService(dataSource, roles, tokenSecret, clock, authChanges);
  const generatedKeys = new GeneratedKeysQuery(dataSource, settings, clock, keyNameIndexes);
  const throttle = new FailureThrottle(options.throttleLimits, options.redis ?? null);
  throttle.onSourceBlocked = (source, seconds) => {
    authChanges.sourceBlocked(source, seconds).catch(() => undefined);
  };
  authChanges.onChange((change) => {
    if (change.type === 'blocked') throttle.learnBlock(change.source, change.seconds);
  });
  const apiTokens = new ApiTokenService(dataSource, tokenSecret, clock, authChanges, throttle);
  const externalKeys = new ExternalKeyService(dataSource, roles, authChanges);
  const refusedAuth = new RefusedAuthRecorder(dataSource, clock);
  const usageRecorder = new UsageRecorder(dataSource, options.usageCounting ?? true);
  const lastUse = new LastUseRecorder(dataSource, usageRecorder);
  const tokenSecrets = [
    tokenSecret,
    ...(options.previousTokenSecret ? [options.previousTokenSecret] : []),
  ];
  return {
    accounts: new AccountService(dataSource),
    authentication: new AuthenticationService(dataSource, throttle, refusedAuth, tokenSecret),
    roles,
    roleAdmin: new RoleAdminService(dataSource, authChanges),
    apiKeys,
    generatedKeys,
    keyNameIndexes,
    apiTokens,
    apiKeyExport: new ApiKeyExportService(dataSource, apiKeys, apiTokens, externalKeys, roles),
    auditLog: new AuditLogService(dataSource),
    refusedAuth,
    reminders: new ReminderScheduler(
      dataSource,
      clock,
      options.mailer ?? null,
      webhookEgress,
      options.logger ?? null,
    ),
    leakReports: new LeakReportService(
      dataSource,
      tokenSecrets,
      clock,
      authChanges,
      settings,
      options.mailer ?? null,
      options.logger ?? null,
    ),
    inactivity: new InactivityPolicy(
      dataSource,
      clock,
      authChanges,
      options.mailer ?? null,
      webhookEgress,
      options.logger ?? null,
    ),
    webhookEgress,
    webhookEndpoints: new WebhookEndpointService(dataSource, clock, webhookEgress),
    webhookDispatcher: new WebhookDispatcher(
      dataSource,
      clock,
      webhookEgress,
      options.logger ?? null,
      options.webhookDispatch,
    ),
    settings,
    clock,
    externalKeys,
    members: new MemberService(dataSource, roles),
    invitations: new InvitationService(dataSource, roles, throttle, clock),
    authChanges,
    changeStream: new ChangeStream(authChanges),
    lastUse,
    usageRecorder,
    usage: new UsageService(dataSource, clock, options.usageRetentionDays),
    throttle,
    verifier: new KeyVerifier(
      dataSource,
      tokenSecret,
      clock,
      cache,
      throttle,
      lastUse,
      refusedAuth,
      new KeyUseBudgets(
        options.keyBudgetStore ?? 'database',
        dataSource,
        options.redis ?? null,
        options.keyBudgetRedisPrefix,
      ),
      options.previousTokenSecret ?? null,
      usageRecorder,
    ),
  };
};

export type Services = ReturnType<typeof createServices>;
