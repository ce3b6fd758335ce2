import { Button, Group } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ListPage, noMatchTexts, noPermissionTexts } from '../../../components/list-page';
import { NoPermission } from '../../../components/list-states';
import { graphql } from '../../../gql';
import { resourceKeys, useCan } from '../../../lib/viewer-context';
import { AlertSummaryBanner } from '../components/alert-summary-banner';
import type { ApiKeyAction } from '../components/api-key-action-modals';
import { ApiKeyActionDialogs, GenerateApiKeyDialog } from '../components/api-key-dialogs';
import { ExportKeysMenu } from '../../../components/export-keys-menu';
import { GeneratedKeysTable } from '../components/generated-keys-table';
import { KeysPagination } from '../../../components/keys-pagination';
import { KeysToolbar } from '../components/keys-toolbar';
import { toQueryVariables, useKeysSearchParams } from '../hooks/use-keys-search-params';
import { useRoles } from '../../../hooks/use-roles';

export const GeneratedKeysQueryDocument = graphql(`
  query GeneratedKeys(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ApiKeyFilter
    $orderBy: ApiKeyOrder
  ) {
    generatedKeys(
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
          ...ApiKeyRow_apiKey
        }
      }
    }
  }
`);

export const GeneratedKeysRoute = () => {
  const canView = useCan(resourceKeys.viewApiKeys);
  const { t } = useTranslation();
  return canView ? (
    <GeneratedKeysList />
  ) : (
    <NoPermission {...noPermissionTexts(t, 'keys', 'api-keys')} />
  );
};

const GeneratedKeysList = () => {
  const { t } = useTranslation();
  const canEdit = useCan(resourceKeys.editApiKeys);
  const canRenew = useCan(resourceKeys.renewApiToken);
  const list = useKeysSearchParams();
  const { state } = list;
  const variables = useMemo(() => toQueryVariables(state), [state]);
  const { data, previousData, loading, error, refetch } = useQuery(GeneratedKeysQueryDocument, {
    variables,
  });
  const roles = useRoles();
  const [generateOpened, setGenerateOpened] = useState(false);
  const [action, setAction] = useState<ApiKeyAction | null>(null);
  const [actionOpened, setActionOpened] = useState(false);

  const connection = (data ?? previousData)?.generatedKeys;
  const apiKeys = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);

  const renderGenerateButton = (testId: string) =>
    canEdit && (
      <Button
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setGenerateOpened(true)}
        onPointerEnter={GenerateApiKeyDialog.preload}
        onFocus={GenerateApiKeyDialog.preload}
        data-testid={testId}
      >
        {t('keys.generate')}
      </Button>
    );

  return (
    <ListPage
      header={<AlertSummaryBanner />}
      toolbar={
        <KeysToolbar
          search={state.search}
          status={state.status}
          roleIds={state.roleIds}
          roles={roles}
          onSearchChange={list.setSearch}
          onStatusChange={list.setStatus}
          onRoleIdsChange={list.setRoleIds}
          alertLevel={state.alertLevel}
          onAlertLevelChange={list.setAlertLevel}
          renewalPending={state.renewalPending}
          onRenewalPendingChange={list.setRenewalPending}
          createdBy={state.createdBy}
          onCreatedByChange={list.setCreatedBy}
          leaked={state.leaked}
          onLeakedChange={list.setLeaked}
          inactiveForDays={state.inactiveForDays}
          onInactiveForDaysChange={list.setInactiveForDays}
        />
      }
      actions={
        <Group gap="sm">
          {/* The list shows only with View API Keys, which also gates the export. */}
          <ExportKeysMenu tab="generated" />
          {renderGenerateButton('generate-api-key')}
        </Group>
      }
      error={error}
      onRetry={() => void refetch()}
      noPermission={noPermissionTexts(t, 'keys', 'api-keys')}
      loading={{ label: t('keys.loading'), testId: 'api-keys-loading' }}
      loaded={Boolean(connection)}
      refreshing={loading}
      isEmpty={connection?.totalCount === 0 && apiKeys.length === 0}
      hasFilters={list.hasFilters}
      noMatch={noMatchTexts(t, 'keys', 'api-keys', list.clearFilters)}
      empty={
        <EmptyState
          icon={<IconKey size={32} aria-hidden />}
          title={t('keys.empty.title')}
          description={t('keys.empty.description')}
          action={renderGenerateButton('generate-api-key-empty')}
          data-testid="api-keys-empty"
        />
      }
      table={() => (
        <GeneratedKeysTable
          apiKeys={apiKeys}
          sortField={state.sortField}
          sortDirection={state.sortDirection}
          onSort={list.setSort}
          canEdit={canEdit}
          canRenew={canRenew}
          onAction={(kind, apiKey) => {
            setAction({ kind, apiKey });
            setActionOpened(true);
          }}
          onCreatorFilter={list.setCreatedBy}
        />
      )}
      pager={() =>
        connection && <KeysPagination connection={connection} state={state} list={list} />
      }
    >
      {canEdit && (
        <GenerateApiKeyDialog
          opened={generateOpened}
          onClose={() => setGenerateOpened(false)}
          roles={roles}
        />
      )}
      {(canEdit || canRenew) && (
        <ApiKeyActionDialogs
          action={action}
          opened={actionOpened}
          roles={roles}
          onClose={() => setActionOpened(false)}
        />
      )}
    </ListPage>
  );
};
