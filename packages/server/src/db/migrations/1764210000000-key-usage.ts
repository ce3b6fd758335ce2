import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/** Usage per key (issue 18, U1): verifications per hour and outcome, and per source and day. */
export class KeyUsage1764210000000 implements MigrationInterface {
  name = 'KeyUsage1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = isMysqlFamily(queryRunner) ? MYSQL_UP : SQLITE_UP;
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = isMysqlFamily(queryRunner) ? MYSQL_DOWN : SQLITE_DOWN;
    for (const statement of statements) await queryRunner.query(statement);
  }
}

const SQLITE_UP = [
  'CREATE TABLE "key_usage" ("apiKeyId" varchar(36) NOT NULL, "hour" integer NOT NULL, "outcome" varchar(40) NOT NULL, "count" bigint NOT NULL, PRIMARY KEY ("apiKeyId", "hour", "outcome"))',
  'CREATE INDEX "IDX_key_usage_hour" ON "key_usage" ("hour") ',
  'CREATE TABLE "key_usage_sources" ("apiKeyId" varchar(36) NOT NULL, "day" integer NOT NULL, "address" varchar(45) NOT NULL, "count" bigint NOT NULL, PRIMARY KEY ("apiKeyId", "day", "address"))',
  'CREATE INDEX "IDX_key_usage_sources_day" ON "key_usage_sources" ("day") ',
];

const SQLITE_DOWN = ['DROP TABLE "key_usage_sources"', 'DROP TABLE "key_usage"'];

const MYSQL_UP = [
  'CREATE TABLE `key_usage` (`apiKeyId` varchar(36) NOT NULL, `hour` int NOT NULL, `outcome` varchar(40) NOT NULL, `count` bigint NOT NULL, INDEX `IDX_key_usage_hour` (`hour`), PRIMARY KEY (`apiKeyId`, `hour`, `outcome`)) ENGINE=InnoDB',
  'CREATE TABLE `key_usage_sources` (`apiKeyId` varchar(36) NOT NULL, `day` int NOT NULL, `address` varchar(45) NOT NULL, `count` bigint NOT NULL, INDEX `IDX_key_usage_sources_day` (`day`), PRIMARY KEY (`apiKeyId`, `day`, `address`)) ENGINE=InnoDB',
];

const MYSQL_DOWN = ['DROP TABLE `key_usage_sources`', 'DROP TABLE `key_usage`'];
