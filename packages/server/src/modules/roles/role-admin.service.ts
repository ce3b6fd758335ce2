import type { DataSource, EntityManager } from 'typeorm';
import { assertVisibleName } from '../../common/text-input.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../../common/app-error.js';
import { isUniqueViolation } from '../../common/db-errors.js';
import { newId } from '../../common/ids.js';
import { MembershipRole } from '../accounts/membership-role.entity.js';
import { KeyGrantRole } from '../api-keys/key-grant-role.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireAuthorityOver } from '../auth/authority.js';
import { requireResource } from '../auth/authorization.js';
import type { Caller, Principal } from '../auth/principal.js';
import { isResourceKey, Resources } from './resource-catalog.js';
import { RoleResource } from './role-resource.entity.js';
import { Role } from './role.entity.js';
import type { AuthChanges } from '../verification/auth-changes.js';

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
        throw conflict(
          `This role is held by ${users} user(s) and ${keys} API key(s). Remove it from them first.`,
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
    if (unique.some((key) => !principal.resources.has(key))) {
      throw forbidden('You cannot put resources you do not hold yourself into a role.');
    }
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
