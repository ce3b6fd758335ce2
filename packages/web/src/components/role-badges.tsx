import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A row's roles as badges, or "No roles". */
export const RoleBadges = ({ roles }: { roles: readonly { id: string; name: string }[] }) => {
  const { t } = useTranslation();
  return roles.length > 0 ? (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role.id} variant="outline" size="sm" tt="none">
          {role.name}
        </Badge>
      ))}
    </Group>
  ) : (
    <Text size="sm" c="dimmed">
      {t('keys.noRoles')}
    </Text>
  );
};
