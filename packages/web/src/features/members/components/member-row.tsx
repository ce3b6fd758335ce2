import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { MemberRow_MemberFragment } from '../../../gql/graphql';
import { useAuthorityReason } from '../../../lib/use-authority-reason';
import { useFormatters } from '../../../lib/use-formatters';
import { MemberActionMenu, type MemberActionKind } from './member-action-menu';
import { RoleBadges } from '../../../components/role-badges';

export const MemberRowMemberFragment = graphql(`
  fragment MemberRow_member on Member {
    id
    addedAt
    user {
      id
      email
      name
    }
    roles {
      id
      name
    }
    viewerLacks {
      key
      name
    }
    ...EditMemberModal_member
  }
`);

type MemberRowProps = {
  member: MemberRow_MemberFragment;
  isViewer: boolean;
  canEdit: boolean;
  onAction: (kind: MemberActionKind, member: MemberRow_MemberFragment) => void;
};

export const MemberRow = ({ member, isViewer, canEdit, onAction }: MemberRowProps) => {
  const { t } = useTranslation();
  const lackReason = useAuthorityReason(member.viewerLacks);
  const { formatDate } = useFormatters();
  const { user } = member;
  return (
    <Table.Tr data-testid="member-row" data-email={user.email}>
      <Table.Td>
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm">{user.name}</Text>
            {isViewer && (
              <Badge size="xs" variant="light" tt="none">
                {t('members.you')}
              </Badge>
            )}
          </Group>
          {user.name !== user.email && (
            <Text size="sm" c="dimmed">
              {user.email}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <RoleBadges roles={member.roles} />
      </Table.Td>
      <Table.Td>
        <time dateTime={member.addedAt}>{formatDate(member.addedAt)}</time>
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <MemberActionMenu
            email={user.email}
            lackReason={lackReason}
            onAction={(kind) => onAction(kind, member)}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
};
