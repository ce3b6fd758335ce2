import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

const COLUMNS: [name: string, type: string][] = [
  ['allowedAddressList', 'text'],
  ['rateLimitPerMinute', 'int'],
  ['rateLimitPerDay', 'int'],
];

/**
 * Issue 18 P1 and P2: a key's address allowlist and its budget of successful uses, and the
 * counters the database mode keeps per key and window (without Redis, shared by all servers).
 */
export class KeyPolicies1764200000000 implements MigrationInterface {
  name = 'KeyPolicies1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isMysqlFamily(queryRunner)) {
      await queryRunner.query(
        `ALTER TABLE \`api_keys\` ${COLUMNS.map(([name, type]) => `ADD \`${name}\` ${type} NULL`).join(', ')}`,
      );
      await queryRunner.query(
        'CREATE TABLE `key_use_counters` (`apiKeyId` varchar(36) NOT NULL, `window` varchar(20) NOT NULL, `uses` int NOT NULL, `windowEndsAt` bigint NOT NULL, INDEX `IDX_key_use_counters_ends` (`windowEndsAt`), PRIMARY KEY (`apiKeyId`, `window`)) ENGINE=InnoDB',
      );
    } else {
      for (const [name, type] of COLUMNS) {
        const sqliteType = type === 'int' ? 'integer' : type;
        await queryRunner.query(`ALTER TABLE "api_keys" ADD COLUMN "${name}" ${sqliteType}`);
      }
      await queryRunner.query(
        'CREATE TABLE "key_use_counters" ("apiKeyId" varchar(36) NOT NULL, "window" varchar(20) NOT NULL, "uses" integer NOT NULL, "windowEndsAt" bigint NOT NULL, PRIMARY KEY ("apiKeyId", "window"))',
      );
      await queryRunner.query(
        'CREATE INDEX "IDX_key_use_counters_ends" ON "key_use_counters" ("windowEndsAt")',
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysqlFamily(queryRunner);
    await queryRunner.query(
      mysql ? 'DROP TABLE `key_use_counters`' : 'DROP TABLE "key_use_counters"',
    );
    // Not dropColumn: on SQLite TypeORM would rebuild api_keys, cascading into its tokens.
    for (const [name] of COLUMNS) {
      await queryRunner.query(
        mysql
          ? `ALTER TABLE \`api_keys\` DROP COLUMN \`${name}\``
          : `ALTER TABLE "api_keys" DROP COLUMN "${name}"`,
      );
    }
  }
}
