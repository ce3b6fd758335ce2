import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/** The version servers without Redis poll to drop their verification caches. */
export class AuthCacheVersion1763930000000 implements MigrationInterface {
  name = 'AuthCacheVersion1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isMysqlFamily(queryRunner)
        ? 'CREATE TABLE `auth_cache_version` (`id` int NOT NULL, `version` bigint NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB'
        : 'CREATE TABLE "auth_cache_version" ("id" integer PRIMARY KEY NOT NULL, "version" bigint NOT NULL)',
    );
    await queryRunner.query('INSERT INTO auth_cache_version (id, version) VALUES (1, 0)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_cache_version');
  }
}
