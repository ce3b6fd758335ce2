import type { DataSource, EntityManager } from 'typeorm';

/**
 * Errors after which the whole transaction may simply run again: nothing of it was committed.
 *
 * - 1213 ER_LOCK_DEADLOCK: an InnoDB deadlock, and on Galera a certification conflict (a
 *   transaction on another node wrote the same rows first; `SELECT … FOR UPDATE` locks only on
 *   the local node, so this is how cross-node races end) or a brute-force abort by a replicated
 *   write.
 * - 1205 ER_LOCK_WAIT_TIMEOUT: a lock wait gave up; the transaction was rolled back by us.
 * - 1047 ER_UNKNOWN_COM_ERROR: Galera's "WSREP has not yet prepared node for application use"
 *   (the node is joining or lost its quorum): raised before anything is applied.
 * - 1180 ER_ERROR_DURING_COMMIT with a wsrep message is not retried: its outcome is unknown.
 */
const RETRYABLE_ERRNOS = new Set([1213, 1205, 1047]);
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export const isTransactionConflict = (error: unknown): boolean => {
  const { errno, code, driverError } = (error ?? {}) as {
    errno?: number;
    code?: string;
    driverError?: { errno?: number; code?: string };
  };
  const number = driverError?.errno ?? errno;
  const name = driverError?.code ?? code;
  return (
    (typeof number === 'number' && RETRYABLE_ERRNOS.has(number)) ||
    (typeof name === 'string' && RETRYABLE_CODES.has(name))
  );
};

/** The reason label of the retry counter: a conflict, a lock wait timeout, or a node not ready. */
export const conflictReason = (error: unknown): 'deadlock' | 'lock_wait_timeout' | 'not_ready' => {
  const { errno, driverError } = (error ?? {}) as {
    errno?: number;
    driverError?: { errno?: number };
  };
  const number = driverError?.errno ?? errno;
  if (number === 1205) return 'lock_wait_timeout';
  if (number === 1047) return 'not_ready';
  return 'deadlock';
};

export interface RetryPolicy {
  /** Runs of the transaction in all, the first included. */
  attempts: number;
  /** The first pause; each further one doubles, with full jitter, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 8, baseDelayMs: 10, maxDelayMs: 400 };

export type RetryListener = (event: {
  reason: ReturnType<typeof conflictReason>;
  /** 'retried' when another run follows, 'exhausted' when the error goes to the caller. */
  outcome: 'retried' | 'exhausted';
}) => void;

const listeners = new WeakMap<DataSource, Set<RetryListener>>();

/** Told of every retry and every give-up on this data source (the app counts them in /metrics). */
export const onTransactionRetry = (dataSource: DataSource, listener: RetryListener) => {
  const set = listeners.get(dataSource) ?? new Set<RetryListener>();
  set.add(listener);
  listeners.set(dataSource, set);
  return () => set.delete(listener);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: anywhere in [0, min(max, base · 2^(attempt-1))], so racers spread apart. */
export const retryDelayMs = (policy: RetryPolicy, attempt: number): number =>
  Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));

/**
 * Runs `work` and, when it fails with a conflict the database rolled back whole, runs it again
 * (bounded, with jittered backoff). `work` must be a transaction or a single statement with no
 * side effect outside the database: emails, webhooks, cache invalidations and the answer to the
 * client happen after it returns, so a retry can never send or reveal anything twice.
 */
export const withConflictRetry = async <T>(
  dataSource: DataSource,
  work: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      const last = attempt >= policy.attempts;
      for (const listener of listeners.get(dataSource) ?? [])
        listener({ reason: conflictReason(error), outcome: last ? 'exhausted' : 'retried' });
      if (last) throw error;
      await sleep(retryDelayMs(policy, attempt));
    }
  }
};

/**
 * Every `dataSource.transaction(…)` (and `dataSource.manager.transaction(…)`) retries whole on
 * conflicts, on every database: the services keep calling `transaction` as before. Nested
 * transactions run on the transaction's own manager and are not retried on their own: the
 * outermost one is.
 */
export const installTransactionRetry = (
  dataSource: DataSource,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): void => {
  const manager: EntityManager = dataSource.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const retrying = (...args: unknown[]) =>
    withConflictRetry(dataSource, () => original(...args), policy);
  // TypeORM's overloads cannot be spelled as one signature; the wrapper forwards every form.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  manager.transaction = retrying as EntityManager['transaction'];
};

/** Connection-level failures: the database (or this server's cluster node) cannot be reached. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
]);
/** 1047: a Galera node that is not in the primary component ("WSREP has not yet prepared…"). */
const UNAVAILABLE_ERRNOS = new Set([1047, 2002, 2003, 2006, 2013]);

export const isDatabaseUnavailable = (error: unknown): boolean => {
  const { errno, code, driverError } = (error ?? {}) as {
    errno?: number;
    code?: string;
    driverError?: { errno?: number; code?: string };
  };
  const number = driverError?.errno ?? errno;
  const name = driverError?.code ?? code;
  return (
    (typeof name === 'string' && UNAVAILABLE_CODES.has(name)) ||
    (typeof number === 'number' && UNAVAILABLE_ERRNOS.has(number))
  );
};
