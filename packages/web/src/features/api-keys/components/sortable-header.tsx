import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiKeySortField, SortDirection } from '../../../gql/graphql';

type SortableHeaderProps = {
  label: string;
  field: ApiKeySortField;
  activeField: ApiKeySortField;
  direction: SortDirection;
  onSort: (field: ApiKeySortField) => void;
};

export const SortableHeader = ({
  label,
  field,
  activeField,
  direction,
  onSort,
}: SortableHeaderProps) => {
  const { t } = useTranslation();
  const active = field === activeField;
  const Icon = !active ? IconArrowsSort : direction === 'ASC' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (direction === 'ASC' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(field)}
        title={t('keys.sortBy', { column: label })}
        data-testid={`sort-${field}`}
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
