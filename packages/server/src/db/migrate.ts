import type { DataSource } from 'typeorm';
import { isMysqlFamily } from '../common/dialect.js';

/**
 * Applies pending migrations in one transaction each; safe to call at every start. On
 * MySQL, servers starting together take turns through a named lock, so a migration never
 * runs twice at once.
 */
export const migrate = async (dataSource: DataSource): Promise<void> => {
  if (!isMysqlFamily(dataSource.manager)) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  try {
    const [row] = (await lock.query("SELECT GET_LOCK('keyward_migrations', 120) AS acquired")) as {
      acquired: number | string | null;
    }[];
    if (Number(row?.acquired) !== 1)
      throw new Error('Another server held the migration lock for 2 minutes.');
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query("SELECT RELEASE_LOCK('keyward_migrations')").catch(() => undefined);
    await lock.release();
  }
};
