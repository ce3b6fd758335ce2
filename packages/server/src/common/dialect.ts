import type { EntityManager, QueryRunner } from 'typeorm';

/** MySQL and MariaDB share DDL and locking behaviour; SQLite differs. */
export const isMysqlFamily = (holder: EntityManager | QueryRunner): boolean => {
  const type = holder.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
};
