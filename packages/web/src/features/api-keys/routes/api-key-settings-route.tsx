import { Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { ApiKeySettingsForm_SettingsFragment } from '../../../gql/graphql';
import { getErrorCode } from '../../../lib/graphql-errors';
import { resourceKeys, useCan } from '../../../lib/viewer-context';
import { ApiKeySettingsForm } from '../components/api-key-settings-form';
import { RecentReminders } from '../components/recent-reminders';
import { WebhookEndpoints } from '../components/webhook-endpoints';

export const ApiKeySettingsQueryDocument = graphql(`
  query ApiKeySettings {
    apiKeySettings {
      ...ApiKeySettingsForm_settings
    }
  }
`);

const NoPermission = () => {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconLock size={32} aria-hidden />}
      title={t('settings.noPermission.title')}
      description={t('settings.noPermission.description')}
      data-testid="settings-no-permission"
    />
  );
};

export const ApiKeySettingsRoute = () => {
  const canView = useCan(resourceKeys.viewApiKeys);
  const canEdit = useCan(resourceKeys.editApiKeysSettings);
  if (!canView && !canEdit) return <NoPermission />;
  return (
    <Stack gap="xl">
      <ApiKeySettingsLoader canEdit={canEdit} />
      <WebhookEndpoints canEdit={canEdit} />
      {/* Reminders, like the key list, need View API Keys. */}
      {canView && <RecentReminders />}
    </Stack>
  );
};

const ApiKeySettingsLoader = ({ canEdit }: { canEdit: boolean }) => {
  const { t } = useTranslation();
  // The signing secret is a secret: read it from the network, never from the cache.
  const { data, error, refetch } = useQuery(ApiKeySettingsQueryDocument, {
    fetchPolicy: 'no-cache',
  });
  const [saved, setSaved] = useState<ApiKeySettingsForm_SettingsFragment | null>(null);
  const settings = saved ?? data?.apiKeySettings;

  if (error && getErrorCode(error) === 'FORBIDDEN') return <NoPermission />;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!settings) {
    return (
      <Stack gap="sm" role="status" aria-label={t('settings.loading')}>
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} height={56} radius="sm" />
        ))}
      </Stack>
    );
  }
  return <ApiKeySettingsForm settings={settings} canEdit={canEdit} onSaved={setSaved} />;
};
