import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { describeError } from '../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useSwitchAccount } from './use-switch-account';
import { useViewer } from '../../lib/viewer-context';

export const AccountSwitcher = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const viewer = useViewer();
  const { switchAccount, loading } = useSwitchAccount();

  const handleChange = async (accountId: string) => {
    try {
      const account = await switchAccount(accountId);
      // Stay on the same tab (the page, not an item of the previous account); filters such as
      // role ids belong to the previous account, so the search is dropped.
      void navigate({ pathname: pathname.split('/').slice(0, 4).join('/') || '/', search: '' });
      notifySuccess(t('header.switchedAccount', { name: account?.name ?? '' }));
    } catch (error) {
      notifyFailure(t('header.switchFailed'), describeError(error, t));
    }
  };

  return (
    <NativeSelect
      aria-label={t('header.account')}
      data-testid="account-switcher"
      size="xs"
      disabled={loading || viewer.accounts.length < 2}
      value={viewer.account.id}
      onChange={(event) => void handleChange(event.currentTarget.value)}
      data={viewer.accounts.map((account) => ({ value: account.id, label: account.name }))}
    />
  );
};
