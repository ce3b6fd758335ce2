import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** Every server suite runs on SQLite, and on MySQL/MariaDB when KEYWARD_TEST_MYSQL_URL is set. */
export interface TestDatabase {
  name: 'sqlite' | 'mysql';
  /** Creates an empty database and returns its URL and a cleanup. */
  create(): Promise<{ url: string; drop: () => Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'keyward-test-'));
    return {
      url: path.join(dir, 'test.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const asMysql2Url = (url: string) => url.replace(/^mariadb:/, 'mysql:');

const mysqlDatabase = (serverUrl: string): TestDatabase => ({
  name: 'mysql',
  async create() {
    const name = `keyward_test_${randomBytes(6).toString('hex')}`;
    const admin = await mysql.createConnection(asMysql2Url(serverUrl));
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const cleanup = await mysql.createConnection(asMysql2Url(serverUrl));
        await cleanup.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await cleanup.end();
      },
    };
  },
});

export const testDatabases: TestDatabase[] = [
  sqlite,
  ...(process.env.KEYWARD_TEST_MYSQL_URL
    ? [mysqlDatabase(process.env.KEYWARD_TEST_MYSQL_URL)]
    : []),
];
