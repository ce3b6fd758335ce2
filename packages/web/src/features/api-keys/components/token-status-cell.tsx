import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { TokenStatusCell_ApiKeyFragment } from '../../../gql/graphql';
import { useRelativeTime } from '../../../lib/relative-time';
import { useFormatters } from '../../../lib/use-formatters';

export const TokenStatusCellApiKeyFragment = graphql(`
  fragment TokenStatusCell_apiKey on ApiKey {
    id
    alertLevel
    tokenDueInDays
    renewalPending
    tokenCreatedAt
    tokenExpiresAt
    tokens {
      id
      createdAt
      expiresAt
      lastUsedAt
      lastUsedIp
    }
  }
`);

type ApiToken = TokenStatusCell_ApiKeyFragment['tokens'][number];

const TokenUse = ({ label, token, testId }: { label: string; token: ApiToken; testId: string }) => {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const relative = useRelativeTime();
  const lastUse = token.lastUsedAt
    ? token.lastUsedIp
      ? t('tokens.lastUsedFrom', { date: formatDateTime(token.lastUsedAt), ip: token.lastUsedIp })
      : t('tokens.lastUsed', { date: formatDateTime(token.lastUsedAt) })
    : t('tokens.neverUsed');
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {lastUse}
      </Text>
      {token.expiresAt && (
        <Text size="xs" c="dimmed">
          {t('tokens.oldTokenDies', { relative: relative(token.expiresAt) })}
        </Text>
      )}
    </Stack>
  );
};

/** Text colours of the alert levels, dark enough to read on white (the badges carry the hue). */
export const alertTextColor = { ORANGE: 'orange.9', RED: 'red.8' } as const;

/** Token age and renewal alert; during a renewal, the last use of the old and the new token. */
export const TokenStatusCell = ({ apiKey }: { apiKey: TokenStatusCell_ApiKeyFragment }) => {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const relative = useRelativeTime();
  const outdated = new Date(apiKey.tokenExpiresAt).getTime() <= Date.now();
  const [oldToken, newToken] = apiKey.tokens;
  return (
    <Stack gap={4} data-testid="token-status">
      <Group gap={6} wrap="nowrap">
        <Text
          size="sm"
          // The alert's own colour: orange past the duration, red three months past it.
          c={
            apiKey.alertLevel !== 'NONE'
              ? alertTextColor[apiKey.alertLevel]
              : outdated
                ? alertTextColor.ORANGE
                : undefined
          }
          data-alert-level={apiKey.alertLevel}
          data-testid="token-expiry"
        >
          <time dateTime={apiKey.tokenExpiresAt}>
            {outdated
              ? t('tokens.outdated', { relative: relative(apiKey.tokenExpiresAt) })
              : t('tokens.expires', { relative: relative(apiKey.tokenExpiresAt) })}
          </time>
        </Text>
        {apiKey.alertLevel !== 'NONE' && (
          <Badge
            color={apiKey.alertLevel === 'RED' ? 'red' : 'orange'}
            variant="filled"
            size="sm"
            tt="none"
            data-testid="token-alert-badge"
            data-alert-level={apiKey.alertLevel}
          >
            {t(`tokens.alert.${apiKey.alertLevel}`)}
          </Badge>
        )}
      </Group>
      {apiKey.tokenDueInDays != null && apiKey.alertLevel === 'NONE' && (
        <Text size="xs" fw={600} c="yellow.9" data-testid="token-due-soon">
          {t('tokens.dueInDays', { count: apiKey.tokenDueInDays })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('tokens.issued', { date: formatDate(apiKey.tokenCreatedAt) })}
      </Text>
      {apiKey.renewalPending && oldToken && newToken && (
        <Stack gap={4} data-testid="token-pending">
          <Badge color="yellow" variant="light" size="sm" tt="none">
            {t('tokens.pendingDeletion')}
          </Badge>
          <TokenUse label={t('tokens.oldToken')} token={oldToken} testId="token-old" />
          <TokenUse label={t('tokens.newToken')} token={newToken} testId="token-new" />
        </Stack>
      )}
    </Stack>
  );
};
