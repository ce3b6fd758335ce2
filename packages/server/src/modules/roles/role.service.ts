import { In, type DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { newId } from '../../common/ids.js';
import { requireAuthority, type PrincipalTarget } from '../auth/authority.js';
import { requireAnyResource } from '../auth/authorization.js';
import type { Caller, Principal } from '../auth/principal.js';
import {
  PREDEFINED_ROLES,
  RESOURCES,
  Resources,
  type ResourceDefinition,
} from './resource-catalog.js';
import { KeyGrantRole } from '../api-keys/key-grant-role.entity.js';
import { RoleResource } from './role-resource.entity.js';
import { Role } from './role.entity.js';

/** Anyone who manages keys, users or roles needs to read the role list. */
const ROLE_READERS = [
  Resources.viewApiKeys,
  Resources.editApiKeys,
  Resources.viewUsers,
  Resources.editRoles,
];

const resourceByKey = new Map(RESOURCES.map((resource) => [resource.key, resource]));
const catalogOrder = new Map(RESOURCES.map((resource, index) => [resource.key, index]));

export class RoleService {
  constructor(private readonly dataSource: DataSource) {}

  listResources(caller: Caller): readonly ResourceDefinition[] {
    requireAnyResource(caller, ROLE_READERS);
    return RESOURCES;
  }

  async listRoles(caller: Caller): Promise<Role[]> {
    const principal = requireAnyResource(caller, ROLE_READERS);
    const roles = await this.dataSource.getRepository(Role).find({
      where: { accountId: principal.accountId },
    });
    // Predefined first, in catalog order, then custom roles by name.
    const order = new Map(PREDEFINED_ROLES.map((role, index) => [role.key, index]));
    return roles.sort((a, b) => {
      const rank = (role: Role) => order.get(role.predefinedKey ?? '') ?? PREDEFINED_ROLES.length;
      return rank(a) - rank(b) || a.name.localeCompare(b.name);
    });
  }

  /** Resources of many roles in one query (DataLoader batch function). */
  async resourcesOfRoles(roleIds: readonly string[]): Promise<ResourceDefinition[][]> {
    const rows = await this.dataSource.getRepository(RoleResource).find({
      where: { roleId: In([...roleIds]) },
    });
    const byRole = new Map<string, ResourceDefinition[]>();
    for (const row of rows) {
      const resource = resourceByKey.get(row.resourceKey);
      if (!resource) continue;
      byRole.set(row.roleId, [...(byRole.get(row.roleId) ?? []), resource]);
    }
    const inCatalogOrder = (a: ResourceDefinition, b: ResourceDefinition) =>
      (catalogOrder.get(a.key) ?? 0) - (catalogOrder.get(b.key) ?? 0);
    return roleIds.map((id) => (byRole.get(id) ?? []).sort(inCatalogOrder));
  }

  /** Roles each key grant holds, for a whole page in two queries (DataLoader batch). */
  async rolesOfGrants(grantIds: readonly string[]): Promise<Role[][]> {
    const links = await this.dataSource
      .getRepository(KeyGrantRole)
      .find({ where: { grantId: In([...grantIds]) } });
    return this.groupRoles(
      grantIds,
      links.map((link) => ({ ownerId: link.grantId, roleId: link.roleId })),
    );
  }

  /** Roles of each owner (key, grant, member), sorted by name, from (owner, role) pairs. */
  async groupRoles(
    ownerIds: readonly string[],
    links: { ownerId: string; roleId: string }[],
  ): Promise<Role[][]> {
    const roleIds = [...new Set(links.map((link) => link.roleId))];
    const roles = roleIds.length
      ? await this.dataSource.getRepository(Role).find({ where: { id: In(roleIds) } })
      : [];
    const roleById = new Map(roles.map((role) => [role.id, role]));
    const byOwner = new Map<string, Role[]>();
    for (const link of links) {
      const role = roleById.get(link.roleId);
      if (role) byOwner.set(link.ownerId, [...(byOwner.get(link.ownerId) ?? []), role]);
    }
    return ownerIds.map((id) =>
      (byOwner.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  /**
   * Roles of the caller's account by id; an id from another account is as unknown as a
   * made-up one. Refuses, through the one policy (hold what you touch), roles holding resources
   * the caller does not hold: `grantee` would hold them.
   */
  async rolesGrantableBy(
    manager: EntityManager,
    principal: Principal,
    roleIds: readonly string[],
    grantee: PrincipalTarget['kind'],
  ): Promise<Role[]> {
    const unique = [...new Set(roleIds)];
    if (unique.length === 0) return [];
    const roles = await manager.getRepository(Role).find({
      where: { id: In(unique), accountId: principal.accountId },
    });
    if (roles.length !== unique.length) throw notFound('Role');
    const resources = await manager.getRepository(RoleResource).find({
      where: { roleId: In(unique) },
    });
    requireAuthority(
      principal,
      grantee,
      resources.map((row) => row.resourceKey),
      true,
    );
    return roles;
  }
}

/** Every account gets the predefined roles when it is created. */
export const createPredefinedRoles = async (
  manager: EntityManager,
  accountId: string,
): Promise<Map<string, Role>> => {
  const roles = new Map<string, Role>();
  const now = new Date();
  for (const definition of PREDEFINED_ROLES) {
    const role = manager.create(Role, {
      id: newId(),
      accountId,
      name: definition.name,
      nameNormalized: definition.name.trim().toLowerCase(),
      predefinedKey: definition.key,
      createdAt: now,
    });
    await manager.insert(Role, role);
    await manager.insert(
      RoleResource,
      definition.resourceKeys.map((resourceKey) => ({ roleId: role.id, resourceKey })),
    );
    roles.set(definition.key, role);
  }
  return roles;
};
