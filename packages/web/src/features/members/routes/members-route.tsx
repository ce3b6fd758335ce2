import { Anchor, Breadcrumbs, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconLock, IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { MemberRow_MemberFragment } from '../../../gql/graphql';
import { getErrorCode } from '../../../lib/graphql-errors';
import { useRoles } from '../../../hooks/use-roles';
import { resourceKeys, useCan, useViewer } from '../../../lib/viewer-context';
import { AddMemberModal } from '../components/add-member-modal';
import { EditMemberModal } from '../components/edit-member-modal';
import type { MemberActionKind } from '../components/member-action-menu';
import { MembersTable } from '../components/members-table';
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

const NoPermission = () => {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconLock size={32} aria-hidden />}
      title={t('members.noPermission.title')}
      description={t('members.noPermission.description')}
      data-testid="members-no-permission"
    />
  );
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
      {canView ? <MembersList /> : <NoPermission />}
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

  const renderContent = () => {
    if (error && getErrorCode(error) === 'FORBIDDEN') return <NoPermission />;
    if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
    if (!data) {
      return (
        <Stack
          gap="xs"
          role="status"
          aria-label={t('members.loading')}
          data-testid="members-loading"
        >
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} height={44} radius="sm" />
          ))}
        </Stack>
      );
    }
    if (data.members.length === 0) {
      return (
        <EmptyState
          icon={<IconUsers size={32} aria-hidden />}
          title={t('members.empty.title')}
          description={t('members.empty.description')}
          data-testid="members-empty"
        />
      );
    }
    return (
      <MembersTable
        members={data.members}
        viewerUserId={viewer.user?.id ?? null}
        canEdit={canEdit}
        onAction={(kind, member) => {
          setAction({ kind, member });
          setActionOpened(true);
        }}
      />
    );
  };

  const closeAction = () => setActionOpened(false);
  const selected = action?.member ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('members.title')}</Title>
          <Text c="dimmed">{t('members.intro')}</Text>
        </Stack>
        {canEdit && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAddOpened(true)}
            data-testid="add-member"
          >
            {t('members.add')}
          </Button>
        )}
      </Group>
      {renderContent()}
      {canEdit && (
        <>
          <AddMemberModal opened={addOpened} onClose={() => setAddOpened(false)} roles={roles} />
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
    </Stack>
  );
};
