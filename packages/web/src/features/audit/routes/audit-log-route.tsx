import {
  Alert,
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Group,
  LoadingOverlay,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import {
  IconAlertTriangle,
  IconDownload,
  IconFilterOff,
  IconHistory,
  IconLock,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import { getErrorCode } from '../../../lib/graphql-errors';
import { resourceKeys, useCan } from '../../auth/viewer-context';
import { AuditEventsTable } from '../components/audit-events-table';
import { AuditPagination } from '../components/audit-pagination';
import { AuditToolbar } from '../components/audit-toolbar';
import {
  auditExportHref,
  isRangeInvalid,
  toAuditQueryVariables,
  useAuditSearchParams,
} from '../hooks/use-audit-search-params';

export const AuditEventsQueryDocument = graphql(`
  query AuditEvents(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: AuditEventFilter
  ) {
    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          ...AuditEventRow_auditEvent
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
      title={t('audit.noPermission.title')}
      description={t('audit.noPermission.description')}
      data-testid="audit-no-permission"
    />
  );
};

export const AuditLogRoute = () => {
  const { t } = useTranslation();
  const canView = useCan(resourceKeys.viewApiKeys);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Text size="sm" c="dimmed">
          {t('nav.accountSettings')}
        </Text>
        <Anchor size="sm" component="span">
          {t('audit.title')}
        </Anchor>
      </Breadcrumbs>
      <Title order={1}>{t('audit.title')}</Title>
      {canView ? <AuditLog /> : <NoPermission />}
    </Stack>
  );
};

const AuditLog = () => {
  const { t } = useTranslation();
  const list = useAuditSearchParams();
  const { state } = list;
  const rangeInvalid = isRangeInvalid(state);
  const variables = useMemo(() => toAuditQueryVariables(state), [state]);
  const { data, previousData, loading, error, refetch } = useQuery(AuditEventsQueryDocument, {
    variables,
    skip: rangeInvalid,
    // The trail grows while the page is open: each visit reads the latest events.
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.auditEvents;
  const events = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);

  const renderContent = () => {
    if (rangeInvalid) {
      return (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          data-testid="audit-range-invalid"
        >
          {t('audit.filters.rangeInvalid')}
        </Alert>
      );
    }
    if (error && getErrorCode(error) === 'FORBIDDEN') return <NoPermission />;
    if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
    if (!connection) {
      return (
        <Stack gap="xs" role="status" aria-label={t('audit.loading')} data-testid="audit-loading">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} height={44} radius="sm" />
          ))}
        </Stack>
      );
    }
    if (events.length === 0) {
      return list.hasFilters ? (
        <EmptyState
          icon={<IconFilterOff size={32} aria-hidden />}
          title={t('audit.noMatch.title')}
          description={t('audit.noMatch.description')}
          action={
            <Button variant="light" onClick={list.clearFilters}>
              {t('audit.noMatch.clear')}
            </Button>
          }
          data-testid="audit-no-match"
        />
      ) : (
        <EmptyState
          icon={<IconHistory size={32} aria-hidden />}
          title={t('audit.empty.title')}
          description={t('audit.empty.description')}
          data-testid="audit-empty"
        />
      );
    }
    const { pageInfo } = connection;
    return (
      <Stack gap="sm">
        <Box pos="relative">
          <LoadingOverlay visible={loading} overlayProps={{ blur: 1 }} />
          <AuditEventsTable events={events} />
        </Box>
        <AuditPagination
          totalCount={connection.totalCount}
          totalCountCapped={connection.totalCountCapped}
          // Forward pages may report hasPreviousPage=false (Relay allows it): the cursor says more.
          canGoBack={pageInfo.hasPreviousPage || Boolean(state.after)}
          canGoForward={pageInfo.hasNextPage || Boolean(state.before)}
          onPrevious={() => pageInfo.startCursor && list.goToPreviousPage(pageInfo.startCursor)}
          onNext={() => pageInfo.endCursor && list.goToNextPage(pageInfo.endCursor)}
        />
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Text c="dimmed" size="sm">
          {t('audit.description')}
        </Text>
        <Button
          component="a"
          href={auditExportHref(state)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          data-testid="audit-export-csv"
        >
          {t('audit.exportCsv')}
        </Button>
      </Group>
      <AuditToolbar
        actor={state.actor}
        action={state.action}
        targetKey={state.targetKey}
        from={state.from}
        to={state.to}
        rangeInvalid={rangeInvalid}
        onActorChange={list.setActor}
        onActionChange={list.setAction}
        onTargetKeyChange={list.setTargetKey}
        onFromChange={list.setFrom}
        onToChange={list.setTo}
      />
      {renderContent()}
    </Stack>
  );
};
