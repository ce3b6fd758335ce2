import { RESOURCES, Resources } from '@keyward/shared';

/** The catalogue (products, resource keys) is shared with the web: see @keyward/shared. */
export {
  isResourceKey,
  RESOURCES,
  Resources,
  type ResourceDefinition,
  type ResourceKey,
} from '@keyward/shared';

export interface PredefinedRole {
  key: string;
  name: string;
  resourceKeys: readonly string[];
}

const apiKeyResources = [
  Resources.viewApiKeys,
  Resources.editApiKeys,
  Resources.renewApiToken,
  Resources.editApiKeysSettings,
];

/** Present in every account, read-only. */
export const PREDEFINED_ROLES: readonly PredefinedRole[] = [
  { key: 'owner', name: 'Owner (Admin Super)', resourceKeys: RESOURCES.map((r) => r.key) },
  {
    key: 'user-administrator-restricted',
    name: 'User Administrator - RESTRICTED',
    resourceKeys: [
      ...apiKeyResources,
      Resources.viewUsers,
      Resources.editUsers,
      Resources.editRoles,
    ],
  },
  {
    key: 'api-keys-read-only',
    name: 'API Keys - Read only',
    resourceKeys: [Resources.viewApiKeys],
  },
  { key: 'oms-read-only', name: 'OMS - Read only', resourceKeys: ['orders:view-orders'] },
  {
    key: 'oms-full-access',
    name: 'OMS - Full access',
    resourceKeys: ['orders:view-orders', 'orders:edit-orders'],
  },
  {
    key: 'catalog-full-access',
    name: 'Catalog - Full access',
    resourceKeys: ['catalog:view-products', 'catalog:edit-products'],
  },
  {
    key: 'logistics-full-access',
    name: 'Logistics - Full access',
    resourceKeys: ['logistics:view-inventory', 'logistics:edit-inventory'],
  },
];
