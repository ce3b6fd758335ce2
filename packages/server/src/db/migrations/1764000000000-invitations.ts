import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/**
 * Invitations replace adding members directly (issue 12): a membership exists only once the
 * invited person accepts, and the single-use link is the invitation's own, so revoking it (or
 * accepting it) kills the link.
 *
 * The old password-setup links are dropped, and with them the users who were added but never
 * set a password (their `passwordHash` is the dummy hash nobody can match): such a user was made
 * a member without consent, and whoever held the link could have claimed every membership of
 * that email. Their memberships go with them; an admin invites them again.
 */
export class Invitations1764000000000 implements MigrationInterface {
  name = 'Invitations1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = isMysqlFamily(queryRunner) ? MYSQL_UP : SQLITE_UP;
    for (const statement of statements) await queryRunner.query(statement);
    // Migrations run with foreign keys off on SQLite: dependent rows go explicitly, first.
    const mysql = isMysqlFamily(queryRunner);
    const q = (sql: string) => (mysql ? sql : sql.replaceAll('`', '"'));
    const neverSet = 'SELECT `id` FROM `users` WHERE `passwordHash` = ?';
    const theirMemberships = `SELECT \`id\` FROM \`memberships\` WHERE \`userId\` IN (${neverSet})`;
    for (const statement of [
      `DELETE FROM \`membership_roles\` WHERE \`membershipId\` IN (${theirMemberships})`,
      `DELETE FROM \`memberships\` WHERE \`userId\` IN (${neverSet})`,
      `DELETE FROM \`sessions\` WHERE \`userId\` IN (${neverSet})`,
      'DELETE FROM `users` WHERE `passwordHash` = ?',
    ]) {
      await queryRunner.query(q(statement), [NEVER_SET_PASSWORD_HASH]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = isMysqlFamily(queryRunner) ? MYSQL_DOWN : SQLITE_DOWN;
    for (const statement of statements) await queryRunner.query(statement);
  }
}

/** DUMMY_PASSWORD_HASH as it was when this migration was written (a migration never changes). */
const NEVER_SET_PASSWORD_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + Buffer.alloc(64).toString('base64');

const SQLITE_UP = [
  'DROP TABLE "password_setup_links"',
  'CREATE TABLE "invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "accountId" varchar(36) NOT NULL, "email" varchar(254) NOT NULL, "tokenHash" varchar(64) NOT NULL, "invitedBy" varchar(254) NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, CONSTRAINT "FK_ee84159b69a73b48c83ca488c87" FOREIGN KEY ("accountId") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE UNIQUE INDEX "UQ_invitations_token" ON "invitations" ("tokenHash") ',
  'CREATE INDEX "IDX_invitations_expires" ON "invitations" ("expiresAt") ',
  'CREATE UNIQUE INDEX "UQ_invitations_account_email" ON "invitations" ("accountId", "email") ',
  'CREATE TABLE "invitation_roles" ("invitationId" varchar(36) NOT NULL, "roleId" varchar(36) NOT NULL, CONSTRAINT "FK_32e9157dd516fe786b1d7687ab0" FOREIGN KEY ("invitationId") REFERENCES "invitations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_cc7c406b01c1d81c46f5df769b2" FOREIGN KEY ("roleId") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("invitationId", "roleId"))',
  'CREATE INDEX "IDX_invitation_roles_role" ON "invitation_roles" ("roleId") ',
];

const MYSQL_UP = [
  'DROP TABLE `password_setup_links`',
  'CREATE TABLE `invitations` (`id` varchar(36) NOT NULL, `accountId` varchar(36) NOT NULL, `email` varchar(254) NOT NULL, `tokenHash` varchar(64) NOT NULL, `invitedBy` varchar(254) NOT NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, UNIQUE INDEX `UQ_invitations_token` (`tokenHash`), INDEX `IDX_invitations_expires` (`expiresAt`), UNIQUE INDEX `UQ_invitations_account_email` (`accountId`, `email`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
  'CREATE TABLE `invitation_roles` (`invitationId` varchar(36) NOT NULL, `roleId` varchar(36) NOT NULL, INDEX `IDX_invitation_roles_role` (`roleId`), PRIMARY KEY (`invitationId`, `roleId`)) ENGINE=InnoDB',
  'ALTER TABLE `invitations` ADD CONSTRAINT `FK_ee84159b69a73b48c83ca488c87` FOREIGN KEY (`accountId`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `invitation_roles` ADD CONSTRAINT `FK_32e9157dd516fe786b1d7687ab0` FOREIGN KEY (`invitationId`) REFERENCES `invitations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
  'ALTER TABLE `invitation_roles` ADD CONSTRAINT `FK_cc7c406b01c1d81c46f5df769b2` FOREIGN KEY (`roleId`) REFERENCES `roles`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
];

// Down restores the empty links table; the users removed by up are not restored.
const SQLITE_DOWN = [
  'DROP TABLE "invitation_roles"',
  'DROP TABLE "invitations"',
  'CREATE TABLE "password_setup_links" ("idHash" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, CONSTRAINT "FK_f9e0e7fa4dae4f3f5052c51d2ac" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_password_setup_links_user" ON "password_setup_links" ("userId") ',
];

const MYSQL_DOWN = [
  'DROP TABLE `invitation_roles`',
  'DROP TABLE `invitations`',
  'CREATE TABLE `password_setup_links` (`idHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, INDEX `IDX_password_setup_links_user` (`userId`), PRIMARY KEY (`idHash`)) ENGINE=InnoDB',
  'ALTER TABLE `password_setup_links` ADD CONSTRAINT `FK_f9e0e7fa4dae4f3f5052c51d2ac` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
];
