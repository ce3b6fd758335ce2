import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

const KEY_COLUMNS: [name: string, type: string][] = [
  ['leakedAt', 'datetime(3)'],
  ['leakedUrl', 'varchar(500)'],
  ['inactivityWarnedAt', 'datetime(3)'],
];

/**
 * Issue 18, L1 and P3: a key can be marked leaked by a secret scanner's report (and the
 * Generated tab filters on it), and an account can deactivate keys unused for a while.
 * Leak reports deactivate by default (deactivateLeakedKeys), the inactivity policy is off.
 */
export class LeaksAndInactivity1764230000000 implements MigrationInterface {
  name = 'LeaksAndInactivity1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysqlFamily(queryRunner);
    if (mysql) {
      await queryRunner.query(
        `ALTER TABLE \`api_keys\` ${KEY_COLUMNS.map(([name, type]) => `ADD \`${name}\` ${type} NULL`).join(', ')}`,
      );
      await queryRunner.query(
        'CREATE INDEX `IDX_api_keys_account_leaked` ON `api_keys` (`accountId`, `leakedAt`)',
      );
      await queryRunner.query(
        'ALTER TABLE `api_key_settings` ADD `deactivateLeakedKeys` tinyint NOT NULL DEFAULT 1, ADD `inactivityDays` int NULL',
      );
      return;
    }
    // Column by column: SQLite adds them without rebuilding the tables (and their cascades).
    for (const [name, type] of KEY_COLUMNS) {
      await queryRunner.query(`ALTER TABLE "api_keys" ADD COLUMN "${name}" ${type}`);
    }
    await queryRunner.query(
      'CREATE INDEX "IDX_api_keys_account_leaked" ON "api_keys" ("accountId", "leakedAt")',
    );
    await queryRunner.query(
      'ALTER TABLE "api_key_settings" ADD COLUMN "deactivateLeakedKeys" boolean NOT NULL DEFAULT (1)',
    );
    await queryRunner.query('ALTER TABLE "api_key_settings" ADD COLUMN "inactivityDays" integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysqlFamily(queryRunner);
    const q = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
    await queryRunner.query(
      mysql
        ? 'DROP INDEX `IDX_api_keys_account_leaked` ON `api_keys`'
        : 'DROP INDEX "IDX_api_keys_account_leaked"',
    );
    for (const [name] of KEY_COLUMNS) {
      await queryRunner.query(`ALTER TABLE ${q('api_keys')} DROP COLUMN ${q(name)}`);
    }
    for (const name of ['deactivateLeakedKeys', 'inactivityDays']) {
      await queryRunner.query(`ALTER TABLE ${q('api_key_settings')} DROP COLUMN ${q(name)}`);
    }
  }
}
