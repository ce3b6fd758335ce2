import type { DataSource, EntityManager } from 'typeorm';
import { assertVisibleName } from '../../common/text-input.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../../common/app-error.js';
import { isUniqueViolation } from '../../common/db-errors.js';
import { newId } from '../../common/ids.js';
import { MembershipRole } from '../accounts/membership-role.entity.js';
import { Membership } from '../accounts/membership.entity.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { KeyGrantRole } from '../api-keys/key-grant-role.entity.js';
import { KeyGrant } from '../api-keys/key-grant.entity.js';
import { User } from '../auth/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireAuthority, requireAuthorityOver } from '../auth/authority.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller, Principal } from '../auth/principal.js';
import { isResourceKey, Resources } from './resource-catalog.js';
import { RoleResource } from './role-resource.entity.js';
import { Role } from './role.entity.js';
import type { AuthChanges } from '../verification/auth-changes.js';

const HOLDERS_SHOWN = 20;

export type RoleHoldersView = {
  userCount: number;
  apiKeyCount: number;
  users: { id: string; email: string }[];
  apiKeys: { id: string; key: string; name: string; external: boolean }[];
};

const NAME_TAKEN = 'A role with this name already exists in this account.';

const normalizeRoleName = (raw: string) => {
  const name = raw.trim();
  if (name.length < 1 || name.length > 100)
    throw badInput('name', 'The role name must have 1 to 100 characters.');
  assertVisibleName('name', name);
  return { name, nameNormalized: name.toLowerCase() };
};

/** Custom roles: predefined ones are read-only, and nobody grants what they do not hold. */
export class RoleAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authChanges: AuthChanges,
  ) {}

  async create(
    caller: Caller,
    input: { name: string; resourceKeys: readonly string[] },
  ): Promise<Role> {
    const principal = requireResource(caller, Resources.editRoles);
    const { name, nameNormalized } = normalizeRoleName(input.name);
    const resourceKeys = this.grantableResources(principal, input.resourceKeys);
    return this.write(async (manager) => {
      await this.assertNameFree(manager, principal.accountId, nameNormalized);
      const role = manager.create(Role, {
        id: newId(),
        accountId: principal.accountId,
        name,
        nameNormalized,
        predefinedKey: null,
        createdAt: new Date(),
      });
      await manager.insert(Role, role);
      await this.replaceResources(manager, role.id, resourceKeys);
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'role.created',
        target: { type: 'role', id: role.id, label: name },
        details: { resourceKeys },
      });
      return role;
    });
  }

  async update(
    caller: Caller,
    input: { id: string; name?: string | null; resourceKeys?: readonly string[] | null },
  ): Promise<Role> {
    const principal = requireResource(caller, Resources.editRoles);
    return this.write(async (manager) => {
      const role = await this.findCustomWithinAuthority(manager, principal, input.id);
      const details: Record<string, unknown> = {};
      if (input.name !== undefined && input.name !== null) {
        const { name, nameNormalized } = normalizeRoleName(input.name);
        if (nameNormalized !== role.nameNormalized)
          await this.assertNameFree(manager, principal.accountId, nameNormalized);
        details.name = { from: role.name, to: name };
        Object.assign(role, { name, nameNormalized });
        await manager.update(Role, { id: role.id }, { name, nameNormalized });
      }
      if (input.resourceKeys) {
        const resourceKeys = this.grantableResources(principal, input.resourceKeys);
        await this.replaceResources(manager, role.id, resourceKeys);
        details.resourceKeys = resourceKeys;
      }
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'role.updated',
        target: { type: 'role', id: role.id, label: role.name },
        details,
      });
      return role;
    });
  }

  /**
   * Who holds a role in the caller's account, said before Delete is pressed: members by email
   * and keys by identifier (an external key names its account), 20 of each at most, with counts.
   */
  async holders(caller: Caller, id: string): Promise<RoleHoldersView> {
    const principal = requireResource(caller, Resources.editRoles);
    const manager = this.dataSource.manager;
    const role = await manager
      .getRepository(Role)
      .findOneBy({ id, accountId: principal.accountId });
    if (!role) throw notFound('Role');
    const accountId = principal.accountId;
    const users = manager
      .getRepository(MembershipRole)
      .createQueryBuilder('mr')
      .innerJoin(Membership, 'm', 'm.id = mr.membershipId')
      .innerJoin(User, 'u', 'u.id = m.userId')
      .where('mr.roleId = :roleId', { roleId: role.id })
      .andWhere('m.accountId = :accountId', { accountId });
    const keys = manager
      .getRepository(KeyGrantRole)
      .createQueryBuilder('gr')
      .innerJoin(KeyGrant, 'g', 'g.id = gr.grantId')
      .innerJoin(ApiKey, 'k', 'k.id = g.apiKeyId')
      .where('gr.roleId = :roleId', { roleId: role.id })
      .andWhere('g.accountId = :accountId', { accountId });
    const [userCount, apiKeyCount, userRows, keyRows] = await Promise.all([
      users.clone().getCount(),
      keys.clone().getCount(),
      users
        .clone()
        .select(['u.id AS id', 'u.email AS email'])
        .orderBy('u.email', 'ASC')
        .limit(HOLDERS_SHOWN)
        .getRawMany<{ id: string; email: string }>(),
      keys
        .clone()
        .select([
          'k.id AS id',
          'k.key AS keyIdentifier',
          'k.name AS name',
          'k.accountId AS ownerId',
        ])
        .orderBy('k.key', 'ASC')
        .limit(HOLDERS_SHOWN)
        .getRawMany<{ id: string; keyIdentifier: string; name: string; ownerId: string }>(),
    ]);
    // Editing roles is not reading users or keys: names need View users / View API Keys.
    const mayReadUsers = principal.resources.has(Resources.viewUsers);
    const mayReadKeys = principal.resources.has(Resources.viewApiKeys);
    return {
      userCount,
      apiKeyCount,
      users: mayReadUsers ? userRows.map((row) => ({ id: row.id, email: row.email })) : [],
      apiKeys: (mayReadKeys ? keyRows : []).map((row) => ({
        id: row.id,
        key: row.keyIdentifier,
        name: row.name,
        external: row.ownerId !== accountId,
      })),
    };
  }

  /** Refused while anyone holds the role, saying how many: removing access silently is worse. */
  async delete(caller: Caller, id: string): Promise<string> {
    const principal = requireResource(caller, Resources.editRoles);
    return this.write(async (manager) => {
      const role = await this.findCustomWithinAuthority(manager, principal, id);
      const [users, keys] = await Promise.all([
        manager.getRepository(MembershipRole).countBy({ roleId: role.id }),
        manager.getRepository(KeyGrantRole).countBy({ roleId: role.id }),
      ]);
      if (users + keys > 0) {
        const counted = (count: number, one: string, many: string) =>
          `${count} ${count === 1 ? one : many}`;
        throw conflict(
          `This role is held by ${counted(users, 'user', 'users')} and ${counted(keys, 'API key', 'API keys')}. Remove it from them first.`,
        );
      }
      await manager.delete(Role, { id: role.id });
      await recordAudit(manager, caller, {
        accountId: principal.accountId,
        action: 'role.deleted',
        target: { type: 'role', id: role.id, label: role.name },
      });
      return role.id;
    });
  }

  private grantableResources(principal: Principal, resourceKeys: readonly string[]): string[] {
    const unique = [...new Set(resourceKeys)];
    const unknown = unique.filter((key) => !isResourceKey(key));
    if (unknown.length > 0)
      throw badInput('resourceKeys', `Unknown resource: ${unknown.join(', ')}.`);
    requireAuthority(principal, 'role', unique, true);
    return unique;
  }

  private async findCustomWithinAuthority(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<Role> {
    const role = await manager
      .getRepository(Role)
      .findOneBy({ id, accountId: principal.accountId });
    if (!role) throw notFound('Role');
    if (role.predefinedKey !== null) throw forbidden('Predefined roles cannot be changed.');
    await requireAuthorityOver(manager, principal, { kind: 'role', roleId: role.id });
    return role;
  }

  private async assertNameFree(manager: EntityManager, accountId: string, nameNormalized: string) {
    if (await manager.getRepository(Role).existsBy({ accountId, nameNormalized })) {
      throw conflict(NAME_TAKEN, 'name');
    }
  }

  private async replaceResources(manager: EntityManager, roleId: string, resourceKeys: string[]) {
    await manager.delete(RoleResource, { roleId });
    if (resourceKeys.length > 0) {
      await manager.insert(
        RoleResource,
        resourceKeys.map((resourceKey) => ({ roleId, resourceKey })),
      );
    }
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      const result = await this.dataSource.transaction(work);
      // Keys holding a changed role everywhere must see its new resources at once.
      await this.authChanges.everythingChanged();
      return result;
    } catch (error) {
      if (!(error instanceof AppError) && isUniqueViolation(error))
        throw conflict(NAME_TAKEN, 'name');
      throw error;
    }
  }
}
