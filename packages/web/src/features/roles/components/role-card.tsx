import { ActionIcon, Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { RoleCard_RoleFragment } from '../../../gql/graphql';
import { productLabel, resourceLabel } from '../../../lib/resource-labels';
import { useAuthorityReason } from '../../../lib/use-authority-reason';
import { groupByProduct } from '../utils/group-by-product';

export const RoleCardRoleFragment = graphql(`
  fragment RoleCard_role on Role {
    id
    name
    predefined
    viewerLacks {
      key
      name
    }
    resources {
      key
      name
      productKey
      productName
    }
    ...RoleEditorModal_role
  }
`);

type RoleCardProps = {
  role: RoleCard_RoleFragment;
  canEdit: boolean;
  onEdit: (role: RoleCard_RoleFragment) => void;
  onDelete: (role: RoleCard_RoleFragment) => void;
};

export const RoleCard = ({ role, canEdit, onEdit, onDelete }: RoleCardProps) => {
  const { t } = useTranslation();
  const groups = groupByProduct(role.resources);
  const lackReason = useAuthorityReason(role.viewerLacks);
  // Greyed out but focusable, so keyboard and pointer users both reach the reason.
  const guard = (action: () => void) =>
    lackReason
      ? { 'data-disabled': true, 'aria-disabled': true, onClick: () => undefined }
      : { onClick: action };
  const titleId = `role-${role.id}-title`;
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="role-card"
      data-role-name={role.name}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h5" id={titleId}>
            {role.name}
          </Title>
          {role.predefined ? (
            <Tooltip label={t('roleAdmin.predefinedHint')}>
              <Badge
                color="gray"
                variant="light"
                leftSection={<IconLock size={12} aria-hidden />}
                tt="none"
              >
                {t('roleAdmin.predefined')}
              </Badge>
            </Tooltip>
          ) : (
            <Badge variant="light" tt="none">
              {t('roleAdmin.custom')}
            </Badge>
          )}
        </Group>
        {canEdit && !role.predefined && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={lackReason} disabled={!lackReason} multiline w={260}>
              <ActionIcon
                variant="subtle"
                aria-label={t('roleAdmin.actions.edit', { name: role.name })}
                {...guard(() => onEdit(role))}
                data-testid="role-edit"
              >
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={lackReason} disabled={!lackReason} multiline w={260}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('roleAdmin.actions.delete', { name: role.name })}
                {...guard(() => onDelete(role))}
                data-testid="role-delete"
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('roleAdmin.noResources')}
        </Text>
      ) : (
        <Stack gap="xs">
          {groups.map((group) => (
            <div key={group.productKey}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                {productLabel(t, group.productKey, group.productName)}
              </Text>
              <Group gap={4} mt={4}>
                {group.resources.map((resource) => (
                  <Badge key={resource.key} variant="outline" size="sm" tt="none">
                    {resourceLabel(t, resource.key, resource.name)}
                  </Badge>
                ))}
              </Group>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
};
