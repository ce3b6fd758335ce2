import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/**
 * `api_keys.oldTokenLiveUntil`: a pending renewal as an indexed column of the key. The
 * renewal filter and the banner used to look up the tokens of every key of the account
 * (853 ms at 100k keys in B3). The backfill takes each key's old live token, if any.
 */
export class OldTokenLiveUntil1763950000000 implements MigrationInterface {
  name = 'OldTokenLiveUntil1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysqlFamily(queryRunner);
    const quote = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
    await queryRunner.query(
      `ALTER TABLE ${quote('api_keys')} ADD ${mysql ? '' : 'COLUMN '}${quote('oldTokenLiveUntil')} datetime(3)${mysql ? ' NULL' : ''}`,
    );
    await queryRunner.query(
      `CREATE INDEX ${quote('IDX_api_keys_account_old_token')} ON ${quote('api_keys')} (${quote('accountId')}, ${quote('oldTokenLiveUntil')})`,
    );
    // KEPT_UNTIL_DELETED (pending-renewal.ts) written out, for an old token without an expiry.
    await queryRunner.query(
      `UPDATE ${quote('api_keys')} SET ${quote('oldTokenLiveUntil')} = (
        SELECT MAX(COALESCE(t.${quote('expiresAt')}, '9999-12-31 00:00:00.000'))
        FROM ${quote('api_tokens')} t
        WHERE t.${quote('apiKeyId')} = ${quote('api_keys')}.${quote('id')}
          AND t.${quote('createdAt')} < ${quote('api_keys')}.${quote('tokenCreatedAt')})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('api_keys', 'IDX_api_keys_account_old_token');
    // Not dropColumn: on SQLite TypeORM would rebuild api_keys, cascading into its tokens.
    const mysql = isMysqlFamily(queryRunner);
    await queryRunner.query(
      mysql
        ? 'ALTER TABLE `api_keys` DROP COLUMN `oldTokenLiveUntil`'
        : 'ALTER TABLE "api_keys" DROP COLUMN "oldTokenLiveUntil"',
    );
  }
}
