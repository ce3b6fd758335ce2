import type { DataSource } from 'typeorm';
import { systemClock, type Clock } from './common/clock.js';
import { ApiKeyExportService } from './modules/api-keys/api-key-export.service.js';
import { AuditLogService } from './modules/audit/audit-log.service.js';
import { RefusedAuthRecorder } from './modules/audit/refused-auth.recorder.js';
import { ApiTokenService } from './modules/api-keys/api-token.service.js';
import type { ReminderMailer } from './modules/settings/reminder-delivery.js';
import { ReminderScheduler } from './modules/settings/reminder.scheduler.js';
import { ApiKeySettingsService } from './modules/settings/api-key-settings.service.js';
import { AccountService } from './modules/accounts/account.service.js';
import { ApiKeyService } from './modules/api-keys/api-key.service.js';
import { AuthenticationService } from './modules/auth/authentication.service.js';
import { RoleService } from './modules/roles/role.service.js';
import { RoleAdminService } from './modules/roles/role-admin.service.js';
import { ExternalKeyService } from './modules/external-keys/external-key.service.js';
import { MemberService } from './modules/accounts/member.service.js';

/** Services live for the whole process; per-request state goes in the context. */
export const createServices = (
  dataSource: DataSource,
  tokenSecret: string,
  clock: Clock = systemClock,
  mailer: ReminderMailer | null = null,
) => {
  const roles = new RoleService(dataSource);
  const settings = new ApiKeySettingsService(dataSource, clock);
  const apiKeys = new ApiKeyService(dataSource, roles, settings, tokenSecret, clock);
  const apiTokens = new ApiTokenService(dataSource, tokenSecret, clock);
  const externalKeys = new ExternalKeyService(dataSource, roles);
  return {
    accounts: new AccountService(dataSource),
    authentication: new AuthenticationService(dataSource, tokenSecret, settings, clock),
    roles,
    roleAdmin: new RoleAdminService(dataSource),
    apiKeys,
    apiTokens,
    apiKeyExport: new ApiKeyExportService(dataSource, apiKeys, apiTokens, externalKeys, roles),
    auditLog: new AuditLogService(dataSource),
    refusedAuth: new RefusedAuthRecorder(dataSource, clock),
    reminders: new ReminderScheduler(dataSource, clock, mailer),
    settings,
    clock,
    externalKeys,
    members: new MemberService(dataSource, roles),
  };
};

export type Services = ReturnType<typeof createServices>;
