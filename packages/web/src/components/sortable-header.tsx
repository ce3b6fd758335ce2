import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SortDirection } from '../gql/graphql';

type SortableHeaderProps<Field extends string> = {
  label: string;
  field: Field;
  activeField: Field;
  direction: SortDirection;
  onSort: (field: Field) => void;
  /** Test id `<prefix>-<field>`. */
  testIdPrefix?: string;
};

export const SortableHeader = <Field extends string>({
  label,
  field,
  activeField,
  direction,
  onSort,
  testIdPrefix = 'sort',
}: SortableHeaderProps<Field>) => {
  const { t } = useTranslation();
  const active = field === activeField;
  const Icon = !active ? IconArrowsSort : direction === 'ASC' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(field)}
        title={t('keys.sortBy', { column: label })}
        data-testid={`${testIdPrefix}-${field}`}
        fw={600}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
};
