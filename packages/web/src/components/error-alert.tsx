import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/graphql-errors';

type ErrorAlertProps = { error: unknown; onRetry?: () => void };

export const ErrorAlert = ({ error, onRetry }: ErrorAlertProps) => {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      role="alert"
      title={t('errors.title')}
      icon={<IconAlertTriangle size={18} aria-hidden />}
    >
      <Stack gap="sm" align="flex-start">
        {describeError(error, t)}
        {onRetry && (
          <Button variant="light" color="red" size="xs" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
};
