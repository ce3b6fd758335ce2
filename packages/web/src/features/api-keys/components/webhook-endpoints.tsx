import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { WebhookEndpoints_EndpointFragment } from '../../../gql/graphql';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useDeleteWebhookEndpoint } from '../hooks/use-webhook-endpoint-mutations';
import { WebhookDeliveryLog } from './webhook-delivery-log';
import { WebhookEndpointModal } from './webhook-endpoint-modal';

export const WebhookEndpointsEndpointFragment = graphql(`
  fragment WebhookEndpoints_endpoint on WebhookEndpoint {
    id
    url
    description
    eventTypes
    active
    createdBy
    createdAt
  }
`);

export const WebhookEndpointsQueryDocument = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpoints_endpoint
    }
  }
`);

type Editing = { endpoint: WebhookEndpoints_EndpointFragment | null } | null;

/** Lifecycle webhooks (issue 18, W1): the account's endpoints, their events and delivery logs. */
export const WebhookEndpoints = ({ canEdit }: { canEdit: boolean }) => {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(WebhookEndpointsQueryDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoints_EndpointFragment | null>(null);
  const [viewing, setViewing] = useState<WebhookEndpoints_EndpointFragment | null>(null);
  const [deleteEndpoint, { loading: deletingNow }] = useDeleteWebhookEndpoint();
  const endpoints = data?.webhookEndpoints;

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await deleteEndpoint({ variables: { input: { id: deleting.id } } });
      notifySuccess(t('webhooks.deleteDialog.success'));
      setDeleting(null);
    } catch (deleteError) {
      notifyFailure(t('webhooks.deleteDialog.failure'), describeError(deleteError, t));
    }
  };

  const renderContent = () => {
    if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
    if (!endpoints) {
      return (
        <Stack gap="xs" role="status" aria-label={t('webhooks.loading')}>
          {Array.from({ length: 2 }, (_, index) => (
            <Skeleton key={index} height={36} radius="sm" />
          ))}
        </Stack>
      );
    }
    if (endpoints.length === 0) {
      return (
        <Text size="sm" c="dimmed" data-testid="webhook-endpoints-empty">
          {t('webhooks.empty')}
        </Text>
      );
    }
    return (
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('webhooks.tableLabel')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('webhooks.columns.url')}</Table.Th>
              <Table.Th>{t('webhooks.columns.events')}</Table.Th>
              <Table.Th>{t('webhooks.columns.status')}</Table.Th>
              <Table.Th>{t('webhooks.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {endpoints.map((endpoint) => (
              <Table.Tr key={endpoint.id} data-testid="webhook-endpoint-row">
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {endpoint.url}
                    </Text>
                    {endpoint.description && (
                      <Text size="xs" c="dimmed">
                        {endpoint.description}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    title={endpoint.eventTypes
                      .map((type) => t(`webhooks.events.${type}`))
                      .join(', ')}
                  >
                    {t('webhooks.eventCount', { count: endpoint.eventTypes.length })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={endpoint.active ? 'green' : 'gray'} variant="light">
                    {endpoint.active ? t('webhooks.active') : t('webhooks.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('webhooks.actionsFor', { url: endpoint.url })}
                      >
                        <IconDots size={16} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setViewing(endpoint)}>
                        {t('webhooks.deliveries')}
                      </Menu.Item>
                      {canEdit && (
                        <Menu.Item onClick={() => setEditing({ endpoint })}>
                          {t('webhooks.edit')}
                        </Menu.Item>
                      )}
                      {canEdit && (
                        <Menu.Item color="red" onClick={() => setDeleting(endpoint)}>
                          {t('webhooks.delete')}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="webhook-endpoints-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="webhook-endpoints-title">
          {t('webhooks.title')}
        </Title>
        {canEdit && (
          <Button onClick={() => setEditing({ endpoint: null })} data-testid="webhook-add">
            {t('webhooks.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('webhooks.explanation')}
      </Text>
      {renderContent()}
      <WebhookEndpointModal
        opened={editing !== null}
        endpoint={editing?.endpoint ?? null}
        onClose={() => setEditing(null)}
      />
      <WebhookDeliveryLog endpoint={viewing} canEdit={canEdit} onClose={() => setViewing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('webhooks.deleteDialog.title')}
        confirmLabel={t('webhooks.deleteDialog.confirm')}
        confirmColor="red"
        onConfirm={() => void confirmDelete()}
        loading={deletingNow}
        confirmTestId="confirm-delete-webhook"
      >
        <Text>{t('webhooks.deleteDialog.body', { url: deleting?.url ?? '' })}</Text>
      </ConfirmModal>
    </Stack>
  );
};
