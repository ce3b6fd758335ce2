import { Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { ResourcePicker_ResourceFragment } from '../../../gql/graphql';
import { productLabel, resourceLabel } from '../../../lib/resource-labels';
import { groupByProduct } from '../utils/group-by-product';

export const ResourcePickerResourceFragment = graphql(`
  fragment ResourcePicker_resource on Resource {
    key
    name
    productKey
    productName
  }
`);

type ResourcePickerProps = {
  resources: readonly ResourcePicker_ResourceFragment[];
  /** Resources the viewer holds: nobody can grant more than they have. */
  heldResourceKeys: readonly string[];
  value: string[];
  onChange: (resourceKeys: string[]) => void;
  error?: string | null;
};

/** One checkbox group per product, so a role is built product by product. */
export const ResourcePicker = ({
  resources,
  heldResourceKeys,
  value,
  onChange,
  error,
}: ResourcePickerProps) => {
  const { t } = useTranslation();
  const groups = useMemo(() => groupByProduct(resources), [resources]);
  const held = useMemo(() => new Set(heldResourceKeys), [heldResourceKeys]);

  return (
    <Stack gap="sm" data-testid="resource-picker">
      {groups.map((group) => {
        const productKeys = new Set(group.resources.map((resource) => resource.key));
        const selected = value.filter((key) => productKeys.has(key));
        const label = productLabel(t, group.productKey, group.productName);
        return (
          <Fieldset key={group.productKey} legend={label} variant="filled" p="sm">
            <Checkbox.Group
              aria-label={label}
              description={t('roleAdmin.editor.selectedCount', { count: selected.length })}
              value={selected}
              onChange={(next) =>
                onChange([...value.filter((key) => !productKeys.has(key)), ...next])
              }
            >
              <Stack gap={6} mt="xs">
                {group.resources.map((resource) => {
                  const canGrant = held.has(resource.key);
                  return (
                    <Checkbox
                      key={resource.key}
                      value={resource.key}
                      label={resourceLabel(t, resource.key, resource.name)}
                      description={canGrant ? undefined : t('roleAdmin.editor.notHeld')}
                      disabled={!canGrant}
                      data-testid={`resource-checkbox-${resource.key}`}
                    />
                  );
                })}
              </Stack>
            </Checkbox.Group>
          </Fieldset>
        );
      })}
      {error && (
        <Text c="red" size="sm" role="alert" data-testid="resource-picker-error">
          {error}
        </Text>
      )}
    </Stack>
  );
};
