import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiKeyStatus, RoleMultiSelect_RoleFragment } from '../../../gql/graphql';
import { KeyStatusFilter, SearchFilter } from '../../../components/list-filters';
import { RoleFilter } from '../../../components/role-filter';

type ExternalKeysToolbarProps = {
  search: string;
  status: ApiKeyStatus | null;
  roleIds: string[];
  roles: readonly RoleMultiSelect_RoleFragment[];
  onSearchChange: (search: string) => void;
  onStatusChange: (status: ApiKeyStatus | null) => void;
  onRoleIdsChange: (roleIds: string[]) => void;
};

export const ExternalKeysToolbar = ({
  search,
  status,
  roleIds,
  roles,
  onSearchChange,
  onStatusChange,
  onRoleIdsChange,
}: ExternalKeysToolbarProps) => {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchFilter
        label={t('keys.search')}
        placeholder={t('externalKeys.searchPlaceholder')}
        value={search}
        onChange={onSearchChange}
        data-testid="external-keys-search"
      />
      <KeyStatusFilter
        value={status}
        onChange={onStatusChange}
        data-testid="external-keys-status-filter"
      />
      <RoleFilter
        label={t('keys.roleFilter')}
        placeholder={roleIds.length ? undefined : t('keys.roleFilterPlaceholder')}
        roles={roles}
        value={roleIds}
        onChange={onRoleIdsChange}
        data-testid="external-keys-role-filter"
      />
    </Group>
  );
};
