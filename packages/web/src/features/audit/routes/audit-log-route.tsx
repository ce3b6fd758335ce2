import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconAlertTriangle, IconDownload, IconHistory } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ListPage, noMatchTexts, noPermissionTexts } from '../../../components/list-page';
import { NoPermission } from '../../../components/list-states';
import { graphql } from '../../../gql';
import { resourceKeys, useCan } from '../../../lib/viewer-context';
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
      {canView ? <AuditLog /> : <NoPermission {...noPermissionTexts(t, 'audit', 'audit')} />}
    </Stack>
  );
};

/**
 * The query's variables as of the last committed render. React Router updates the URL in a
 * transition, so React may render the page with the new filters and, interleaved, with the old
 * ones; a query fed from render alone then asked the server for both, alternately, without end
 * (issue 15 §2). Effects run only for what was committed: the query follows the screen.
 */
const useCommittedVariables = <T,>(variables: T): T => {
  const [committed, setCommitted] = useState(variables);
  const key = JSON.stringify(variables);
  useEffect(() => {
    setCommitted((current) => (JSON.stringify(current) === key ? current : variables));
    // `key` stands for `variables`: a new object with the same content changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return committed;
};

const AuditLog = () => {
  const { t } = useTranslation();
  const list = useAuditSearchParams();
  const { state } = list;
  const rangeInvalid = isRangeInvalid(state);
  const variables = useCommittedVariables(useMemo(() => toAuditQueryVariables(state), [state]));
  const { data, previousData, loading, error, refetch } = useQuery(AuditEventsQueryDocument, {
    variables,
    skip: rangeInvalid,
    // The trail grows while the page is open: each visit and each filter change reads the latest
    // events, exactly once, and the pages never enter the cache (with `cache-and-network`, the
    // filtered and unfiltered pages, sharing their events, also answered each other's writes).
    fetchPolicy: 'no-cache',
  });
  const connection = (data ?? previousData)?.auditEvents;
  const events = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);

  return (
    <ListPage
      header={
        <>
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
            onClear={list.hasFilters ? list.clearFilters : undefined}
          />
        </>
      }
      blocked={
        rangeInvalid && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-testid="audit-range-invalid"
          >
            {t('audit.filters.rangeInvalid')}
          </Alert>
        )
      }
      error={error}
      onRetry={() => void refetch()}
      noPermission={noPermissionTexts(t, 'audit', 'audit')}
      loading={{ label: t('audit.loading'), testId: 'audit-loading', rows: 6 }}
      loaded={Boolean(connection)}
      refreshing={loading}
      isEmpty={events.length === 0}
      hasFilters={list.hasFilters}
      noMatch={noMatchTexts(t, 'audit', 'audit', list.clearFilters)}
      empty={
        <EmptyState
          icon={<IconHistory size={32} aria-hidden />}
          title={t('audit.empty.title')}
          description={t('audit.empty.description')}
          data-testid="audit-empty"
        />
      }
      table={() => <AuditEventsTable events={events} />}
      pager={() =>
        connection && <AuditPagination connection={connection} state={state} list={list} />
      }
    />
  );
};
