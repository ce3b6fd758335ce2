import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/**
 * `accounts.keyNamesVersion`: moves in the transaction that generates, renames or deletes a key,
 * so a server holding the account's key names in memory for search knows, with one primary-key
 * read, whether they are still exact (see key-name-index.ts).
 */
export class KeyNamesVersion1763970000000 implements MigrationInterface {
  name = 'KeyNamesVersion1763970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isMysqlFamily(queryRunner)
        ? 'ALTER TABLE `accounts` ADD `keyNamesVersion` int NOT NULL DEFAULT 0'
        : 'ALTER TABLE "accounts" ADD COLUMN "keyNamesVersion" integer NOT NULL DEFAULT (0)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Not dropColumn: on SQLite TypeORM would rebuild accounts, cascading into everything.
    await queryRunner.query(
      isMysqlFamily(queryRunner)
        ? 'ALTER TABLE `accounts` DROP COLUMN `keyNamesVersion`'
        : 'ALTER TABLE "accounts" DROP COLUMN "keyNamesVersion"',
    );
  }
}
