import { Button } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useSignOut } from './use-sign-out';

export const SignOutButton = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signOut, loading } = useSignOut();

  const handleClick = async () => {
    try {
      await signOut();
      notifySuccess(t('header.signedOut'));
      void navigate('/sign-in', { replace: true });
    } catch (error) {
      notifyFailure(t('header.signOutFailed'), describeError(error, t));
    }
  };

  return (
    <Button
      variant="subtle"
      size="xs"
      leftSection={<IconLogout size={16} aria-hidden />}
      loading={loading}
      onClick={() => void handleClick()}
      data-testid="sign-out"
    >
      {t('header.signOut')}
    </Button>
  );
};
