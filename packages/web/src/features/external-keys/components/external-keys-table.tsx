import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  ExternalKeyRow_ExternalKeyFragment,
  ExternalKeySortField,
  SortDirection,
} from '../../../gql/graphql';
import { defaultExternalDirectionFor } from '../hooks/use-external-keys-search-params';
import type { ExternalKeyActionKind } from './external-key-action-menu';
import { ExternalKeyRow } from './external-key-row';
import { SortableHeader } from '../../../components/sortable-header';

type ExternalKeysTableProps = {
  externalKeys: readonly ExternalKeyRow_ExternalKeyFragment[];
  sortField: ExternalKeySortField;
  sortDirection: SortDirection;
  onSort: (field: ExternalKeySortField, direction: SortDirection) => void;
  canEdit: boolean;
  onAction: (kind: ExternalKeyActionKind, externalKey: ExternalKeyRow_ExternalKeyFragment) => void;
};

export const ExternalKeysTable = ({
  externalKeys,
  sortField,
  sortDirection,
  onSort,
  canEdit,
  onAction,
}: ExternalKeysTableProps) => {
  const { t } = useTranslation();
  const toggleSort = (field: ExternalKeySortField) => {
    if (field === sortField) onSort(field, sortDirection === 'ASC' ? 'DESC' : 'ASC');
    else onSort(field, defaultExternalDirectionFor(field));
  };
  const sortProps = {
    activeField: sortField,
    direction: sortDirection,
    onSort: toggleSort,
    testIdPrefix: 'external-sort',
  };

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        aria-label={t('externalKeys.tableLabel')}
        data-testid="external-keys-table"
        highlightOnHover
        verticalSpacing="sm"
      >
        <Table.Thead>
          <Table.Tr>
            <SortableHeader label={t('externalKeys.columns.key')} field="KEY" {...sortProps} />
            <SortableHeader
              label={t('externalKeys.columns.ownerAccount')}
              field="OWNER_ACCOUNT"
              {...sortProps}
            />
            <Table.Th>{t('externalKeys.columns.roles')}</Table.Th>
            <SortableHeader
              label={t('externalKeys.columns.addedAt')}
              field="ADDED_AT"
              {...sortProps}
            />
            <SortableHeader
              label={t('externalKeys.columns.status')}
              field="STATUS"
              {...sortProps}
            />
            {canEdit && (
              <Table.Th>
                <VisuallyHidden>{t('externalKeys.columns.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {externalKeys.map((externalKey) => (
            <ExternalKeyRow
              key={externalKey.id}
              externalKey={externalKey}
              canEdit={canEdit}
              onAction={onAction}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
