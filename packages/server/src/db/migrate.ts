import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../common/dialect.js';
import { isTransactionConflict } from '../common/transaction-retry.js';

/** The lock row lives outside the migrations, which it guards: created before any of them. */
const LOCK_TABLE = 'keyward_migration_lock';
const LOCK_NAME = 'migrations';

export interface MigrationLockOptions {
  /** A holder that stops renewing (a crashed server) loses the lock after this long. */
  leaseMs?: number;
  /** How long to wait for another server's migrations before giving up. */
  waitMs?: number;
  /** Pause between attempts while another server holds the lock. */
  pollMs?: number;
}

const DEFAULTS: Required<MigrationLockOptions> = {
  leaseMs: 60_000,
  waitMs: 10 * 60_000,
  pollMs: 250,
};

/**
 * Applies pending migrations in one transaction each; safe to call at every start.
 *
 * On MySQL and MariaDB, servers starting together take turns through a lock ROW with a lease,
 * not `GET_LOCK`: a named lock is local to one node of a multi-primary cluster (Galera, Group
 * Replication), while a row is replicated and certified like any write, so two servers attached
 * to different nodes can never both hold it. The holder renews its lease while migrating and
 * deletes the row at the end; a holder that died loses the row when its lease runs out.
 */
export const migrate = async (
  dataSource: DataSource,
  options: MigrationLockOptions = {},
): Promise<void> => {
  if (!isMysqlFamily(dataSource.manager)) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const settings = { ...DEFAULTS, ...options };
  const runner = dataSource.createQueryRunner('master');
  const owner = randomUUID();
  try {
    await ensureLockTable(runner);
    await acquire(runner, owner, settings);
    const renewal = setInterval(
      () => void renew(runner, owner, settings.leaseMs).catch(() => undefined),
      Math.max(1_000, Math.floor(settings.leaseMs / 3)),
    );
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      clearInterval(renewal);
      await runner
        .query(`DELETE FROM ${LOCK_TABLE} WHERE name = ? AND owner = ?`, [LOCK_NAME, owner])
        .catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
};

const ensureLockTable = (runner: QueryRunner) =>
  runner.query(
    `CREATE TABLE IF NOT EXISTS ${LOCK_TABLE} (
       name VARCHAR(64) NOT NULL PRIMARY KEY,
       owner VARCHAR(36) NOT NULL,
       expiresAt DATETIME(6) NOT NULL
     ) ENGINE=InnoDB`,
  );

const affected = (result: unknown): number =>
  Number((result as { affectedRows?: number }).affectedRows ?? 0);

/** UTC on the database's clock, so servers with skewed clocks agree on expiry. */
const leaseUntil = (leaseMs: number) =>
  `UTC_TIMESTAMP(6) + INTERVAL ${Math.ceil(leaseMs / 1000)} SECOND`;

const renew = (runner: QueryRunner, owner: string, leaseMs: number) =>
  runner.query(
    `UPDATE ${LOCK_TABLE} SET expiresAt = ${leaseUntil(leaseMs)} WHERE name = ? AND owner = ?`,
    [LOCK_NAME, owner],
  );

/**
 * Inserts the row if nobody holds it, or takes it over once its lease expired. Each statement
 * commits on its own; a concurrent taker on another node makes one of them fail certification
 * (a deadlock error), and the loser simply tries again later.
 */
const acquire = async (
  runner: QueryRunner,
  owner: string,
  settings: Required<MigrationLockOptions>,
): Promise<void> => {
  const deadline = Date.now() + settings.waitMs;
  for (;;) {
    try {
      await runner.query(
        `INSERT IGNORE INTO ${LOCK_TABLE} (name, owner, expiresAt) VALUES (?, ?, ${leaseUntil(settings.leaseMs)})`,
        [LOCK_NAME, owner],
      );
      const taken: unknown = await runner.query(
        `UPDATE ${LOCK_TABLE} SET owner = ?, expiresAt = ${leaseUntil(settings.leaseMs)}
          WHERE name = ? AND (owner = ? OR expiresAt < UTC_TIMESTAMP(6))`,
        [owner, LOCK_NAME, owner],
      );
      if (affected(taken) === 1) return;
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `Another server held the migration lock for ${Math.round(settings.waitMs / 1000)} s.`,
      );
    await new Promise((resolve) => setTimeout(resolve, settings.pollMs * (0.5 + Math.random())));
  }
};
