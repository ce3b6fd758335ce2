import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/**
 * Accounts, users, roles, API keys with their tokens and grants, audit events and sessions.
 * DDL is written per dialect (generated from the entities, then reviewed); the schema test
 * proves that, once applied, nothing differs from the entities on either database.
 */
export class Initial1763900000000 implements MigrationInterface {
  name = 'Initial1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = isMysqlFamily(queryRunner) ? MYSQL_UP : SQLITE_UP;
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES_IN_DROP_ORDER)
      await queryRunner.query(`DROP TABLE ${queryRunner.connection.driver.escape(table)}`);
  }
}

const TABLES_IN_DROP_ORDER = [
  'role_resources',
  'sessions',
  'audit_events',
  'key_grant_roles',
  'key_grants',
  'api_tokens',
  'api_keys',
  'membership_roles',
  'roles',
  'memberships',
  'users',
  'accounts',
];

const SQLITE_UP = [
  'CREATE TABLE "accounts" ("id" varchar(36) PRIMARY KEY NOT NULL, "slug" varchar(40) NOT NULL, "name" varchar(100) NOT NULL, "createdAt" datetime(3) NOT NULL, CONSTRAINT "UQ_4effe647846f5cda6b5c90eefcd" UNIQUE ("slug"))',
  'CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "name" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "createdAt" datetime(3) NOT NULL, CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"))',
  'CREATE TABLE "memberships" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_5d2beef61e72e238550fbb5f7de" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_187d573e43b2c2aa3960df20b78" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_memberships_user" ON "memberships" ("userId")',
  'CREATE UNIQUE INDEX "UQ_memberships_account_user" ON "memberships" ("accountId", "userId")',
  'CREATE TABLE "roles" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "nameNormalized" varchar(100) NOT NULL, "predefinedKey" varchar(60), "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_ad30fbc5d40f522acf1d828cc13" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE UNIQUE INDEX "UQ_roles_account_name" ON "roles" ("accountId", "nameNormalized")',
  'CREATE TABLE "membership_roles" ("membershipId" varchar(36) NOT NULL, "roleId" varchar(36) NOT NULL, CONSTRAINT "FK_b3663a0fd952850c0aa86ce311a" FOREIGN KEY ("membershipId") REFERENCES "memberships" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d7d9755d2a13d881a7e91af6c33" FOREIGN KEY ("roleId") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("membershipId", "roleId"))',
  'CREATE INDEX "IDX_membership_roles_role" ON "membership_roles" ("roleId")',
  'CREATE TABLE "api_keys" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "key" varchar(80) NOT NULL, "name" varchar(100) NOT NULL, "nameNormalized" varchar(100) NOT NULL, "active" boolean NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "tokenCreatedAt" datetime(3) NOT NULL, "lastUsedAt" datetime(3), "version" integer NOT NULL, CONSTRAINT "UQ_e42cf55faeafdcce01a82d24849" UNIQUE ("key"), CONSTRAINT "FK_31433c6dc638df169b9d4e9aeca" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_api_keys_account_last_used" ON "api_keys" ("accountId", "lastUsedAt", "id")',
  'CREATE INDEX "IDX_api_keys_account_status" ON "api_keys" ("accountId", "active", "createdAt", "id")',
  'CREATE INDEX "IDX_api_keys_account_created" ON "api_keys" ("accountId", "createdAt", "id")',
  'CREATE UNIQUE INDEX "UQ_api_keys_account_name" ON "api_keys" ("accountId", "nameNormalized")',
  'CREATE TABLE "api_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "apiKeyId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3), "lastUsedAt" datetime(3), "lastUsedIp" varchar(45), CONSTRAINT "UQ_cdac8e064e6e9c2e0835d1c1b86" UNIQUE ("tokenHash"), CONSTRAINT "FK_048d01634c86a59f4d1fed2b182" FOREIGN KEY ("apiKeyId") REFERENCES "api_keys" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_api_tokens_key" ON "api_tokens" ("apiKeyId")',
  'CREATE TABLE "key_grants" ("id" varchar(36) PRIMARY KEY NOT NULL, "apiKeyId" varchar(36) NOT NULL, "accountId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_6d3260888e4aeaca39ffff4b635" FOREIGN KEY ("apiKeyId") REFERENCES "api_keys" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_94c93c6063f62659bec7d824bc8" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_key_grants_account_created" ON "key_grants" ("accountId", "createdAt", "id")',
  'CREATE UNIQUE INDEX "UQ_key_grants_key_account" ON "key_grants" ("apiKeyId", "accountId")',
  'CREATE TABLE "key_grant_roles" ("grantId" varchar(36) NOT NULL, "roleId" varchar(36) NOT NULL, CONSTRAINT "FK_355e6e5aa2b1a60c96e3ad980fa" FOREIGN KEY ("grantId") REFERENCES "key_grants" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_7c045a99b2ae330aa2e3d7d2b46" FOREIGN KEY ("roleId") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("grantId", "roleId"))',
  'CREATE INDEX "IDX_key_grant_roles_role" ON "key_grant_roles" ("roleId")',
  'CREATE TABLE "audit_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "action" varchar(60) NOT NULL, "actorType" varchar(20) NOT NULL, "actorId" varchar(36), "actorLabel" varchar(254), "targetType" varchar(40), "targetId" varchar(36), "targetLabel" varchar(254), "details" text, "sourceIp" varchar(45), "createdAt" datetime(3) NOT NULL)',
  'CREATE INDEX "IDX_audit_events_account_target" ON "audit_events" ("accountId", "targetId", "createdAt")',
  'CREATE INDEX "IDX_audit_events_account_created" ON "audit_events" ("accountId", "createdAt", "id")',
  'CREATE TABLE "sessions" ("idHash" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "accountId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6fee377066ebeed22567e4390ee" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_sessions_user" ON "sessions" ("userId")',
  'CREATE INDEX "IDX_sessions_expires" ON "sessions" ("expiresAt")',
  'CREATE TABLE "role_resources" ("roleId" varchar(36) NOT NULL, "resourceKey" varchar(80) NOT NULL, CONSTRAINT "FK_8c732f8ccf4f18a6ea7dd3b267e" FOREIGN KEY ("roleId") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("roleId", "resourceKey"))',
];

const MYSQL_UP = [
  'CREATE TABLE `accounts` (`id` varchar(36) NOT NULL, `slug` varchar(40) NOT NULL, `name` varchar(100) NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_4effe647846f5cda6b5c90eefc` (`slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `users` (`id` varchar(36) NOT NULL, `email` varchar(254) NOT NULL, `name` varchar(100) NOT NULL, `passwordHash` varchar(255) NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_97672ac88f789774dd47f7c8be` (`email`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `memberships` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_memberships_user` (`userId`), UNIQUE INDEX `UQ_memberships_account_user` (`accountId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `roles` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `name` varchar(100) NOT NULL, `nameNormalized` varchar(100) NOT NULL, `predefinedKey` varchar(60) NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `UQ_roles_account_name` (`accountId`, `nameNormalized`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `membership_roles` (`membershipId` varchar(36) NOT NULL, `roleId` varchar(36) NOT NULL, INDEX `IDX_membership_roles_role` (`roleId`), PRIMARY KEY (`membershipId`, `roleId`)) ENGINE=InnoDB',
  'CREATE TABLE `api_keys` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `key` varchar(80) NOT NULL, `name` varchar(100) NOT NULL, `nameNormalized` varchar(100) NOT NULL, `active` tinyint NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `tokenCreatedAt` datetime(3) NOT NULL, `lastUsedAt` datetime(3) NULL, `version` int NOT NULL, INDEX `IDX_api_keys_account_last_used` (`accountId`, `lastUsedAt`, `id`), INDEX `IDX_api_keys_account_status` (`accountId`, `active`, `createdAt`, `id`), INDEX `IDX_api_keys_account_created` (`accountId`, `createdAt`, `id`), UNIQUE INDEX `UQ_api_keys_account_name` (`accountId`, `nameNormalized`), UNIQUE INDEX `IDX_e42cf55faeafdcce01a82d2484` (`key`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `api_tokens` (`id` varchar(36) NOT NULL, `apiKeyId` varchar(36) NOT NULL, `tokenHash` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NULL, `lastUsedAt` datetime(3) NULL, `lastUsedIp` varchar(45) NULL, INDEX `IDX_api_tokens_key` (`apiKeyId`), UNIQUE INDEX `IDX_cdac8e064e6e9c2e0835d1c1b8` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `key_grants` (`id` varchar(36) NOT NULL, `apiKeyId` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_key_grants_account_created` (`accountId`, `createdAt`, `id`), UNIQUE INDEX `UQ_key_grants_key_account` (`apiKeyId`, `accountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `key_grant_roles` (`grantId` varchar(36) NOT NULL, `roleId` varchar(36) NOT NULL, INDEX `IDX_key_grant_roles_role` (`roleId`), PRIMARY KEY (`grantId`, `roleId`)) ENGINE=InnoDB',
  'CREATE TABLE `audit_events` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `action` varchar(60) NOT NULL, `actorType` varchar(20) NOT NULL, `actorId` varchar(36) NULL, `actorLabel` varchar(254) NULL, `targetType` varchar(40) NULL, `targetId` varchar(36) NULL, `targetLabel` varchar(254) NULL, `details` text NULL, `sourceIp` varchar(45) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_audit_events_account_target` (`accountId`, `targetId`, `createdAt`), INDEX `IDX_audit_events_account_created` (`accountId`, `createdAt`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `sessions` (`idHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, INDEX `IDX_sessions_user` (`userId`), INDEX `IDX_sessions_expires` (`expiresAt`), PRIMARY KEY (`idHash`)) ENGINE=InnoDB',
  'CREATE TABLE `role_resources` (`roleId` varchar(36) NOT NULL, `resourceKey` varchar(80) NOT NULL, PRIMARY KEY (`roleId`, `resourceKey`)) ENGINE=InnoDB',
  'ALTER TABLE `memberships` ADD CONSTRAINT `FK_5d2beef61e72e238550fbb5f7de` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `memberships` ADD CONSTRAINT `FK_187d573e43b2c2aa3960df20b78` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `roles` ADD CONSTRAINT `FK_ad30fbc5d40f522acf1d828cc13` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `membership_roles` ADD CONSTRAINT `FK_b3663a0fd952850c0aa86ce311a` FOREIGN KEY (`membershipId`) REFERENCES `memberships`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `membership_roles` ADD CONSTRAINT `FK_d7d9755d2a13d881a7e91af6c33` FOREIGN KEY (`roleId`) REFERENCES `roles`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `api_keys` ADD CONSTRAINT `FK_31433c6dc638df169b9d4e9aeca` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `api_tokens` ADD CONSTRAINT `FK_048d01634c86a59f4d1fed2b182` FOREIGN KEY (`apiKeyId`) REFERENCES `api_keys`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `key_grants` ADD CONSTRAINT `FK_6d3260888e4aeaca39ffff4b635` FOREIGN KEY (`apiKeyId`) REFERENCES `api_keys`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `key_grants` ADD CONSTRAINT `FK_94c93c6063f62659bec7d824bc8` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `key_grant_roles` ADD CONSTRAINT `FK_355e6e5aa2b1a60c96e3ad980fa` FOREIGN KEY (`grantId`) REFERENCES `key_grants`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `key_grant_roles` ADD CONSTRAINT `FK_7c045a99b2ae330aa2e3d7d2b46` FOREIGN KEY (`roleId`) REFERENCES `roles`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `sessions` ADD CONSTRAINT `FK_57de40bc620f456c7311aa3a1e6` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `sessions` ADD CONSTRAINT `FK_6fee377066ebeed22567e4390ee` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `role_resources` ADD CONSTRAINT `FK_8c732f8ccf4f18a6ea7dd3b267e` FOREIGN KEY (`roleId`) REFERENCES `roles`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
];
