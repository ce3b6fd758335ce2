import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconKeyOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { NoPermission } from '../../../components/list-states';
import { StatusBadge } from '../../../components/status-badge';
import { graphql } from '../../../gql';
import { getErrorCode } from '../../../lib/graphql-errors';
import { resourceKeys, useCan } from '../../../lib/viewer-context';
import { KeyAuditTrail } from '../components/key-audit-trail';
import { KeyCreator } from '../components/key-creator';
import { KeyTokensCard } from '../components/key-tokens-card';
import { KeyUsageChart } from '../components/key-usage-chart';
import { TokenStatusCell } from '../components/token-status-cell';

export const ApiKeyDetailQueryDocument = graphql(`
  query ApiKeyDetail($id: ID!) {
    apiKey(id: $id) {
      id
      key
      name
      status
      leaked
      leakedUrl
      ...TokenStatusCell_apiKey
      ...KeyTokensCard_apiKey
      ...KeyCreator_apiKey
    }
  }
`);

/** One generated key: its usage over time, its tokens and its audit trail (issue 18, U1). */
export const ApiKeyDetailRoute = () => {
  const { t } = useTranslation();
  const canView = useCan(resourceKeys.viewApiKeys);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/account/api-keys/generated" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('nav.generated')}
        </Group>
      </Anchor>
      {canView ? (
        <ApiKeyDetail />
      ) : (
        <NoPermission
          title={t('keys.noPermission.title')}
          description={t('keys.noPermission.description')}
          testId="key-detail-no-permission"
        />
      )}
    </Stack>
  );
};

const ApiKeyDetail = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ApiKeyDetailQueryDocument, { variables: { id } });
  if (error) {
    return getErrorCode(error) === 'NOT_FOUND' ? (
      <EmptyState
        icon={<IconKeyOff size={28} aria-hidden />}
        title={t('keyDetail.notFound.title')}
        description={t('keyDetail.notFound.description')}
        data-testid="key-detail-not-found"
      />
    ) : (
      <ErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }
  const apiKey = data?.apiKey;
  if (!apiKey) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('keyDetail.loading')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="key-detail">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{apiKey.name}</Title>
          <Text ff="monospace" size="sm">
            {apiKey.key}
          </Text>
          <Group gap="xs" align="flex-start" data-testid="key-detail-created-by">
            <Text size="sm" c="dimmed">
              {t('createdBy.detail')}
            </Text>
            <KeyCreator apiKey={apiKey} />
          </Group>
        </Stack>
        <Group gap="lg" align="flex-start">
          <StatusBadge status={apiKey.status} />
          {apiKey.leaked && (
            <Badge color="red" variant="filled" data-testid="key-detail-leaked-badge">
              {t('keys.leaked.badge')}
            </Badge>
          )}
          <TokenStatusCell apiKey={apiKey} />
        </Group>
      </Group>
      {apiKey.leaked && (
        <Alert color="red" title={t('keys.leaked.badge')} data-testid="key-detail-leaked">
          {t('keys.leaked.foundAt', { url: apiKey.leakedUrl ?? '' })}
        </Alert>
      )}
      <KeyUsageChart apiKeyId={apiKey.id} />
      <KeyTokensCard apiKey={apiKey} />
      <KeyAuditTrail keyIdentifier={apiKey.key} />
    </Stack>
  );
};
