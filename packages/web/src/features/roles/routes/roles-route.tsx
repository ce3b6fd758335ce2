import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { RoleCard_RoleFragment } from '../../../gql/graphql';
import { getErrorCode } from '../../../lib/graphql-errors';
import { resourceKeys, useCan, useViewer } from '../../../lib/viewer-context';
import { DeleteRoleModal } from '../components/delete-role-modal';
import { RoleCard } from '../components/role-card';
import { RoleEditorModal } from '../components/role-editor-modal';
import { roleReaderResources } from '../../../lib/role-readers';

export const RolesPageQueryDocument = graphql(`
  query RolesPage {
    roles {
      id
      ...RoleCard_role
    }
    resources {
      key
      ...ResourcePicker_resource
    }
  }
`);

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; role: RoleCard_RoleFragment }
  | { kind: 'delete'; role: RoleCard_RoleFragment };

const NoPermission = () => {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconLock size={32} aria-hidden />}
      title={t('roleAdmin.noPermission.title')}
      description={t('roleAdmin.noPermission.description')}
      data-testid="roles-no-permission"
    />
  );
};

export const RolesRoute = () => {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canRead = roleReaderResources.some((key) => viewer.resources.includes(key));
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Text size="sm" c="dimmed">
          {t('nav.accountSettings')}
        </Text>
        <Anchor size="sm" component="span">
          {t('roleAdmin.title')}
        </Anchor>
      </Breadcrumbs>
      {canRead ? <RolesList /> : <NoPermission />}
    </Stack>
  );
};

const RolesList = () => {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canEdit = useCan(resourceKeys.editRoles);
  const { data, error, refetch } = useQuery(RolesPageQueryDocument);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogOpened, setDialogOpened] = useState(false);

  const open = (next: Dialog) => {
    setDialog(next);
    setDialogOpened(true);
  };
  const close = () => setDialogOpened(false);

  const renderList = () => {
    if (error && getErrorCode(error) === 'FORBIDDEN') return <NoPermission />;
    if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
    if (!data) {
      return (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          role="status"
          aria-label={t('roleAdmin.loading')}
          data-testid="roles-loading"
        >
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} height={120} radius="md" />
          ))}
        </SimpleGrid>
      );
    }
    const custom = data.roles.filter((role) => !role.predefined);
    const predefined = data.roles.filter((role) => role.predefined);
    const cardProps = {
      canEdit,
      onEdit: (role: RoleCard_RoleFragment) => open({ kind: 'edit', role }),
      onDelete: (role: RoleCard_RoleFragment) => open({ kind: 'delete', role }),
    };
    return (
      <Stack gap="lg">
        <section aria-labelledby="custom-roles-title">
          <Title order={2} size="h4" mb="sm" id="custom-roles-title">
            {t('roleAdmin.customSection')}
          </Title>
          {custom.length === 0 ? (
            <Text c="dimmed" data-testid="roles-empty-custom">
              {t('roleAdmin.emptyCustom')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="custom-roles">
              {custom.map((role) => (
                <RoleCard key={role.id} role={role} {...cardProps} />
              ))}
            </SimpleGrid>
          )}
        </section>
        <section aria-labelledby="predefined-roles-title">
          <Title order={2} size="h4" mb="xs" id="predefined-roles-title">
            {t('roleAdmin.predefinedSection')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('roleAdmin.predefinedHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="predefined-roles">
            {predefined.map((role) => (
              <RoleCard key={role.id} role={role} {...cardProps} />
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('roleAdmin.title')}</Title>
          <Text c="dimmed" maw={640}>
            {t('roleAdmin.intro')}
          </Text>
        </Stack>
        {canEdit && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => open({ kind: 'create' })}
            data-testid="create-role"
          >
            {t('roleAdmin.create')}
          </Button>
        )}
      </Group>
      {renderList()}
      {canEdit && (
        <>
          <RoleEditorModal
            opened={dialogOpened && (dialog?.kind === 'create' || dialog?.kind === 'edit')}
            role={dialog?.kind === 'edit' ? dialog.role : null}
            resources={data?.resources ?? []}
            heldResourceKeys={viewer.resources}
            onClose={close}
          />
          <DeleteRoleModal
            opened={dialogOpened && dialog?.kind === 'delete'}
            role={dialog?.kind === 'delete' ? dialog.role : null}
            onClose={close}
          />
        </>
      )}
    </Stack>
  );
};
