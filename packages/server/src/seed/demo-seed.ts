import type { DataSource } from 'typeorm';
import { Account } from '../modules/accounts/account.entity.js';
import { addMember, createAccount } from '../modules/accounts/account.service.js';
import { hashPassword } from '../modules/auth/password.js';
import { User } from '../modules/auth/user.entity.js';
import { newId } from '../common/ids.js';

export const DEMO = {
  accountSlug: 'demo',
  email: 'admin@example.com',
  password: 'keyward-demo',
} as const;

/** Local use only: a known password on a well-known account. Idempotent. */
export const seedDemo = async (dataSource: DataSource): Promise<void> => {
  if (await dataSource.getRepository(Account).existsBy({ slug: DEMO.accountSlug })) return;
  const passwordHash = await hashPassword(DEMO.password);
  await dataSource.transaction(async (manager) => {
    const { account, roles } = await createAccount(manager, DEMO.accountSlug, 'Demo Store');
    const user = manager.create(User, {
      id: newId(),
      email: DEMO.email,
      name: 'Demo Admin',
      passwordHash,
      createdAt: new Date(),
    });
    await manager.insert(User, user);
    const owner = roles.get('owner');
    await addMember(manager, account.id, user.id, owner ? [owner] : []);
  });
};
