import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  ApiKeyRow_ApiKeyFragment,
  ApiKeySortField,
  SortDirection,
} from '../../../gql/graphql';
import { defaultDirectionFor } from '../hooks/use-keys-search-params';
import type { ApiKeyActionKind } from './api-key-action-menu';
import { ApiKeyRow } from './api-key-row';
import type { CreatorChoice } from './key-creator';
import { SortableHeader } from '../../../components/sortable-header';

type GeneratedKeysTableProps = {
  apiKeys: readonly ApiKeyRow_ApiKeyFragment[];
  sortField: ApiKeySortField;
  sortDirection: SortDirection;
  onSort: (field: ApiKeySortField, direction: SortDirection) => void;
  canEdit: boolean;
  canRenew: boolean;
  onAction: (kind: ApiKeyActionKind, apiKey: ApiKeyRow_ApiKeyFragment) => void;
  onCreatorFilter?: (creator: CreatorChoice) => void;
};

export const GeneratedKeysTable = ({
  apiKeys,
  sortField,
  sortDirection,
  onSort,
  canEdit,
  canRenew,
  onAction,
  onCreatorFilter,
}: GeneratedKeysTableProps) => {
  const { t } = useTranslation();
  const toggleSort = (field: ApiKeySortField) => {
    if (field === sortField) onSort(field, sortDirection === 'ASC' ? 'DESC' : 'ASC');
    else onSort(field, defaultDirectionFor(field));
  };
  const sortProps = { activeField: sortField, direction: sortDirection, onSort: toggleSort };

  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table
        aria-label={t('keys.tableLabel')}
        data-testid="api-keys-table"
        highlightOnHover
        verticalSpacing="sm"
      >
        <Table.Thead>
          <Table.Tr>
            <SortableHeader label={t('keys.columns.keyName')} field="NAME" {...sortProps} />
            <Table.Th>{t('keys.columns.roles')}</Table.Th>
            <SortableHeader label={t('keys.columns.createdAt')} field="CREATED_AT" {...sortProps} />
            <Table.Th>{t('createdBy.column')}</Table.Th>
            <SortableHeader label={t('keys.columns.status')} field="STATUS" {...sortProps} />
            <Table.Th>{t('tokens.column')}</Table.Th>
            <SortableHeader label={t('keys.columns.lastUsed')} field="LAST_USED" {...sortProps} />
            {(canEdit || canRenew) && (
              <Table.Th>
                <VisuallyHidden>{t('keys.columns.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {apiKeys.map((apiKey) => (
            <ApiKeyRow
              key={apiKey.id}
              apiKey={apiKey}
              canEdit={canEdit}
              canRenew={canRenew}
              onAction={onAction}
              onCreatorFilter={onCreatorFilter}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
