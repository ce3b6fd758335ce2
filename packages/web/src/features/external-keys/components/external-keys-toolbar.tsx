import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyStatus, RoleMultiSelect_RoleFragment } from '../../../gql/graphql';
import { RoleMultiSelect } from '../../../components/role-multi-select';

export const externalSearchDebounceMs = 300;

type ExternalKeysToolbarProps = {
  search: string;
  status: ApiKeyStatus | null;
  roleIds: string[];
  roles: readonly RoleMultiSelect_RoleFragment[];
  onSearchChange: (search: string) => void;
  onStatusChange: (status: ApiKeyStatus | null) => void;
  onRoleIdsChange: (roleIds: string[]) => void;
};

const parseStatus = (value: string): ApiKeyStatus | null =>
  value === 'ACTIVE' || value === 'INACTIVE' ? value : null;

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
  const [draft, setDraft] = useState(search);
  const commitSearch = useDebouncedCallback(onSearchChange, externalSearchDebounceMs);

  // Back/forward navigation changes the URL under us: show what it now says.
  useEffect(() => setDraft(search), [search]);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t('keys.search')}
        placeholder={t('externalKeys.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={draft}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        data-testid="external-keys-search"
        w={260}
      />
      <NativeSelect
        label={t('keys.statusFilter')}
        value={status ?? ''}
        onChange={(event) => onStatusChange(parseStatus(event.currentTarget.value))}
        data={[
          { value: '', label: t('keys.statusAll') },
          { value: 'ACTIVE', label: t('keys.status.ACTIVE') },
          { value: 'INACTIVE', label: t('keys.status.INACTIVE') },
        ]}
        data-testid="external-keys-status-filter"
      />
      <RoleMultiSelect
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
