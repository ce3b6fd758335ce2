import { Chip, CloseButton, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertLevel, ApiKeyStatus, RoleMultiSelect_RoleFragment } from '../../../gql/graphql';
import {
  alertLevels,
  creatorKinds,
  inactivityFilterDays,
  type CreatorFilter,
} from '../hooks/use-keys-search-params';
import { KeyStatusFilter, SearchFilter } from '../../../components/list-filters';
import { RoleFilter } from '../../../components/role-filter';

type KeysToolbarProps = {
  search: string;
  status: ApiKeyStatus | null;
  roleIds: string[];
  roles: readonly RoleMultiSelect_RoleFragment[];
  onSearchChange: (search: string) => void;
  onStatusChange: (status: ApiKeyStatus | null) => void;
  onRoleIdsChange: (roleIds: string[]) => void;
  /** The renewal-alert filter shows only where keys carry alerts (the Generated tab). */
  alertLevel?: AlertLevel | null;
  onAlertLevelChange?: (alertLevel: AlertLevel | null) => void;
  /** Only keys whose old token still works after a renewal (the Generated tab). */
  renewalPending?: boolean;
  onRenewalPendingChange?: (renewalPending: boolean) => void;
  /** Who generated the keys (the Generated tab). */
  createdBy?: CreatorFilter | null;
  onCreatedByChange?: (createdBy: CreatorFilter | null) => void;
  /** Only keys reported leaked (the Generated tab). */
  leaked?: boolean;
  onLeakedChange?: (leaked: boolean) => void;
  /** Only keys unused for more than N days (the Generated tab). */
  inactiveForDays?: number | null;
  onInactiveForDaysChange?: (days: number | null) => void;
};

const parseAlertLevel = (value: string): AlertLevel | null =>
  alertLevels.find((level) => level === value) ?? null;

export const KeysToolbar = ({
  search,
  status,
  roleIds,
  roles,
  onSearchChange,
  onStatusChange,
  onRoleIdsChange,
  alertLevel = null,
  onAlertLevelChange,
  renewalPending = false,
  onRenewalPendingChange,
  createdBy = null,
  onCreatedByChange,
  leaked = false,
  onLeakedChange,
  inactiveForDays = null,
  onInactiveForDaysChange,
}: KeysToolbarProps) => {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchFilter
        label={t('keys.search')}
        placeholder={t('keys.searchPlaceholder')}
        value={search}
        onChange={onSearchChange}
        data-testid="api-keys-search"
      />
      <KeyStatusFilter
        value={status}
        onChange={onStatusChange}
        data-testid="api-keys-status-filter"
      />
      {onAlertLevelChange && (
        <NativeSelect
          label={t('tokens.alertFilter.label')}
          value={alertLevel ?? ''}
          onChange={(event) => onAlertLevelChange(parseAlertLevel(event.currentTarget.value))}
          data={[
            { value: '', label: t('tokens.alertFilter.all') },
            ...alertLevels.map((level) => ({
              value: level,
              label: t(`tokens.alertFilter.${level}`),
            })),
          ]}
          data-testid="api-keys-alert-filter"
        />
      )}
      <RoleFilter
        label={t('keys.roleFilter')}
        placeholder={roleIds.length ? undefined : t('keys.roleFilterPlaceholder')}
        roles={roles}
        value={roleIds}
        onChange={onRoleIdsChange}
        data-testid="api-keys-role-filter"
      />
      {onCreatedByChange && (
        <NativeSelect
          label={t('createdBy.filter.label')}
          value={createdBy?.id ? 'ONE' : (createdBy?.kind ?? '')}
          onChange={(event) => {
            const kind = creatorKinds.find((allowed) => allowed === event.currentTarget.value);
            onCreatedByChange(kind ? { kind, id: null, label: null } : null);
          }}
          data={[
            { value: '', label: t('createdBy.filter.all') },
            ...creatorKinds.map((kind) => ({ value: kind, label: t(`createdBy.filter.${kind}`) })),
            ...(createdBy?.id
              ? [
                  {
                    value: 'ONE',
                    label: t('createdBy.filter.one', { label: createdBy.label ?? createdBy.id }),
                  },
                ]
              : []),
          ]}
          rightSectionPointerEvents={createdBy ? 'all' : 'none'}
          rightSection={
            createdBy ? (
              <CloseButton
                size="sm"
                aria-label={t('createdBy.filter.clear')}
                onClick={() => onCreatedByChange(null)}
              />
            ) : undefined
          }
          data-testid="api-keys-creator-filter"
        />
      )}
      {onInactiveForDaysChange && (
        <NativeSelect
          label={t('keys.inactiveFilter.label')}
          value={inactiveForDays === null ? '' : String(inactiveForDays)}
          onChange={(event) => {
            const days = Number(event.currentTarget.value);
            onInactiveForDaysChange(days > 0 ? days : null);
          }}
          data={[
            { value: '', label: t('keys.inactiveFilter.any') },
            // A window typed in the URL shows as it is.
            ...[
              ...new Set([
                ...inactivityFilterDays,
                ...(inactiveForDays === null ? [] : [inactiveForDays]),
              ]),
            ]
              .sort((a, b) => a - b)
              .map((days) => ({
                value: String(days),
                label: t('keys.inactiveFilter.days', { count: days }),
              })),
          ]}
          data-testid="api-keys-inactive-filter"
        />
      )}
      {onLeakedChange && (
        <Chip
          checked={leaked}
          onChange={onLeakedChange}
          variant="light"
          color="red"
          mb={4}
          data-testid="api-keys-leaked-filter"
        >
          {t('keys.leaked.filter')}
        </Chip>
      )}
      {onRenewalPendingChange && (
        <Chip
          checked={renewalPending}
          onChange={onRenewalPendingChange}
          variant="light"
          color="orange"
          mb={4}
          data-testid="api-keys-pending-filter"
        >
          {t('renewalPendingFilter.label')}
        </Chip>
      )}
    </Group>
  );
};
