import { Anchor, Breadcrumbs, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ListPage, noPermissionTexts } from '../../../components/list-page';
import { NoPermission } from '../../../components/list-states';
import { graphql } from '../../../gql';
import type { MemberRow_MemberFragment } from '../../../gql/graphql';
import { useRoles } from '../../../hooks/use-roles';
import { resourceKeys, useCan, useViewer } from '../../../lib/viewer-context';
import { InviteMemberModal } from '../components/invite-member-modal';
import { EditMemberModal } from '../components/edit-member-modal';
import type { MemberActionKind } from '../components/member-action-menu';
import { MembersTable } from '../components/members-table';
import { PendingInvitations } from '../components/pending-invitations';
import { RemoveMemberModal } from '../components/remove-member-modal';

export const MembersPageQueryDocument = graphql(`
  query MembersPage {
    members {
      id
      ...MemberRow_member
    }
  }
`);

type MemberAction = { kind: MemberActionKind; member: MemberRow_MemberFragment };

const MembersNoPermission = () => {
  const { t } = useTranslation();
  return <NoPermission {...noPermissionTexts(t, 'members', 'members')} />;
};

export const MembersRoute = () => {
  const { t } = useTranslation();
  const canView = useCan(resourceKeys.viewUsers);
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Text size="sm" c="dimmed">
          {t('nav.accountSettings')}
        </Text>
        <Anchor size="sm" component="span">
          {t('members.title')}
        </Anchor>
      </Breadcrumbs>
      {canView ? <MembersList /> : <MembersNoPermission />}
    </Stack>
  );
};

const MembersList = () => {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canEdit = useCan(resourceKeys.editUsers);
  const { data, error, refetch } = useQuery(MembersPageQueryDocument);
  const roles = useRoles({ skip: !canEdit });
  const [addOpened, setAddOpened] = useState(false);
  const [action, setAction] = useState<MemberAction | null>(null);
  const [actionOpened, setActionOpened] = useState(false);

  const closeAction = () => setActionOpened(false);
  const selected = action?.member ?? null;

  return (
    <ListPage
      toolbar={
        <Stack gap={4}>
          <Title order={1}>{t('members.title')}</Title>
          <Text c="dimmed">{t('members.intro')}</Text>
        </Stack>
      }
      actions={
        canEdit && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAddOpened(true)}
            data-testid="add-member"
          >
            {t('members.add')}
          </Button>
        )
      }
      error={error}
      onRetry={() => void refetch()}
      noPermission={noPermissionTexts(t, 'members', 'members')}
      loading={{ label: t('members.loading'), testId: 'members-loading', rows: 4 }}
      loaded={Boolean(data)}
      isEmpty={data?.members.length === 0}
      empty={
        <EmptyState
          icon={<IconUsers size={32} aria-hidden />}
          title={t('members.empty.title')}
          description={t('members.empty.description')}
          data-testid="members-empty"
        />
      }
      table={() =>
        data && (
          <MembersTable
            members={data.members}
            viewerUserId={viewer.user?.id ?? null}
            canEdit={canEdit}
            onAction={(kind, member) => {
              setAction({ kind, member });
              setActionOpened(true);
            }}
          />
        )
      }
    >
      <PendingInvitations canEdit={canEdit} />
      {canEdit && (
        <>
          <InviteMemberModal opened={addOpened} onClose={() => setAddOpened(false)} roles={roles} />
          <EditMemberModal
            opened={actionOpened && action?.kind === 'edit'}
            member={selected}
            roles={roles}
            onClose={closeAction}
          />
          <RemoveMemberModal
            opened={actionOpened && action?.kind === 'remove'}
            member={selected}
            onClose={closeAction}
          />
        </>
      )}
    </ListPage>
  );
};
