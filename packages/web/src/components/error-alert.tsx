import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { describeError, getErrorCode } from '../lib/graphql-errors';

type ErrorAlertProps = { error: unknown; onRetry?: () => void };

export const ErrorAlert = ({ error, onRetry }: ErrorAlertProps) => {
  const { t } = useTranslation();
  const location = useLocation();
  // A session ended elsewhere (signed out in another tab, expired): "Try again" cannot work.
  // Sign in again and come back to this very page, filters included.
  if (getErrorCode(error) === 'UNAUTHENTICATED' && location.pathname !== '/sign-in') {
    return <Navigate to="/sign-in" replace state={{ from: location }} />;
  }
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
