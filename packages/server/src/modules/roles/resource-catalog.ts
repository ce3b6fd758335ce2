/** The permission catalog lives in code; each resource key is stable forever. */
export interface ResourceDefinition {
  key: string;
  productKey: string;
  productName: string;
  name: string;
}

const products = {
  'license-manager': {
    name: 'License Manager',
    resources: {
      'view-api-keys': 'View API Keys',
      'edit-api-keys': 'Edit API Keys',
      'renew-api-token': 'Renew API token',
      'edit-api-keys-settings': 'Edit API Keys settings',
      'view-users': 'View users',
      'edit-users': 'Edit users',
      'edit-roles': 'Edit roles',
      'verify-api-keys': 'Verify API keys',
    },
  },
  orders: {
    name: 'Orders',
    resources: { 'view-orders': 'View orders', 'edit-orders': 'Edit orders' },
  },
  catalog: {
    name: 'Catalog',
    resources: { 'view-products': 'View products', 'edit-products': 'Edit products' },
  },
  logistics: {
    name: 'Logistics',
    resources: { 'view-inventory': 'View inventory', 'edit-inventory': 'Edit inventory' },
  },
} as const;

export const RESOURCES: readonly ResourceDefinition[] = Object.entries(products).flatMap(
  ([productKey, product]) =>
    Object.entries(product.resources).map(([resource, name]) => ({
      key: `${productKey}:${resource}`,
      productKey,
      productName: product.name,
      name,
    })),
);

const resourceKeys = new Set(RESOURCES.map((resource) => resource.key));
export const isResourceKey = (key: string): boolean => resourceKeys.has(key);

export const Resources = {
  viewApiKeys: 'license-manager:view-api-keys',
  editApiKeys: 'license-manager:edit-api-keys',
  renewApiToken: 'license-manager:renew-api-token',
  editApiKeysSettings: 'license-manager:edit-api-keys-settings',
  viewUsers: 'license-manager:view-users',
  editUsers: 'license-manager:edit-users',
  editRoles: 'license-manager:edit-roles',
  /** A service verifying other keys (@keyward/verify): the verify endpoint and the change stream. */
  verifyApiKeys: 'license-manager:verify-api-keys',
} as const;

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
