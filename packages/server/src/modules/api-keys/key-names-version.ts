import type { DataSource } from 'typeorm';
import { Account } from '../accounts/account.entity.js';

/**
 * `accounts.keyNamesVersion` moves in every transaction that generates, renames or deletes a
 * key. It is the commands' one duty toward search: the in-memory name index
 * (listing/key-name-index.ts) is used only while the version it was loaded at is still current.
 */

/** Marks the account's key names changed; call inside the transaction that changes them. */
export const keyNamesChanged = async (
  manager: { query: (sql: string, parameters: unknown[]) => Promise<unknown> },
  accountId: string,
): Promise<void> => {
  await manager.query('UPDATE accounts SET keyNamesVersion = keyNamesVersion + 1 WHERE id = ?', [
    accountId,
  ]);
};

/** The account's current names version; null when the account does not exist. */
export const keyNamesVersionOf = async (
  dataSource: DataSource,
  accountId: string,
): Promise<number | null> => {
  const row = await dataSource
    .getRepository(Account)
    .createQueryBuilder('a')
    .select('a.keyNamesVersion', 'version')
    .where('a.id = :accountId', { accountId })
    .getRawOne<{ version: number | string }>();
  return row ? Number(row.version) : null;
};
