import type { MigrationInterface, QueryRunner } from 'typeorm';
import { accountSlugOfKey } from '../../modules/tokens/api-token.secret.js';
import { isMysqlFamily } from '../../common/dialect.js';

const COLUMNS: [name: string, type: string][] = [
  ['createdByType', 'varchar(20)'],
  ['createdById', 'varchar(36)'],
  ['createdByLabel', 'varchar(254)'],
  ['createdByAccountId', 'varchar(36)'],
  ['createdByAccountSlug', 'varchar(40)'],
];

/**
 * Who generated each key (issue 12, item 4): a user, one of the account's own keys, or another
 * account's key granted roles here (an external key, with its owner account). Copied rather
 * than referenced, so it outlives its creator. Keys generated before are filled in from the
 * audit log's `api-key.generated` events; a key with no such event stays unknown (null).
 */
export class KeyCreatedBy1764010000000 implements MigrationInterface {
  name = 'KeyCreatedBy1764010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysqlFamily(queryRunner);
    if (mysql) {
      await queryRunner.query(
        `ALTER TABLE \`api_keys\` ${COLUMNS.map(([name, type]) => `ADD \`${name}\` ${type} NULL`).join(', ')}`,
      );
      await queryRunner.query(
        'CREATE INDEX `IDX_api_keys_account_creator` ON `api_keys` (`accountId`, `createdByType`, `createdById`)',
      );
    } else {
      for (const [name, type] of COLUMNS) {
        await queryRunner.query(`ALTER TABLE "api_keys" ADD COLUMN "${name}" ${type}`);
      }
      await queryRunner.query(
        'CREATE INDEX "IDX_api_keys_account_creator" ON "api_keys" ("accountId", "createdByType", "createdById")',
      );
    }
    await backfillKeyCreators(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysqlFamily(queryRunner);
    await queryRunner.query(
      mysql
        ? 'DROP INDEX `IDX_api_keys_account_creator` ON `api_keys`'
        : 'DROP INDEX "IDX_api_keys_account_creator"',
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

/**
 * Fills in the creator of every key that has none, from its `api-key.generated` audit event:
 * the actor (a user or a key) and, for a key of another account, that account. Exported for
 * its test; set-based so it stays quick on large accounts.
 */
export const backfillKeyCreators = async (queryRunner: QueryRunner): Promise<void> => {
  const mysql = isMysqlFamily(queryRunner);
  // 1. The actor as recorded: a user, or a key (own or external, told apart below).
  if (mysql) {
    await queryRunner.query(
      `UPDATE api_keys k
         INNER JOIN audit_events e
           ON e.accountId = k.accountId AND e.targetId = k.id AND e.action = 'api-key.generated'
       SET k.createdByType = e.actorType, k.createdById = e.actorId, k.createdByLabel = e.actorLabel
       WHERE k.createdByType IS NULL AND e.actorType IN ('user', 'api-key')`,
    );
  } else {
    const generated = (column: string) => `(SELECT e."${column}" FROM "audit_events" e
        WHERE e."accountId" = "api_keys"."accountId" AND e."targetId" = "api_keys"."id"
          AND e."action" = 'api-key.generated' AND e."actorType" IN ('user', 'api-key')
        ORDER BY e."createdAt" LIMIT 1)`;
    await queryRunner.query(
      `UPDATE "api_keys" SET "createdByType" = ${generated('actorType')},
         "createdById" = ${generated('actorId')}, "createdByLabel" = ${generated('actorLabel')}
       WHERE "createdByType" IS NULL`,
    );
  }
  // 2. A creating key still there and owned by another account: an external key.
  if (mysql) {
    await queryRunner.query(
      `UPDATE api_keys k
         INNER JOIN api_keys c ON c.id = k.createdById
         INNER JOIN accounts a ON a.id = c.accountId
       SET k.createdByType = 'external-key', k.createdByAccountId = a.id,
           k.createdByAccountSlug = a.slug
       WHERE k.createdByType = 'api-key' AND c.accountId <> k.accountId`,
    );
  } else {
    const owner = (column: string) => `(SELECT a."${column}" FROM "api_keys" c
        INNER JOIN "accounts" a ON a."id" = c."accountId" WHERE c."id" = "api_keys"."createdById")`;
    await queryRunner.query(
      `UPDATE "api_keys" SET "createdByType" = 'external-key',
         "createdByAccountId" = ${owner('id')}, "createdByAccountSlug" = ${owner('slug')}
       WHERE "createdByType" = 'api-key' AND EXISTS (SELECT 1 FROM "api_keys" c
         WHERE c."id" = "api_keys"."createdById" AND c."accountId" <> "api_keys"."accountId")`,
    );
  }
  // 3. A creating key deleted since: its identifier still names its account.
  const q = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
  const orphans: unknown = await queryRunner.query(
    `SELECT k.${q('id')} AS ${q('id')}, k.${q('createdByLabel')} AS ${q('label')},
            a.${q('slug')} AS ${q('slug')}
       FROM ${q('api_keys')} k
       INNER JOIN ${q('accounts')} a ON a.${q('id')} = k.${q('accountId')}
       LEFT JOIN ${q('api_keys')} c ON c.${q('id')} = k.${q('createdById')}
      WHERE k.${q('createdByType')} = 'api-key' AND c.${q('id')} IS NULL`,
  );
  for (const orphan of orphans as { id: string; label: string | null; slug: string }[]) {
    const ownerSlug = orphan.label ? accountSlugOfKey(orphan.label) : null;
    if (!ownerSlug || ownerSlug === orphan.slug) continue;
    const [owner] = (await queryRunner.query(
      `SELECT ${q('id')} AS ${q('id')} FROM ${q('accounts')} WHERE ${q('slug')} = ?`,
      [ownerSlug],
    )) as { id: string }[];
    await queryRunner.query(
      `UPDATE ${q('api_keys')} SET ${q('createdByType')} = 'external-key',
         ${q('createdByAccountId')} = ?, ${q('createdByAccountSlug')} = ? WHERE ${q('id')} = ?`,
      [owner?.id ?? null, ownerSlug, orphan.id],
    );
  }
};
