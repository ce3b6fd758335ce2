import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source.js';
import { migrate } from '../src/db/migrate.js';
import { migrations } from '../src/db/migrations/index.js';
import { testDatabases } from './support/databases.js';

describe.each(testDatabases)('migrations on $name', (database) => {
  let created: Awaited<ReturnType<typeof database.create>>;
  beforeAll(async () => {
    created = await database.create();
  });
  afterAll(async () => created.drop());

  it('produce exactly the schema the entities describe', async () => {
    const dataSource = createDataSource(created.url);
    await dataSource.initialize();
    try {
      await migrate(dataSource);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  it('are reversible', async () => {
    const dataSource = createDataSource(created.url);
    await dataSource.initialize();
    try {
      await migrate(dataSource);
      for (const _ of migrations) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = await dataSource.createQueryRunner().getTables(['api_keys', 'accounts']);
      expect(tables).toEqual([]);
      await migrate(dataSource);
    } finally {
      await dataSource.destroy();
    }
  });

  // Several servers behind a load balancer start together on one MySQL database.
  it.runIf(database.name === 'mysql')(
    'run once when two servers start at the same time',
    async () => {
      const fresh = await database.create();
      const servers = [createDataSource(fresh.url), createDataSource(fresh.url)];
      try {
        await Promise.all(servers.map((dataSource) => dataSource.initialize()));
        await Promise.all(servers.map((dataSource) => migrate(dataSource)));
        const applied = (await servers[0]!.query('SELECT COUNT(*) AS n FROM migrations')) as {
          n: number | string;
        }[];
        expect(Number(applied[0]?.n)).toBe(migrations.length);
      } finally {
        await Promise.all(servers.map((dataSource) => dataSource.destroy()));
        await fresh.drop();
      }
    },
  );
});
