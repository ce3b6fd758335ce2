import { useQuery } from '@apollo/client/react';
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import { useFormatters } from '../../../lib/use-formatters';

export const KeyAuditTrailQueryDocument = graphql(`
  query KeyAuditTrail($targetKey: String!, $first: Int!) {
    auditEvents(first: $first, filter: { targetKey: $targetKey }) {
      edges {
        node {
          id
          action
          actorLabel
          sourceIp
          createdAt
        }
      }
    }
  }
`);

export const auditTrailLength = 20;

/** The latest audit events about the key (the audit log filtered to it as target). */
export const KeyAuditTrail = ({ keyIdentifier }: { keyIdentifier: string }) => {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const { data, error, refetch } = useQuery(KeyAuditTrailQueryDocument, {
    variables: { targetKey: keyIdentifier, first: auditTrailLength },
    // The trail grows while the page is open: read it afresh on each visit.
    fetchPolicy: 'no-cache',
  });
  const events = data?.auditEvents.edges.map((edge) => edge.node) ?? [];
  // An action this version of the app does not know yet is shown as the server names it.
  const actionLabel = (action: string) =>
    t(`audit.actions.${action}` as 'audit.actions.api-key.generated', { defaultValue: action });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="key-audit-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="key-audit-title">
          {t('keyDetail.audit.title')}
        </Title>
        {error ? (
          <ErrorAlert error={error} onRetry={() => void refetch()} />
        ) : data && events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('keyDetail.audit.empty')}
          </Text>
        ) : (
          <Table aria-labelledby="key-audit-title" data-testid="key-audit-trail">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.columns.time')}</Table.Th>
                <Table.Th>{t('audit.columns.action')}</Table.Th>
                <Table.Th>{t('audit.columns.actor')}</Table.Th>
                <Table.Th>{t('audit.columns.sourceIp')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => (
                <Table.Tr key={event.id} data-action={event.action}>
                  <Table.Td>
                    <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
                  </Table.Td>
                  <Table.Td>{actionLabel(event.action)}</Table.Td>
                  <Table.Td>{event.actorLabel ?? '—'}</Table.Td>
                  <Table.Td ff="monospace">{event.sourceIp ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
};
