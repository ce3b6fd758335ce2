import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberRow_MemberFragment } from '../../../gql/graphql';
import type { MemberActionKind } from './member-action-menu';
import { MemberRow } from './member-row';

type MembersTableProps = {
  members: readonly MemberRow_MemberFragment[];
  viewerUserId: string | null;
  canEdit: boolean;
  onAction: (kind: MemberActionKind, member: MemberRow_MemberFragment) => void;
};

export const MembersTable = ({ members, viewerUserId, canEdit, onAction }: MembersTableProps) => {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table
        aria-label={t('members.tableLabel')}
        data-testid="members-table"
        highlightOnHover
        verticalSpacing="sm"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.columns.user')}</Table.Th>
            <Table.Th>{t('members.columns.roles')}</Table.Th>
            <Table.Th>{t('members.columns.addedAt')}</Table.Th>
            {canEdit && (
              <Table.Th>
                <VisuallyHidden>{t('members.columns.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              isViewer={member.user.id === viewerUserId}
              canEdit={canEdit}
              onAction={onAction}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
