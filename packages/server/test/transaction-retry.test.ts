import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source.js';
import { migrate } from '../src/db/migrate.js';
import { isReadScaledRequest } from '../src/db/read-routing.js';
import { isDatabaseUnavailable, onTransactionRetry } from '../src/common/transaction-retry.js';
import { parse } from 'graphql';
import { testDatabases } from './support/databases.js';

/** What a Galera certification conflict looks like through TypeORM. */
const certificationConflict = () =>
  Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
    driverError: { errno: 1213, code: 'ER_LOCK_DEADLOCK' },
  });

describe.each(testDatabases)('transactions retried on conflicts on $name', (database) => {
  let created: Awaited<ReturnType<typeof database.create>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    created = await database.create();
    dataSource = createDataSource(created.url);
    await dataSource.initialize();
    await migrate(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await created.drop();
  });

  it('runs the whole transaction again after a conflict, and counts the retry', async () => {
    const events: string[] = [];
    const stop = onTransactionRetry(dataSource, (event) =>
      events.push(`${event.reason}:${event.outcome}`),
    );
    let runs = 0;
    const result = await dataSource.transaction(async (manager) => {
      runs += 1;
      await manager.query('SELECT 1');
      if (runs < 3) throw certificationConflict();
      return 'committed';
    });
    stop();
    expect([result, runs]).toEqual(['committed', 3]);
    expect(events).toEqual(['deadlock:retried', 'deadlock:retried']);
  });

  it('gives up after a bounded number of runs, and never retries other errors', async () => {
    const events: string[] = [];
    const stop = onTransactionRetry(dataSource, (event) => events.push(event.outcome));
    let runs = 0;
    await expect(
      dataSource.transaction(async () => {
        runs += 1;
        throw certificationConflict();
      }),
    ).rejects.toThrow(/Deadlock/);
    expect(runs).toBe(8);
    expect(events.filter((outcome) => outcome === 'exhausted')).toHaveLength(1);

    runs = 0;
    await expect(
      dataSource.transaction(async () => {
        runs += 1;
        throw new Error('a rule refused it');
      }),
    ).rejects.toThrow(/rule/);
    expect(runs).toBe(1);
    stop();
  });
});

describe('routing helpers', () => {
  it('sends to a replica only single query operations made of list and count fields', () => {
    const scaled = (query: string, operationName?: string) =>
      isReadScaledRequest({ query, operationName }, parse);
    expect(scaled('{ generatedKeys(first: 5) { totalCount } }')).toBe(true);
    expect(scaled('query { auditEvents { totalCount } externalKeys { totalCount } }')).toBe(true);
    expect(scaled('{ generatedKeys { totalCount } me { kind } }')).toBe(false);
    expect(scaled('mutation { signOut }')).toBe(false);
    expect(scaled('query A { generatedKeys { totalCount } } mutation B { signOut }', 'B')).toBe(
      false,
    );
    expect(scaled('query A { generatedKeys { totalCount } } mutation B { signOut }', 'A')).toBe(
      true,
    );
    expect(scaled('{ ...F } fragment F on Query { generatedKeys { totalCount } }')).toBe(false);
    expect(scaled('{ not valid')).toBe(false);
    expect(isReadScaledRequest([{ query: '{ generatedKeys { totalCount } }' }], parse)).toBe(false);
  });

  it('tells an unreachable database from other errors', () => {
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { errno: 1047 } })).toBe(true);
    expect(isDatabaseUnavailable(certificationConflict())).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});
