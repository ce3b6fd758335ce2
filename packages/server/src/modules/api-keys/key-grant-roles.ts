import type { EntityManager } from 'typeorm';
import type { Role } from '../roles/role.entity.js';
import { KeyGrantRole } from './key-grant-role.entity.js';

/** The roles a key holds in one account, replaced as a whole. */
export const replaceGrantRoles = async (manager: EntityManager, grantId: string, roles: Role[]) => {
  await manager.delete(KeyGrantRole, { grantId });
  if (roles.length > 0) {
    await manager.insert(
      KeyGrantRole,
      roles.map((role) => ({ grantId, roleId: role.id })),
    );
  }
};
