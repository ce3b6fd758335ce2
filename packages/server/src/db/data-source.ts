import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { Account } from '../modules/accounts/account.entity.js';
import { Membership } from '../modules/accounts/membership.entity.js';
import { MembershipRole } from '../modules/accounts/membership-role.entity.js';
import { Invitation } from '../modules/accounts/invitation.entity.js';
import { InvitationRole } from '../modules/accounts/invitation-role.entity.js';
import { ApiKey } from '../modules/api-keys/api-key.entity.js';
import { ApiToken } from '../modules/api-keys/api-token.entity.js';
import { KeyGrant } from '../modules/api-keys/key-grant.entity.js';
import { KeyGrantRole } from '../modules/api-keys/key-grant-role.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { ApiKeySettings } from '../modules/settings/api-key-settings.entity.js';
import { TokenReminder } from '../modules/settings/token-reminder.entity.js';
import { SingleAccessLink } from '../modules/api-keys/single-access-link.entity.js';
import { AuthCacheVersion } from '../modules/verification/auth-cache-version.entity.js';
import { KeyUseCounter } from '../modules/verification/key-use-counter.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Role } from '../modules/roles/role.entity.js';
import { RoleResource } from '../modules/roles/role-resource.entity.js';
import { KeyUsageCount, KeyUsageSource } from '../modules/usage/key-usage.entity.js';
import { WebhookDelivery } from '../modules/webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../modules/webhooks/webhook-endpoint.entity.js';
import { WebhookEvent } from '../modules/webhooks/webhook-event.entity.js';
import { migrations } from './migrations/index.js';
import { installReadRouting } from './read-routing.js';
import { installTransactionRetry } from '../common/transaction-retry.js';

export const entities = [
  Account,
  User,
  Membership,
  MembershipRole,
  Role,
  RoleResource,
  ApiKey,
  ApiToken,
  KeyGrant,
  KeyGrantRole,
  AuditEvent,
  Session,
  Invitation,
  InvitationRole,
  ApiKeySettings,
  SingleAccessLink,
  TokenReminder,
  AuthCacheVersion,
  KeyUsageCount,
  KeyUsageSource,
  KeyUseCounter,
  WebhookEndpoint,
  WebhookEvent,
  WebhookDelivery,
];

/** `mysql://` for MySQL 8, `mariadb://` for MariaDB (TypeORM reads their catalogs differently). */
export const isMysqlUrl = (url: string): boolean => /^(mysql|mariadb):\/\//.test(url);

const asMysql2Url = (url: string) => url.replace(/^mariadb:/, 'mysql:');

/**
 * `readUrls` (DATABASE_READ_URLS) are replicas: TypeORM replication with the primary as the
 * default for everything, and replicas only for the reads src/db/read-routing.ts sends there.
 */
export const dataSourceOptions = (
  databaseUrl: string,
  readUrls: readonly string[] = [],
): DataSourceOptions => {
  const common = { entities, migrations, migrationsRun: false, synchronize: false, logging: false };
  if (isMysqlUrl(databaseUrl)) {
    const invalid = readUrls.find((url) => !isMysqlUrl(url));
    if (invalid !== undefined)
      throw new Error('DATABASE_READ_URLS must be mysql:// or mariadb:// URLs.');
    return {
      ...common,
      type: databaseUrl.startsWith('mariadb://') ? 'mariadb' : 'mysql',
      ...(readUrls.length > 0
        ? {
            replication: {
              master: { url: asMysql2Url(databaseUrl) },
              slaves: readUrls.map((url) => ({ url: asMysql2Url(url) })),
              defaultMode: 'master' as const,
            },
          }
        : { url: asMysql2Url(databaseUrl) }),
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      extra: { connectionLimit: 20 },
    };
  }
  if (databaseUrl !== ':memory:') mkdirSync(path.dirname(databaseUrl), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: databaseUrl,
    enableWAL: databaseUrl !== ':memory:',
    // Concurrent writers wait for the lock instead of failing at once.
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('busy_timeout = 5000');
    },
  };
};

/** Every transaction retries whole on deadlocks and cluster certification conflicts. */
export const createDataSource = (
  databaseUrl: string,
  readUrls: readonly string[] = [],
): DataSource => {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, readUrls));
  installTransactionRetry(dataSource);
  installReadRouting(dataSource);
  return dataSource;
};
