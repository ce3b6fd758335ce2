import { Button, Group } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconPlus, IconWorldShare } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ListPage, noMatchTexts, noPermissionTexts } from '../../../components/list-page';
import { NoPermission } from '../../../components/list-states';
import { graphql } from '../../../gql';
import type { ExternalKeyRow_ExternalKeyFragment } from '../../../gql/graphql';
import { ExportKeysMenu } from '../../../components/export-keys-menu';
import { KeysPagination } from '../../../components/keys-pagination';
import { useRoles } from '../../../hooks/use-roles';
import { resourceKeys, useCan } from '../../../lib/viewer-context';
import { AddExternalKeyModal } from '../components/add-external-key-modal';
import type { ExternalKeyActionKind } from '../components/external-key-action-menu';
import { EditExternalKeyModal } from '../components/edit-external-key-modal';
import { ExternalKeysTable } from '../components/external-keys-table';
import { ExternalKeysToolbar } from '../components/external-keys-toolbar';
import { RemoveExternalKeyModal } from '../components/remove-external-key-modal';
import {
  toExternalKeysVariables,
  useExternalKeysSearchParams,
} from '../hooks/use-external-keys-search-params';

export const ExternalKeysQueryDocument = graphql(`
  query ExternalKeys(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ExternalKeyFilter
    $orderBy: ExternalKeyOrder
  ) {
    externalKeys(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
      orderBy: $orderBy
    ) {
      totalCount
      totalCountCapped
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ExternalKeyRow_externalKey
        }
      }
    }
  }
`);

type ExternalKeyAction = {
  kind: ExternalKeyActionKind;
  externalKey: ExternalKeyRow_ExternalKeyFragment;
};

export const ExternalKeysRoute = () => {
  const canView = useCan(resourceKeys.viewApiKeys);
  const { t } = useTranslation();
  return canView ? (
    <ExternalKeysList />
  ) : (
    <NoPermission {...noPermissionTexts(t, 'keys', 'external-keys')} />
  );
};

const ExternalKeysList = () => {
  const { t } = useTranslation();
  const canEdit = useCan(resourceKeys.editApiKeys);
  const list = useExternalKeysSearchParams();
  const { state } = list;
  const variables = useMemo(() => toExternalKeysVariables(state), [state]);
  const { data, previousData, loading, error, refetch } = useQuery(ExternalKeysQueryDocument, {
    variables,
  });
  const roles = useRoles();
  const [addOpened, setAddOpened] = useState(false);
  const [action, setAction] = useState<ExternalKeyAction | null>(null);
  const [actionOpened, setActionOpened] = useState(false);

  const connection = (data ?? previousData)?.externalKeys;
  const externalKeys = useMemo(
    () => connection?.edges.map((edge) => edge.node) ?? [],
    [connection],
  );

  const renderAddButton = (testId: string) =>
    canEdit && (
      <Button
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setAddOpened(true)}
        data-testid={testId}
      >
        {t('externalKeys.add')}
      </Button>
    );

  const closeAction = () => setActionOpened(false);
  // The action stays set while a dialog animates closed, so its text does not vanish mid-way.
  const selected = action?.externalKey ?? null;

  return (
    <ListPage
      toolbar={
        <ExternalKeysToolbar
          search={state.search}
          status={state.status}
          roleIds={state.roleIds}
          roles={roles}
          onSearchChange={list.setSearch}
          onStatusChange={list.setStatus}
          onRoleIdsChange={list.setRoleIds}
        />
      }
      actions={
        <Group gap="sm">
          {/* The list shows only with View API Keys, which also gates the export. */}
          <ExportKeysMenu tab="external" />
          {renderAddButton('add-external-key')}
        </Group>
      }
      error={error}
      onRetry={() => void refetch()}
      noPermission={noPermissionTexts(t, 'keys', 'external-keys')}
      loading={{ label: t('externalKeys.loading'), testId: 'external-keys-loading' }}
      loaded={Boolean(connection)}
      refreshing={loading}
      isEmpty={connection?.totalCount === 0 && externalKeys.length === 0}
      hasFilters={list.hasFilters}
      noMatch={noMatchTexts(t, 'externalKeys', 'external-keys', list.clearFilters)}
      empty={
        <EmptyState
          icon={<IconWorldShare size={32} aria-hidden />}
          title={t('externalKeys.empty.title')}
          description={t('externalKeys.empty.description')}
          action={renderAddButton('add-external-key-empty')}
          data-testid="external-keys-empty"
        />
      }
      table={() => (
        <ExternalKeysTable
          externalKeys={externalKeys}
          sortField={state.sortField}
          sortDirection={state.sortDirection}
          onSort={list.setSort}
          canEdit={canEdit}
          onAction={(kind, externalKey) => {
            setAction({ kind, externalKey });
            setActionOpened(true);
          }}
        />
      )}
      pager={() =>
        connection && <KeysPagination connection={connection} state={state} list={list} />
      }
    >
      {canEdit && (
        <>
          <AddExternalKeyModal
            opened={addOpened}
            onClose={() => setAddOpened(false)}
            roles={roles}
          />
          <EditExternalKeyModal
            opened={actionOpened && action?.kind === 'edit'}
            externalKey={selected}
            roles={roles}
            onClose={closeAction}
          />
          <RemoveExternalKeyModal
            opened={actionOpened && action?.kind === 'remove'}
            externalKey={selected}
            onClose={closeAction}
          />
        </>
      )}
    </ListPage>
  );
};
