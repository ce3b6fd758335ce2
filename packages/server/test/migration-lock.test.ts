import { describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source.js';
import { migrate } from '../src/db/migrate.js';
import { migrations } from '../src/db/migrations/index.js';
import { testDatabases } from './support/databases.js';

/**
 * The MySQL-family migration lock is a row with a lease (never GET_LOCK, which a multi-primary
 * cluster keeps on one node): a live holder makes others wait, a dead one loses it on expiry.
 */
const mysql = testDatabases.find((database) => database.name === 'mysql');

describe.runIf(mysql)('the migration lock row', () => {
  const withDatabase = async (work: (url: string) => Promise<void>) => {
    const created = await mysql!.create();
    try {
      await work(created.url);
    } finally {
      await created.drop();
    }
  };

  it('is taken over once the lease of a holder that died has run out', async () => {
    await withDatabase(async (url) => {
      const dataSource = createDataSource(url);
      await dataSource.initialize();
      try {
        await migrate(dataSource);
        // A server died while holding the lock a minute ago.
        await dataSource.query(
          "INSERT INTO keyward_migration_lock (name, owner, expiresAt) VALUES ('migrations', 'dead-server', UTC_TIMESTAMP(6) - INTERVAL 1 SECOND)",
        );
        await migrate(dataSource, { pollMs: 20, waitMs: 5_000 });
        const [applied] = (await dataSource.query('SELECT COUNT(*) AS n FROM migrations')) as {
          n: number | string;
        }[];
        expect(Number(applied?.n)).toBe(migrations.length);
        // Released at the end.
        expect(await dataSource.query('SELECT * FROM keyward_migration_lock')).toEqual([]);
      } finally {
        await dataSource.destroy();
      }
    });
  });

  it('makes a server wait while another holds a live lease, and gives up after waitMs', async () => {
    await withDatabase(async (url) => {
      const dataSource = createDataSource(url);
      await dataSource.initialize();
      try {
        await migrate(dataSource);
        await dataSource.query(
          "INSERT INTO keyward_migration_lock (name, owner, expiresAt) VALUES ('migrations', 'live-server', UTC_TIMESTAMP(6) + INTERVAL 60 SECOND)",
        );
        const started = Date.now();
        await expect(migrate(dataSource, { pollMs: 20, waitMs: 400 })).rejects.toThrow(
          /migration lock/,
        );
        expect(Date.now() - started).toBeGreaterThanOrEqual(400);
        // The live holder's row is untouched.
        const rows = (await dataSource.query('SELECT owner FROM keyward_migration_lock')) as {
          owner: string;
        }[];
        expect(rows).toEqual([{ owner: 'live-server' }]);
      } finally {
        await dataSource.destroy();
      }
    });
  });
});
