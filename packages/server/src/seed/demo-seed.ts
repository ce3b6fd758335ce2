import type { DataSource } from 'typeorm';
import { Account } from '../modules/accounts/account.entity.js';
import { createAccountWithOwner } from './create-account-with-owner.js';

export const DEMO = {
  accountSlug: 'demo',
  email: 'admin@example.com',
  password: 'keyward-demo',
} as const;

/** Local use only: a known password on a well-known account. Idempotent. */
export const seedDemo = async (dataSource: DataSource): Promise<void> => {
  if (await dataSource.getRepository(Account).existsBy({ slug: DEMO.accountSlug })) return;
  await createAccountWithOwner(dataSource, {
    slug: DEMO.accountSlug,
    name: 'Demo Store',
    email: DEMO.email,
    password: DEMO.password,
  });
};
