/**
 * The Roles page's operation name. Its roles share the cached `roles` field with the role
 * pickers elsewhere, so refetching it refreshes them too.
 */
export const refetchRoles = ['RolesPage'];
