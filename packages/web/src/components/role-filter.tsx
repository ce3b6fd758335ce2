import { ComboboxChevron, TextInput } from '@mantine/core';
import { onDemandControl } from './on-demand';
import type { RoleMultiSelectProps } from './role-multi-select';

/**
 * A list's filter by roles. The multi-select (its combobox, popover and their positioning) loads
 * when the filter is first hovered or focused; until then a read-only input with the same label
 * names the chosen roles.
 */
export const RoleFilter = onDemandControl<RoleMultiSelectProps>(
  () => import('./role-multi-select').then((module) => module.RoleFilterFull),
  ({ roles, value, label, placeholder, 'data-testid': testId }) => {
    const names = new Map(roles.map((role) => [role.id, role.name]));
    return (
      <TextInput
        readOnly
        label={label}
        placeholder={placeholder}
        value={value.map((id) => names.get(id) ?? id).join(', ')}
        rightSection={<ComboboxChevron />}
        rightSectionPointerEvents="none"
        data-testid={testId}
      />
    );
  },
);
