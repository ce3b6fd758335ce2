import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../../common/dialect.js';

/** Single-use links through which new members set their first password. */
export class PasswordSetupLinks1763910000000 implements MigrationInterface {
  name = 'PasswordSetupLinks1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = isMysqlFamily(queryRunner) ? MYSQL_UP : SQLITE_UP;
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE ${queryRunner.connection.driver.escape('password_setup_links')}`,
    );
  }
}

const SQLITE_UP = [
  'CREATE TABLE "password_setup_links" ("idHash" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, CONSTRAINT "FK_f9e0e7fa4dae4f3f5052c51d2ac" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
  'CREATE INDEX "IDX_password_setup_links_user" ON "password_setup_links" ("userId") ',
];

const MYSQL_UP = [
  'CREATE TABLE `password_setup_links` (`idHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, INDEX `IDX_password_setup_links_user` (`userId`), PRIMARY KEY (`idHash`)) ENGINE=InnoDB',
  'ALTER TABLE `password_setup_links` ADD CONSTRAINT `FK_f9e0e7fa4dae4f3f5052c51d2ac` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
];
