import { MultiSelect, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/index';
import type { RoleMultiSelect_RoleFragment } from '../gql/graphql';
import { productLabel, resourceLabel } from '../lib/resource-labels';
import { authorityReason } from '../lib/use-authority-reason';
import { useViewer } from '../lib/viewer-context';
import { useOnDemandStart, type OnDemandProps } from './on-demand';

export const RoleMultiSelectRoleFragment = graphql(`
  fragment RoleMultiSelect_role on Role {
    id
    name
    predefined
    resources {
      key
      name
      productKey
      productName
    }
  }
`);

const groupLabel = (t: TFunction, role: RoleMultiSelect_RoleFragment) => {
  const products = [...new Map(role.resources.map((r) => [r.productKey, r.productName]))];
  const [onlyProduct] = products;
  if (!onlyProduct) return t('roles.noResources');
  if (products.length > 1) return t('roles.multipleProducts');
  return productLabel(t, ...onlyProduct);
};

/** Roles grouped by the product their resources belong to, so admins grant narrowly. */
export const groupRolesByProduct = (
  t: TFunction,
  roles: readonly RoleMultiSelect_RoleFragment[],
  refusedRoleIds: ReadonlySet<string> = new Set(),
): ComboboxItemGroup<ComboboxItem>[] => {
  const groups = new Map<string, ComboboxItem[]>();
  for (const role of roles) {
    const label = groupLabel(t, role);
    const items = groups.get(label) ?? [];
    items.push({ value: role.id, label: role.name, disabled: refusedRoleIds.has(role.id) });
    groups.set(label, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
};

export const describeRole = (t: TFunction, role: RoleMultiSelect_RoleFragment) =>
  role.resources.map((r) => resourceLabel(t, r.key, r.name)).join(', ');

export type RoleMultiSelectProps = {
  roles: readonly RoleMultiSelect_RoleFragment[];
  value: string[];
  onChange: (roleIds: string[]) => void;
  label: string;
  placeholder?: string;
  description?: string;
  'data-testid'?: string;
  ref?: Ref<HTMLInputElement>;
};

type RoleSelectProps = RoleMultiSelectProps & {
  /** Why each role the viewer may not grant is refused, by role id. */
  refusals?: ReadonlyMap<string, string>;
};

const NO_REFUSALS: ReadonlyMap<string, string> = new Map();

const RoleSelect = ({ roles, refusals = NO_REFUSALS, ...props }: RoleSelectProps) => {
  const { t } = useTranslation();
  const data = useMemo(
    () => groupRolesByProduct(t, roles, new Set(refusals.keys())),
    [t, roles, refusals],
  );
  const rolesById = useMemo(() => new Map(roles.map((role) => [role.id, role])), [roles]);
  return (
    <MultiSelect
      {...props}
      data={data}
      searchable
      clearable
      hidePickedOptions={false}
      nothingFoundMessage="—"
      renderOption={({ option }) => {
        const role = rolesById.get(option.value);
        const refusal = refusals.get(option.value);
        return (
          <div title={refusal}>
            <div>{option.label}</div>
            {role && (
              <div style={{ fontSize: 'var(--mantine-font-size-xs)', opacity: 0.7 }}>
                {describeRole(t, role)}
              </div>
            )}
            {refusal && <div style={{ fontSize: 'var(--mantine-font-size-xs)' }}>{refusal}</div>}
          </div>
        );
      }}
    />
  );
};

/**
 * Roles to grant to a principal: a role holding resources the viewer lacks is greyed out and
 * says why (SPEC 5, "hold what you touch"); the server refuses it anyway.
 */
export const RoleMultiSelect = (props: RoleMultiSelectProps) => {
  const { t, i18n } = useTranslation();
  const { resources: held } = useViewer();
  const refusals = useMemo(() => {
    const heldKeys = new Set(held);
    const reasons = new Map<string, string>();
    for (const role of props.roles) {
      const reason = authorityReason(
        t,
        i18n,
        role.resources.filter((resource) => !heldKeys.has(resource.key)),
      );
      if (reason) reasons.set(role.id, reason);
    }
    return reasons;
  }, [t, i18n, held, props.roles]);
  return <RoleSelect {...props} refusals={refusals} />;
};

/** The list filter by roles, loaded by `RoleFilter` when first reached for. */
export const RoleFilterFull = ({ start, ...props }: RoleMultiSelectProps & OnDemandProps) => (
  <RoleSelect {...props} ref={useOnDemandStart<HTMLInputElement>(start)} />
);
