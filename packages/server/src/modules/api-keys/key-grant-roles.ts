import type { EntityManager } from 'typeorm';
import type { Role } from '../roles/role.entity.js';
import { KeyGrantRole } from './key-grant-role.entity.js';

/**
 * The roles a key holds in one account, replaced as a whole. Only rows that exist are
 * deleted (by primary key) and only missing ones inserted: on MySQL/MariaDB a DELETE that
 * matches nothing takes a gap lock, and parallel transactions holding the same gap then
 * deadlock on their inserts (e.g. several keys generated at once with the same role).
 */
export const replaceGrantRoles = async (manager: EntityManager, grantId: string, roles: Role[]) => {
  const held = await manager.findBy(KeyGrantRole, { grantId });
  const wanted = new Set(roles.map((role) => role.id));
  const heldIds = new Set(held.map((row) => row.roleId));
  for (const row of held) {
    if (!wanted.has(row.roleId)) {
      await manager.delete(KeyGrantRole, { grantId, roleId: row.roleId });
    }
  }
  const added = [...wanted].filter((roleId) => !heldIds.has(roleId));
  if (added.length > 0) {
    await manager.insert(
      KeyGrantRole,
      added.map((roleId) => ({ grantId, roleId })),
    );
  }
};
