import { missingAuthority } from './authority.js';
import { RESOURCES, type ResourceDefinition } from '../roles/resource-catalog.js';
import type { Role } from '../roles/role.entity.js';
import type { GraphQLContext } from '../../context.js';

export const VIEWER_LACKS_DESCRIPTION =
  'Resources this principal holds here that the viewer does not. While any are listed, the ' +
  'viewer may not change, renew, reveal, deactivate, delete or remove it (hold what you touch).';

/**
 * What the viewer lacks to act on a principal holding these roles, so the SPA can disable an
 * action and say why. Decided by the same rule the services enforce (modules/auth/authority.ts).
 */
export const resourcesViewerLacks = async (
  context: GraphQLContext,
  roles: readonly Role[],
): Promise<ResourceDefinition[]> => {
  const held = await Promise.all(roles.map((role) => context.loaders.roleResources.load(role.id)));
  return resourceKeysViewerLacks(
    context,
    held.flat().map((resource) => resource.key),
  );
};

/** The same, for a principal whose resource keys are already known. */
export const resourceKeysViewerLacks = (
  context: GraphQLContext,
  held: Iterable<string>,
): ResourceDefinition[] => {
  if (!context.principal) return [];
  const missing = new Set(missingAuthority(context.principal, held));
  return RESOURCES.filter((resource) => missing.has(resource.key));
};
