import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/**
 * IDX_api_keys_account_name gains the key: a search (substring of name or key) can then be
 * counted, and walked in NAME order, on index entries alone instead of reading every row it
 * passes (B3 at 100k, see docs/benchmarks.md).
 */
export class NameIndexWithKey1763960000000 implements MigrationInterface {
  name = 'NameIndexWithKey1763960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(queryRunner, ['accountId', 'nameNormalized', 'id', 'key']);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(queryRunner, ['accountId', 'nameNormalized', 'id']);
  }

  private async recreate(queryRunner: QueryRunner, columns: string[]): Promise<void> {
    const mysql = isMysqlFamily(queryRunner);
    const quote = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
    await queryRunner.query(
      mysql
        ? 'DROP INDEX `IDX_api_keys_account_name` ON `api_keys`'
        : 'DROP INDEX "IDX_api_keys_account_name"',
    );
    await queryRunner.query(
      `CREATE INDEX ${quote('IDX_api_keys_account_name')} ON ${quote('api_keys')} (${columns.map(quote).join(', ')})`,
    );
  }
}
