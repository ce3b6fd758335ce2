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
});
