import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

const RESOURCE = 'license-manager:verify-api-keys';

/**
 * The Owner role holds every resource of the catalog: existing accounts' Owner roles get the new
 * _Verify API keys_ (a service verifying other keys, see @keyward/verify). No schema change.
 */
export class VerifyApiKeysResource1764100000000 implements MigrationInterface {
  name = 'VerifyApiKeysResource1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isMysqlFamily(queryRunner)
        ? "INSERT INTO `role_resources` (`roleId`, `resourceKey`) SELECT `r`.`id`, ? FROM `roles` `r` WHERE `r`.`predefinedKey` = 'owner' AND NOT EXISTS (SELECT 1 FROM `role_resources` `x` WHERE `x`.`roleId` = `r`.`id` AND `x`.`resourceKey` = ?)"
        : 'INSERT INTO "role_resources" ("roleId", "resourceKey") SELECT "r"."id", ? FROM "roles" "r" WHERE "r"."predefinedKey" = \'owner\' AND NOT EXISTS (SELECT 1 FROM "role_resources" "x" WHERE "x"."roleId" = "r"."id" AND "x"."resourceKey" = ?)',
      [RESOURCE, RESOURCE],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      isMysqlFamily(queryRunner)
        ? 'DELETE FROM `role_resources` WHERE `resourceKey` = ?'
        : 'DELETE FROM "role_resources" WHERE "resourceKey" = ?',
      [RESOURCE],
    );
  }
}
