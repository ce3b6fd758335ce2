import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/**
 * Lifecycle webhooks (issue 18, W1): endpoints an account subscribes to events, the events
 * themselves (an outbox written in the transaction of each change) and one delivery per event
 * and endpoint, which the dispatcher claims, sends, retries and logs.
 */
export class LifecycleWebhooks1764220000000 implements MigrationInterface {
  name = 'LifecycleWebhooks1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of isMysqlFamily(queryRunner) ? MYSQL_UP : SQLITE_UP)
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of ['webhook_deliveries', 'webhook_events', 'webhook_endpoints'])
      await queryRunner.query(
        isMysqlFamily(queryRunner) ? `DROP TABLE \`${statement}\`` : `DROP TABLE "${statement}"`,
      );
  }
}

const SQLITE_UP = [
  'CREATE TABLE "webhook_endpoints" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "url" varchar(500) NOT NULL, "description" varchar(200) NOT NULL, "eventTypesList" varchar(500) NOT NULL, "active" boolean NOT NULL, "createdBy" varchar(254) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, CONSTRAINT "FK_bf4114a4864b4c9967be5c8be70" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_webhook_endpoints_account" ON "webhook_endpoints" ("accountId", "createdAt") ',
  'CREATE TABLE "webhook_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "type" varchar(40) NOT NULL, "payload" text NOT NULL, "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_38f47be9e2e7c7925815d42c7e6" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_webhook_events_account" ON "webhook_events" ("accountId") ',
  'CREATE INDEX "IDX_webhook_events_created" ON "webhook_events" ("createdAt") ',
  'CREATE TABLE "webhook_deliveries" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "endpointId" varchar(36) NOT NULL, "eventId" varchar(36) NOT NULL, "eventType" varchar(40) NOT NULL, "status" varchar(20) NOT NULL, "attempts" integer NOT NULL, "lastResponseStatus" integer, "lastError" varchar(100), "nextAttemptAt" datetime(3) NOT NULL, "retryUntil" datetime(3) NOT NULL, "claimedUntil" datetime(3), "lastAttemptAt" datetime(3), "deliveredAt" datetime(3), "createdAt" datetime(3) NOT NULL, CONSTRAINT "FK_9f63fc91ff6cbd3f8238b9a7812" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_981677c4e790567f3306581e0b7" FOREIGN KEY ("eventId") REFERENCES "webhook_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_webhook_deliveries_account" ON "webhook_deliveries" ("accountId") ',
  'CREATE INDEX "IDX_webhook_deliveries_event" ON "webhook_deliveries" ("eventId") ',
  'CREATE INDEX "IDX_webhook_deliveries_created" ON "webhook_deliveries" ("createdAt") ',
  'CREATE INDEX "IDX_webhook_deliveries_endpoint_created" ON "webhook_deliveries" ("endpointId", "createdAt", "id") ',
  'CREATE INDEX "IDX_webhook_deliveries_due" ON "webhook_deliveries" ("status", "nextAttemptAt") ',
];

const MYSQL_UP = [
  'CREATE TABLE `webhook_endpoints` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `url` varchar(500) NOT NULL, `description` varchar(200) NOT NULL, `eventTypesList` varchar(500) NOT NULL, `active` tinyint NOT NULL, `createdBy` varchar(254) NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `IDX_webhook_endpoints_account` (`accountId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `webhook_events` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `type` varchar(40) NOT NULL, `payload` text NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_webhook_events_account` (`accountId`), INDEX `IDX_webhook_events_created` (`createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `webhook_deliveries` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `endpointId` varchar(36) NOT NULL, `eventId` varchar(36) NOT NULL, `eventType` varchar(40) NOT NULL, `status` varchar(20) NOT NULL, `attempts` int NOT NULL, `lastResponseStatus` int NULL, `lastError` varchar(100) NULL, `nextAttemptAt` datetime(3) NOT NULL, `retryUntil` datetime(3) NOT NULL, `claimedUntil` datetime(3) NULL, `lastAttemptAt` datetime(3) NULL, `deliveredAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `IDX_webhook_deliveries_account` (`accountId`), INDEX `IDX_webhook_deliveries_event` (`eventId`), INDEX `IDX_webhook_deliveries_created` (`createdAt`), INDEX `IDX_webhook_deliveries_endpoint_created` (`endpointId`, `createdAt`, `id`), INDEX `IDX_webhook_deliveries_due` (`status`, `nextAttemptAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'ALTER TABLE `webhook_endpoints` ADD CONSTRAINT `FK_bf4114a4864b4c9967be5c8be70` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `webhook_events` ADD CONSTRAINT `FK_38f47be9e2e7c7925815d42c7e6` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `webhook_deliveries` ADD CONSTRAINT `FK_9f63fc91ff6cbd3f8238b9a7812` FOREIGN KEY (`endpointId`) REFERENCES `webhook_endpoints`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `webhook_deliveries` ADD CONSTRAINT `FK_981677c4e790567f3306581e0b7` FOREIGN KEY (`eventId`) REFERENCES `webhook_events`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
];
