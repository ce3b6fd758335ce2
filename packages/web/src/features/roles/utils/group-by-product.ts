type ProductResource = { key: string; productKey: string; productName: string };

export type ProductGroup<R extends ProductResource> = {
  productKey: string;
  productName: string;
  resources: R[];
};

/** Resources grouped by product, keeping the order the server lists them in (catalog order). */
export const groupByProduct = <R extends ProductResource>(
  resources: readonly R[],
): ProductGroup<R>[] => {
  const groups = new Map<string, ProductGroup<R>>();
  for (const resource of resources) {
    const group = groups.get(resource.productKey) ?? {
      productKey: resource.productKey,
      productName: resource.productName,
      resources: [],
    };
    group.resources.push(resource);
    groups.set(resource.productKey, group);
  }
  return [...groups.values()];
};
