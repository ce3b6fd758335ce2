import { resourceKeys } from './viewer-context';

/** Anyone who manages keys, users or roles may read roles (the server's rule). */
export const roleReaderResources: readonly string[] = [
  resourceKeys.viewApiKeys,
  resourceKeys.editApiKeys,
  resourceKeys.viewUsers,
  resourceKeys.editRoles,
];
