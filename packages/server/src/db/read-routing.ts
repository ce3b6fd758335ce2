import { AsyncLocalStorage } from 'node:async_hooks';
import { Kind, OperationTypeNode } from 'graphql';
import type { DataSource } from 'typeorm';

/**
 * Where reads outside a transaction go when `DATABASE_READ_URLS` names replicas.
 *
 * The primary by default: every transaction (TypeORM runs it on one primary connection),
 * every authentication decision, every mutation and whatever a request reads after writing.
 * Only work run inside `onReplica` — the list, search, count and export reads of requests that
 * write nothing (see READ_SCALED_FIELDS) — goes to a replica, where it may lag the primary
 * (asynchronous replication: by the replica's delay; Galera: by the apply queue, usually
 * milliseconds). `onPrimary` inside it brings a piece of work back to the primary.
 */
const scope = new AsyncLocalStorage<'replica' | 'primary'>();

export const onReplica = <T>(work: () => T): T => scope.run('replica', work);
export const onPrimary = <T>(work: () => T): T => scope.run('primary', work);
export const readsFromReplica = (): boolean => scope.getStore() === 'replica';

/** Installed on every data source; without replicas TypeORM has a single pool and ignores it. */
export const installReadRouting = (dataSource: DataSource): void => {
  dataSource.defaultReplicationModeForReads = () => (readsFromReplica() ? 'slave' : 'master');
};

/** GraphQL query fields that only list, search or count: a request made of these alone may read a replica. */
export const READ_SCALED_FIELDS = new Set([
  'generatedKeys',
  'generatedKeysAlertSummary',
  'externalKeys',
  'auditEvents',
  '__typename',
]);

/** `DATABASE_READ_URLS`: comma-separated MySQL/MariaDB URLs of replicas (or other cluster nodes). */
export const parseReadUrls = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url.length > 0);

/**
 * True for a single GraphQL query operation whose root fields all list, search or count:
 * such a request writes nothing, so nothing it reads needs to see its own writes.
 */
export const isReadScaledRequest = (
  body: unknown,
  parse: (source: string) => import('graphql').DocumentNode,
): boolean => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  let document;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    typeof operationName === 'string' && operationName
      ? operations.find((definition) => definition.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation || operation.operation !== OperationTypeNode.QUERY) return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && READ_SCALED_FIELDS.has(selection.name.value),
  );
};
