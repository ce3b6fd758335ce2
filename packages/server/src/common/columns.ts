import type { ColumnOptions } from 'typeorm';

/** Millisecond-precision timestamps, stored the same way on SQLite and MySQL. */
export const timestampColumn = (options: Partial<ColumnOptions> = {}): ColumnOptions => ({
  type: 'datetime',
  precision: 3,
  ...options,
});

/** Ids are UUIDs generated in code, so rows can be created in batches without round trips. */
export const idColumn = () => ({ type: 'varchar', length: 36 }) as const;
