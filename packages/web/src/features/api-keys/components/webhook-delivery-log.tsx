import { Badge, Button, Group, Modal, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { WebhookDeliveryStatus } from '../../../gql/graphql';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useFormatters } from '../../../lib/use-formatters';
import { useResendWebhookDelivery } from '../hooks/use-resend-webhook-delivery';

export const WebhookDeliveriesQueryDocument = graphql(`
  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          eventType
          status
          attempts
          lastResponseStatus
          nextAttemptAt
          lastAttemptAt
          deliveredAt
          createdAt
        }
      }
    }
  }
`);

export const deliveriesPageSize = 20;

const statusColors: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'yellow',
  DELIVERED: 'green',
  FAILED: 'red',
};

type WebhookDeliveryLogProps = {
  endpoint: { id: string; url: string } | null;
  canEdit: boolean;
  onClose: () => void;
};

const DeliveryTable = ({ endpointId, canEdit }: { endpointId: string; canEdit: boolean }) => {
  const { t } = useTranslation();
  const { formatDateTime, formatNumber } = useFormatters();
  const { data, error, refetch, fetchMore, loading } = useQuery(WebhookDeliveriesQueryDocument, {
    variables: { endpointId, first: deliveriesPageSize },
    fetchPolicy: 'cache-and-network',
  });
  const [resend, { loading: resending }] = useResendWebhookDelivery();

  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const connection = data?.webhookDeliveries;
  if (!connection) {
    return (
      <Stack gap="xs" role="status" aria-label={t('webhooks.log.loading')}>
        {Array.from({ length: 3 }, (_, index) => (
          <Skeleton key={index} height={36} radius="sm" />
        ))}
      </Stack>
    );
  }
  if (connection.edges.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="webhook-deliveries-empty">
        {t('webhooks.log.empty')}
      </Text>
    );
  }

  const resendDelivery = async (id: string) => {
    try {
      await resend({ variables: { input: { id } } });
      notifySuccess(t('webhooks.log.resent'));
    } catch (resendError) {
      notifyFailure(t('webhooks.log.resendFailure'), describeError(resendError, t));
    }
  };

  const loadMore = () =>
    void fetchMore({
      variables: { after: connection.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        webhookDeliveries: {
          ...fetchMoreResult.webhookDeliveries,
          edges: [...previous.webhookDeliveries.edges, ...fetchMoreResult.webhookDeliveries.edges],
        },
      }),
    });

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t('webhooks.log.tableLabel')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('webhooks.log.columns.event')}</Table.Th>
              <Table.Th>{t('webhooks.log.columns.createdAt')}</Table.Th>
              <Table.Th>{t('webhooks.log.columns.status')}</Table.Th>
              <Table.Th>{t('webhooks.log.columns.attempts')}</Table.Th>
              <Table.Th>{t('webhooks.log.columns.response')}</Table.Th>
              <Table.Th>{t('webhooks.log.columns.nextAttempt')}</Table.Th>
              {canEdit && <Table.Th>{t('webhooks.log.columns.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {connection.edges.map(({ node }) => (
              <Table.Tr key={node.id} data-testid="webhook-delivery-row" data-status={node.status}>
                <Table.Td>{t(`webhooks.events.${node.eventType}`)}</Table.Td>
                <Table.Td>{formatDateTime(node.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge color={statusColors[node.status]} variant="light">
                    {t(`webhooks.log.status.${node.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatNumber(node.attempts)}</Table.Td>
                <Table.Td>
                  {node.lastResponseStatus !== null && node.lastResponseStatus !== undefined
                    ? t('webhooks.log.httpStatus', { status: String(node.lastResponseStatus) })
                    : node.attempts > 0
                      ? t('webhooks.log.noResponse')
                      : '-'}
                </Table.Td>
                <Table.Td>{node.nextAttemptAt ? formatDateTime(node.nextAttemptAt) : '-'}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    {node.status !== 'PENDING' && (
                      <Button
                        size="xs"
                        variant="light"
                        loading={resending}
                        onClick={() => void resendDelivery(node.id)}
                        aria-label={`${t('webhooks.log.resend')}: ${t(`webhooks.events.${node.eventType}`)}`}
                      >
                        {t('webhooks.log.resend')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {connection.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={loadMore} loading={loading}>
            {t('webhooks.log.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
};

/** The latest deliveries to one endpoint, newest first, with a resend for the finished ones. */
export const WebhookDeliveryLog = ({ endpoint, canEdit, onClose }: WebhookDeliveryLogProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={endpoint !== null}
      onClose={onClose}
      title={t('webhooks.log.title', { url: endpoint?.url ?? '' })}
      size="xl"
      centered
    >
      {endpoint && <DeliveryTable endpointId={endpoint.id} canEdit={canEdit} />}
    </Modal>
  );
};
