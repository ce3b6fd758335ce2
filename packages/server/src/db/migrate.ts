import type { DataSource } from 'typeorm';

/** Applies pending migrations in one transaction each; safe to call at every start. */
export const migrate = async (dataSource: DataSource): Promise<void> => {
  await dataSource.runMigrations({ transaction: 'each' });
};
