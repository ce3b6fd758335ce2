/** Actions the server records (S4); the filter offers these and each has a translated label. */
export const auditActions = [
  'api-key.generated',
  'api-key.updated',
  'api-key.activated',
  'api-key.deactivated',
  'api-key.deleted',
  'api-key.token-renewed',
  'api-key.old-token-deleted',
  'api-key.renewal-undone',
  'api-key.single-access-link-created',
  'api-key.single-access-link-opened',
  'api-key.leaked',
  'external-key.added',
  'external-key.updated',
  'external-key.removed',
  'role.created',
  'role.updated',
  'role.deleted',
  'member.added',
  'member.invited',
  'member.joined',
  'invitation.revoked',
  'member.updated',
  'member.removed',
  'settings.updated',
  'api-keys.exported',
  'audit-log.exported',
  'auth.refused',
] as const;

export type AuditAction = (typeof auditActions)[number];

export const isKnownAuditAction = (value: string | null): value is AuditAction =>
  auditActions.some((action) => action === value);

/** Target types with a translated label; others show as the server wrote them. */
export const auditTargetTypes = [
  'api-key',
  'role',
  'user',
  'invitation',
  'settings',
  'account',
] as const;

export const isKnownTargetType = (value: string): value is (typeof auditTargetTypes)[number] =>
  auditTargetTypes.some((type) => type === value);
