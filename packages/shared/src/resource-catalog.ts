/**
 * The product catalogue: each product's id and each resource's key are stable forever (stored in
 * roles, sent to clients, checked by integrations). Names are the English defaults; the web
 * translates by key.
 */
export const PRODUCTS = {
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

type Products = typeof PRODUCTS;
export type ProductKey = keyof Products;
/** `product:resource`, e.g. `license-manager:view-api-keys`. */
export type ResourceKey = {
  [P in ProductKey]: `${P}:${Extract<keyof Products[P]['resources'], string>}`;
}[ProductKey];

export interface ResourceDefinition {
  key: string;
  productKey: string;
  productName: string;
  name: string;
}

export const RESOURCES: readonly ResourceDefinition[] = Object.entries(PRODUCTS).flatMap(
  ([productKey, product]) =>
    Object.entries(product.resources).map(([resource, name]) => ({
      key: `${productKey}:${resource}`,
      productKey,
      productName: product.name,
      name,
    })),
);

const resourceKeys: ReadonlySet<string> = new Set(RESOURCES.map((resource) => resource.key));
export const isResourceKey = (key: string): key is ResourceKey => resourceKeys.has(key);

/** The resources the License Manager itself checks, by name. */
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
} as const satisfies Record<string, ResourceKey>;
