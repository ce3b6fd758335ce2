import type { TFunction } from 'i18next';

/** The server names resources in English; translate by stable key, falling back to its name. */
export const resourceLabel = (t: TFunction, resourceKey: string, serverName: string) => {
  const [productKey, resourceName] = resourceKey.split(':');
  if (!productKey || !resourceName) return serverName;
  return t(`resources.${productKey}.${resourceName}`, { defaultValue: serverName });
};

export const productLabel = (t: TFunction, productKey: string, serverName: string) =>
  t(`products.${productKey}`, { defaultValue: serverName });
