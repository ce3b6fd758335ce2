import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/**
 * The Generated tab's NAME sort pages on (nameNormalized, id). MariaDB/MySQL do not append the
 * primary key to a UNIQUE index for ORDER BY, so UQ_api_keys_account_name could not serve it
 * and every NAME page sorted all of the account's keys (found by the B3 benchmark and
 * test/list-query-plans.test.ts).
 */
export class NameSortIndex1763940000000 implements MigrationInterface {
  name = 'NameSortIndex1763940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isMysqlFamily(queryRunner)
        ? 'CREATE INDEX `IDX_api_keys_account_name` ON `api_keys` (`accountId`, `nameNormalized`, `id`)'
        : 'CREATE INDEX "IDX_api_keys_account_name" ON "api_keys" ("accountId", "nameNormalized", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('api_keys', 'IDX_api_keys_account_name');
  }
}
