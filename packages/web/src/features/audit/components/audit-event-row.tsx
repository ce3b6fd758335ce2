import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { AuditActorKind, AuditEventRow_AuditEventFragment } from '../../../gql/graphql';
import { useFormatters } from '../../../lib/use-formatters';
import { describeAuditDetails, describeAuditTarget } from '../utils/audit-details';
import { isKnownAuditAction, isKnownTargetType } from '../utils/audit-actions';

export const AuditEventRowAuditEventFragment = graphql(`
  fragment AuditEventRow_auditEvent on AuditEvent {
    id
    action
    actorKind
    actorLabel
    targetType
    targetLabel
    details
    sourceIp
    createdAt
  }
`);

const actorColors: Record<AuditActorKind, string> = {
  USER: 'blue',
  API_KEY: 'grape',
  SYSTEM: 'gray',
  ANONYMOUS: 'red',
};

export const AuditEventRow = ({
  event,
  roleName,
}: {
  event: AuditEventRow_AuditEventFragment;
  roleName?: (id: string) => string | undefined;
}) => {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const details = describeAuditDetails(event.action, event.details, t, roleName);
  const targetLabel = describeAuditTarget(event.targetType, event.targetLabel, t);
  const targetType = event.targetType
    ? isKnownTargetType(event.targetType)
      ? t(`audit.targetTypes.${event.targetType}`)
      : event.targetType
    : null;

  return (
    <Table.Tr data-testid="audit-event-row" data-action={event.action}>
      <Table.Td>
        <Text
          size="sm"
          component="time"
          dateTime={event.createdAt}
          style={{ whiteSpace: 'nowrap' }}
        >
          {formatDateTime(event.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge color={actorColors[event.actorKind]} variant="light" size="sm">
            {t(`audit.actorKinds.${event.actorKind}`)}
          </Badge>
          {event.actorLabel && (
            <Text size="sm" ff={event.actorKind === 'API_KEY' ? 'monospace' : undefined}>
              {event.actorLabel}
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" title={event.action}>
          {isKnownAuditAction(event.action) ? t(`audit.actions.${event.action}`) : event.action}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {targetLabel && (
            <Text size="sm" ff={event.targetType === 'api-key' ? 'monospace' : undefined}>
              {targetLabel}
            </Text>
          )}
          {targetType && (
            <Text size="xs" c="dimmed">
              {targetType}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {event.sourceIp ?? '-'}
        </Text>
      </Table.Td>
      <Table.Td maw={360}>
        <Text
          size="sm"
          lineClamp={2}
          title={event.details ?? undefined}
          data-testid="audit-details"
        >
          {details || '-'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
};
