import type { DataSource } from 'typeorm';
import { newId } from '../common/ids.js';
import { addMember, createAccount } from '../modules/accounts/account.service.js';
import { hashPassword } from '../modules/auth/password.js';
import { defaultUserName, User } from '../modules/auth/user.entity.js';

export interface NewAccount {
  slug: string;
  name: string;
  email: string;
  password: string;
}

/**
 * An account, its predefined roles, and a user holding Owner (Admin Super) there. An email that
 * already has a user keeps that user's password (`userExisted`); the password is used only for
 * a new user.
 */
export const createAccountWithOwner = async (dataSource: DataSource, input: NewAccount) => {
  const passwordHash = await hashPassword(input.password);
  return dataSource.transaction(async (manager) => {
    const { account, roles } = await createAccount(manager, input.slug, input.name);
    const email = input.email.trim().toLowerCase();
    let user = await manager.getRepository(User).findOneBy({ email });
    const userExisted = user !== null;
    if (!user) {
      user = manager.create(User, {
        id: newId(),
        email,
        name: defaultUserName(email),
        passwordHash,
        createdAt: new Date(),
      });
      await manager.insert(User, user);
    }
    const owner = roles.get('owner');
    await addMember(manager, account.id, user.id, owner ? [owner] : []);
    return { account, user, userExisted };
  });
};
