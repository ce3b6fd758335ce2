import type { DataSource, EntityManager } from 'typeorm';
import { assertVisibleName } from '../../common/text-input.js';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { newId } from '../../common/ids.js';
import { requirePrincipal } from '../auth/authorization.js';
import { User } from '../auth/user.entity.js';
import type { Caller } from '../auth/principal.js';
import { createPredefinedRoles } from '../roles/role.service.js';
import type { Role } from '../roles/role.entity.js';
import { Account } from './account.entity.js';
import { MembershipRole } from './membership-role.entity.js';
import { Membership } from './membership.entity.js';

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export class AccountService {
  constructor(private readonly dataSource: DataSource) {}

  async current(caller: Caller): Promise<Account> {
    const principal = requirePrincipal(caller);
    const account = await this.dataSource
      .getRepository(Account)
      .findOneBy({ id: principal.accountId });
    if (!account) throw notFound('Account');
    return account;
  }

  async user(userId: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id: userId });
  }

  /** The accounts a principal may switch to: a user's memberships, a key's own account. */
  async accountsOf(caller: Caller): Promise<Account[]> {
    const principal = requirePrincipal(caller);
    if (principal.kind === 'api-key') return [await this.current(caller)];
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .innerJoin(Membership, 'm', 'm.accountId = a.id')
      .where('m.userId = :userId', { userId: principal.userId })
      .orderBy('a.name', 'ASC')
      .getMany();
  }
}

/** Creates an account with its predefined roles (installation CLI, seed and tests). */
export const createAccount = async (
  manager: EntityManager,
  slug: string,
  name: string,
): Promise<{ account: Account; roles: Map<string, Role> }> => {
  if (!SLUG_PATTERN.test(slug)) {
    throw badInput('slug', 'Use 1 to 40 lower-case letters, digits or hyphens.');
  }
  if (!name.trim() || name.length > 100) throw badInput('name', 'Use 1 to 100 characters.');
  assertVisibleName('name', name);
  if (await manager.getRepository(Account).existsBy({ slug })) {
    throw conflict(`An account named ${slug} already exists.`, 'slug');
  }
  const account = manager.create(Account, { id: newId(), slug, name, createdAt: new Date() });
  await manager.insert(Account, account);
  return { account, roles: await createPredefinedRoles(manager, account.id) };
};

export const addMember = async (
  manager: EntityManager,
  accountId: string,
  userId: string,
  roles: Role[],
): Promise<Membership> => {
  const membership = manager.create(Membership, {
    id: newId(),
    accountId,
    userId,
    createdAt: new Date(),
  });
  await manager.insert(Membership, membership);
  if (roles.length > 0) {
    await manager.insert(
      MembershipRole,
      roles.map((role) => ({ membershipId: membership.id, roleId: role.id })),
    );
  }
  return membership;
};
