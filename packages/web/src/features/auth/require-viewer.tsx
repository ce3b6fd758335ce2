import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { describeError, getErrorCode } from '../../lib/graphql-errors';
import { useViewerQuery } from './use-viewer-query';
import { ViewerProvider } from '../../lib/viewer-context';

export const RequireViewer = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, error, loading, refetch } = useViewerQuery();

  if (data) return <ViewerProvider viewer={data.me}>{children}</ViewerProvider>;
  if (error && getErrorCode(error) === 'UNAUTHENTICATED') {
    return <Navigate to="/sign-in" replace state={{ from: location }} />;
  }
  if (error) {
    return (
      <Center mih="100vh" p="md">
        <Alert color="red" title={t('errors.title')} role="alert" maw={480}>
          <Stack gap="sm">
            {describeError(error, t)}
            <Button variant="light" onClick={() => void refetch()}>
              {t('errors.retry')}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  return (
    <Center mih="100vh" role="status" aria-label={t('app.loading')}>
      {loading && <Loader />}
    </Center>
  );
};
