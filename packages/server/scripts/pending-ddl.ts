// Dev helper for writing a migration: applies the existing migrations to empty SQLite and
// MariaDB databases, then prints the DDL the entities still need on each.
// Usage: npx tsx scripts/pending-ddl.ts [mariadb://root@127.0.0.1:3306]
import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { createDataSource } from '../src/db/data-source.js';
import { migrate } from '../src/db/migrate.js';

const server = process.argv[2] ?? 'mariadb://root@127.0.0.1:3306';
const scratch = 'keyward_pending_ddl';
const admin = await mysql.createConnection(server.replace(/^mariadb:/, 'mysql:'));
await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
await admin.query(`CREATE DATABASE ${scratch} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

for (const url of [':memory:', `${server}/${scratch}`]) {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await migrate(dataSource);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  console.log(`=== ${url.startsWith(':') ? 'sqlite' : 'mysql'}`);
  console.log(
    JSON.stringify(
      sql.upQueries.map((query) => query.query),
      null,
      1,
    ),
  );
  await dataSource.destroy();
}
await admin.query(`DROP DATABASE ${scratch}`);
await admin.end();
