import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/** Account token settings, renewal reminders, single-access links and the alert-level index. */
export class TokenLifecycle1763920000000 implements MigrationInterface {
  name = 'TokenLifecycle1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = isMysqlFamily(queryRunner) ? MYSQL_UP : SQLITE_UP;
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('api_keys', 'IDX_api_keys_account_token_created');
    for (const table of ['single_access_links', 'token_reminders', 'api_key_settings'])
      await queryRunner.dropTable(table);
  }
}

const SQLITE_UP = [
  'CREATE TABLE "api_key_settings" ("accountId" varchar(36) PRIMARY KEY NOT NULL, "tokenDurationDays" integer NOT NULL, "enforcement" varchar(20) NOT NULL, "reminderLeadDaysList" varchar(100) NOT NULL, "reminderRecipientsList" text NOT NULL, "webhookUrl" varchar(500), "webhookSigningSecret" varchar(64), "updatedAt" datetime(3) NOT NULL, CONSTRAINT "FK_d8efc1a3bb6d91d7123551fbafa" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE TABLE "token_reminders" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "apiKeyId" varchar(36) NOT NULL, "tokenId" varchar(36) NOT NULL, "leadDays" integer NOT NULL, "tokenDueAt" datetime(3) NOT NULL, "status" varchar(20) NOT NULL, "attempts" integer NOT NULL, "nextAttemptAt" datetime(3) NOT NULL, "claimedUntil" datetime(3), "sentAt" datetime(3), "emailSentAt" datetime(3), "webhookSentAt" datetime(3), "lastError" varchar(500), "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_d6f159667b263b99a06446f08b2" FOREIGN KEY ("apiKeyId") REFERENCES "api_keys" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d12cce1ab6dca8ad222c8a0e8f8" FOREIGN KEY ("tokenId") REFERENCES "api_tokens" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_token_reminders_key" ON "token_reminders" ("apiKeyId")',
  'CREATE INDEX "IDX_token_reminders_account_created" ON "token_reminders" ("accountId", "createdAt")',
  'CREATE INDEX "IDX_token_reminders_due" ON "token_reminders" ("status", "nextAttemptAt")',
  'CREATE UNIQUE INDEX "UQ_token_reminders_token_lead" ON "token_reminders" ("tokenId", "leadDays")',
  'CREATE TABLE "single_access_links" ("idHash" varchar(64) PRIMARY KEY NOT NULL, "apiKeyId" varchar(36) NOT NULL, "accountId" varchar(36) NOT NULL, "sealedToken" varchar(255) NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, CONSTRAINT "FK_29691dbb3bb5b0e8fc2cc94f4f8" FOREIGN KEY ("apiKeyId") REFERENCES "api_keys" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_single_access_links_key" ON "single_access_links" ("apiKeyId")',
  'CREATE INDEX "IDX_single_access_links_expires" ON "single_access_links" ("expiresAt")',
  'CREATE INDEX "IDX_api_keys_account_token_created" ON "api_keys" ("accountId", "tokenCreatedAt", "id")',
];

const MYSQL_UP = [
  'CREATE TABLE `api_key_settings` (`accountId` varchar(36) NOT NULL, `tokenDurationDays` int NOT NULL, `enforcement` varchar(20) NOT NULL, `reminderLeadDaysList` varchar(100) NOT NULL, `reminderRecipientsList` text NOT NULL, `webhookUrl` varchar(500) NULL, `webhookSigningSecret` varchar(64) NULL, `updatedAt` datetime(3) NOT NULL, PRIMARY KEY (`accountId`)) ENGINE=InnoDB',
  'CREATE TABLE `token_reminders` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `apiKeyId` varchar(36) NOT NULL, `tokenId` varchar(36) NOT NULL, `leadDays` int NOT NULL, `tokenDueAt` datetime(3) NOT NULL, `status` varchar(20) NOT NULL, `attempts` int NOT NULL, `nextAttemptAt` datetime(3) NOT NULL, `claimedUntil` datetime(3) NULL, `sentAt` datetime(3) NULL, `emailSentAt` datetime(3) NULL, `webhookSentAt` datetime(3) NULL, `lastError` varchar(500) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_token_reminders_key` (`apiKeyId`), INDEX `IDX_token_reminders_account_created` (`accountId`, `createdAt`), INDEX `IDX_token_reminders_due` (`status`, `nextAttemptAt`), UNIQUE INDEX `UQ_token_reminders_token_lead` (`tokenId`, `leadDays`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `single_access_links` (`idHash` varchar(64) NOT NULL, `apiKeyId` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `sealedToken` varchar(255) NOT NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, INDEX `IDX_single_access_links_key` (`apiKeyId`), INDEX `IDX_single_access_links_expires` (`expiresAt`), PRIMARY KEY (`idHash`)) ENGINE=InnoDB',
  'CREATE INDEX `IDX_api_keys_account_token_created` ON `api_keys` (`accountId`, `tokenCreatedAt`, `id`)',
  'ALTER TABLE `api_key_settings` ADD CONSTRAINT `FK_d8efc1a3bb6d91d7123551fbafa` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `token_reminders` ADD CONSTRAINT `FK_d6f159667b263b99a06446f08b2` FOREIGN KEY (`apiKeyId`) REFERENCES `api_keys`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `token_reminders` ADD CONSTRAINT `FK_d12cce1ab6dca8ad222c8a0e8f8` FOREIGN KEY (`tokenId`) REFERENCES `api_tokens`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `single_access_links` ADD CONSTRAINT `FK_29691dbb3bb5b0e8fc2cc94f4f8` FOREIGN KEY (`apiKeyId`) REFERENCES `api_keys`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
];
