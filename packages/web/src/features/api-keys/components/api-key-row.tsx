import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { ApiKeyRow_ApiKeyFragment } from '../../../gql/graphql';
import { useAuthorityReason } from '../../../lib/use-authority-reason';
import { useFormatters } from '../../../lib/use-formatters';
import { ApiKeyActionMenu, type ApiKeyActionKind } from './api-key-action-menu';
import { KeyCreator, type CreatorChoice } from './key-creator';
import { StatusBadge } from '../../../components/status-badge';
import { TokenStatusCell } from './token-status-cell';
import { UsageSparkline } from './usage-sparkline';
import { apiKeyDetailPath } from '../utils/key-detail-path';
import { RoleBadges } from '../../../components/role-badges';

export const ApiKeyRowApiKeyFragment = graphql(`
  fragment ApiKeyRow_apiKey on ApiKey {
    id
    key
    name
    status
    createdAt
    lastUsedAt
    roles {
      id
      name
    }
    renewalPending
    allowedAddresses
    rateLimitPerMinute
    rateLimitPerDay
    leaked
    leakedUrl
    viewerLacks {
      key
      name
    }
    ...KeyCreator_apiKey
    ...EditApiKeyModal_apiKey
    ...TokenStatusCell_apiKey
    ...UsageSparkline_apiKey
  }
`);

/** A key restricted to some addresses, or with a budget of uses, says so in its row. */
const KeyPolicyBadges = ({ apiKey }: { apiKey: ApiKeyRow_ApiKeyFragment }) => {
  const { t } = useTranslation();
  const { allowedAddresses, rateLimitPerMinute: perMinute, rateLimitPerDay: perDay } = apiKey;
  if (allowedAddresses.length === 0 && perMinute == null && perDay == null) return null;
  const budget = [
    perMinute != null
      ? t('keyPolicies.perMinuteShort', { value: perMinute.toLocaleString() })
      : null,
    perDay != null ? t('keyPolicies.perDayShort', { value: perDay.toLocaleString() }) : null,
  ].filter((part) => part !== null);
  return (
    <Group gap={4}>
      {allowedAddresses.length > 0 && (
        // A native title, not a Tooltip: floating-ui would join the tab's first load (P5).
        <Badge
          size="xs"
          variant="light"
          color="grape"
          title={allowedAddresses.slice(0, 10).join(', ')}
          data-testid="key-restricted-badge"
        >
          {t('keyPolicies.restrictedBadge')}
        </Badge>
      )}
      {budget.length > 0 && (
        <Badge size="xs" variant="light" color="cyan" data-testid="key-budget-badge">
          {budget.join(' · ')}
        </Badge>
      )}
    </Group>
  );
};

type ApiKeyRowProps = {
  apiKey: ApiKeyRow_ApiKeyFragment;
  canEdit: boolean;
  canRenew: boolean;
  onAction: (kind: ApiKeyActionKind, apiKey: ApiKeyRow_ApiKeyFragment) => void;
  onCreatorFilter?: (creator: CreatorChoice) => void;
};

export const ApiKeyRow = ({
  apiKey,
  canEdit,
  canRenew,
  onAction,
  onCreatorFilter,
}: ApiKeyRowProps) => {
  const { t } = useTranslation();
  const { formatDate, formatDateTime } = useFormatters();
  const lackReason = useAuthorityReason(apiKey.viewerLacks);
  // As on the VTEX pages: the alert icon beside the key name, named for screen readers.
  const alertIcon =
    apiKey.alertLevel !== 'NONE' ? (
      <IconAlertTriangle
        size={16}
        role="img"
        aria-label={t(`tokens.alert.${apiKey.alertLevel}`)}
        color={`var(--mantine-color-${apiKey.alertLevel === 'RED' ? 'red-8' : 'orange-9'})`}
        data-testid="key-alert-icon"
      />
    ) : apiKey.tokenDueInDays != null ? (
      <IconClockExclamation
        size={16}
        role="img"
        aria-label={t('tokens.dueInDays', { count: apiKey.tokenDueInDays })}
        color="var(--mantine-color-yellow-9)"
        data-testid="key-alert-icon"
      />
    ) : null;
  return (
    <Table.Tr
      data-testid="api-key-row"
      data-key={apiKey.key}
      data-renewal-pending={apiKey.renewalPending || undefined}
      data-leaked={apiKey.leaked || undefined}
    >
      <Table.Td>
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            {alertIcon}
            <Text ff="monospace" size="sm">
              {apiKey.key}
            </Text>
          </Group>
          <Anchor
            component={Link}
            to={apiKeyDetailPath(apiKey.id)}
            size="sm"
            aria-label={t('keyDetail.openDetails', { name: apiKey.name })}
            data-testid="api-key-detail-link"
          >
            {apiKey.name}
          </Anchor>
          <KeyPolicyBadges apiKey={apiKey} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <RoleBadges roles={apiKey.roles} />
      </Table.Td>
      <Table.Td>
        <time dateTime={apiKey.createdAt}>{formatDate(apiKey.createdAt)}</time>
      </Table.Td>
      <Table.Td>
        <KeyCreator apiKey={apiKey} onFilter={onCreatorFilter} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <StatusBadge status={apiKey.status} />
          {apiKey.leaked && (
            <Badge
              color="red"
              variant="filled"
              title={
                apiKey.leakedUrl ? t('keys.leaked.foundAt', { url: apiKey.leakedUrl }) : undefined
              }
              data-testid="key-leaked-badge"
            >
              {t('keys.leaked.badge')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <TokenStatusCell apiKey={apiKey} />
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          {apiKey.lastUsedAt ? (
            <time dateTime={apiKey.lastUsedAt}>{formatDateTime(apiKey.lastUsedAt)}</time>
          ) : (
            t('keys.never')
          )}
          <UsageSparkline apiKey={apiKey} />
        </Stack>
      </Table.Td>
      {(canEdit || canRenew) && (
        <Table.Td>
          <ApiKeyActionMenu
            name={apiKey.name}
            status={apiKey.status}
            renewalPending={apiKey.renewalPending}
            canEdit={canEdit}
            canRenew={canRenew}
            lackReason={lackReason}
            onAction={(kind) => onAction(kind, apiKey)}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
};
