import { Box, Button, Group, LoadingOverlay, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconFilterOff, IconKey, IconLock, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import { getErrorCode } from '../../../lib/graphql-errors';
import { resourceKeys, useCan } from '../../auth/viewer-context';
import { AlertSummaryBanner } from '../components/alert-summary-banner';
import { ApiKeyActionModals, type ApiKeyAction } from '../components/api-key-action-modals';
import { ExportKeysMenu } from '../components/export-keys-menu';
import { GenerateApiKeyModal } from '../components/generate-api-key-modal';
import { GeneratedKeysTable } from '../components/generated-keys-table';
import { KeysPagination } from '../components/keys-pagination';
import { KeysToolbar } from '../components/keys-toolbar';
import { toQueryVariables, useKeysSearchParams } from '../hooks/use-keys-search-params';
import { useRoles } from '../hooks/use-roles';

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

const NoPermission = () => {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconLock size={32} aria-hidden />}
      title={t('keys.noPermission.title')}
      description={t('keys.noPermission.description')}
      data-testid="api-keys-no-permission"
    />
  );
};

const TableSkeleton = () => {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status" aria-label={t('keys.loading')} data-testid="api-keys-loading">
      {Array.from({ length: 5 }, (_, index) => (
        <Skeleton key={index} height={44} radius="sm" />
      ))}
    </Stack>
  );
};

export const GeneratedKeysRoute = () => {
  const canView = useCan(resourceKeys.viewApiKeys);
  return canView ? <GeneratedKeysList /> : <NoPermission />;
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
        data-testid={testId}
      >
        {t('keys.generate')}
      </Button>
    );

  const renderContent = () => {
    if (error && getErrorCode(error) === 'FORBIDDEN') return <NoPermission />;
    if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
    if (!connection) return <TableSkeleton />;
    if (connection.totalCount === 0 && apiKeys.length === 0) {
      return list.hasFilters ? (
        <EmptyState
          icon={<IconFilterOff size={32} aria-hidden />}
          title={t('keys.noMatch.title')}
          description={t('keys.noMatch.description')}
          action={
            <Button variant="light" onClick={list.clearFilters}>
              {t('keys.noMatch.clear')}
            </Button>
          }
          data-testid="api-keys-no-match"
        />
      ) : (
        <EmptyState
          icon={<IconKey size={32} aria-hidden />}
          title={t('keys.empty.title')}
          description={t('keys.empty.description')}
          action={renderGenerateButton('generate-api-key-empty')}
          data-testid="api-keys-empty"
        />
      );
    }
    const { pageInfo } = connection;
    return (
      <Stack gap="sm">
        <Box pos="relative">
          <LoadingOverlay visible={loading} overlayProps={{ blur: 1 }} />
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
          />
        </Box>
        <KeysPagination
          totalCount={connection.totalCount}
          totalCountCapped={connection.totalCountCapped}
          pageSize={state.pageSize}
          // Forward pages may report hasPreviousPage=false (Relay allows it): the cursor says more.
          canGoBack={pageInfo.hasPreviousPage || Boolean(state.after)}
          canGoForward={pageInfo.hasNextPage || Boolean(state.before)}
          onPrevious={() => pageInfo.startCursor && list.goToPreviousPage(pageInfo.startCursor)}
          onNext={() => pageInfo.endCursor && list.goToNextPage(pageInfo.endCursor)}
          onPageSizeChange={list.setPageSize}
        />
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <AlertSummaryBanner />
      <Group justify="space-between" align="flex-end">
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
        />
        <Group gap="sm">
          {/* The list shows only with View API Keys, which also gates the export. */}
          <ExportKeysMenu />
          {renderGenerateButton('generate-api-key')}
        </Group>
      </Group>
      {renderContent()}
      {canEdit && (
        <GenerateApiKeyModal
          opened={generateOpened}
          onClose={() => setGenerateOpened(false)}
          roles={roles}
        />
      )}
      {(canEdit || canRenew) && (
        <ApiKeyActionModals
          action={action}
          opened={actionOpened}
          roles={roles}
          onClose={() => setActionOpened(false)}
        />
      )}
    </Stack>
  );
};
