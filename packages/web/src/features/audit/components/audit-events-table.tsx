import { Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventRow_AuditEventFragment } from '../../../gql/graphql';
import { useRoles } from '../../../hooks/use-roles';
import { AuditEventRow } from './audit-event-row';

export const AuditEventsTable = ({
  events,
}: {
  events: readonly AuditEventRow_AuditEventFragment[];
}) => {
  const { t } = useTranslation();
  // Details record role ids: show the names the account knows (a deleted role keeps its id).
  const roles = useRoles();
  const roleName = useMemo(() => {
    const names = new Map(roles.map((role) => [role.id, role.name]));
    return (id: string) => names.get(id);
  }, [roles]);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table
        aria-label={t('audit.tableLabel')}
        data-testid="audit-table"
        highlightOnHover
        verticalSpacing="sm"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.time')}</Table.Th>
            <Table.Th>{t('audit.columns.actor')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.target')}</Table.Th>
            <Table.Th>{t('audit.columns.sourceIp')}</Table.Th>
            <Table.Th>{t('audit.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <AuditEventRow key={event.id} event={event} roleName={roleName} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
