import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useDeactivateApiKey } from '../hooks/use-deactivate-api-key';
import type { ApiKeySummary } from './api-key-summary';

type DeactivateApiKeyModalProps = {
  opened: boolean;
  apiKey: ApiKeySummary | null;
  onClose: () => void;
};

export const DeactivateApiKeyModal = ({ opened, apiKey, onClose }: DeactivateApiKeyModalProps) => {
  const { t } = useTranslation();
  const [deactivate, { loading }] = useDeactivateApiKey();

  const handleConfirm = async () => {
    if (!apiKey) return;
    try {
      await deactivate({ variables: { input: { id: apiKey.id } } });
      notifySuccess(t('deactivateDialog.success'));
      onClose();
    } catch (error) {
      notifyFailure(t('deactivateDialog.failure'), describeError(error, t));
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('deactivateDialog.title')}
      confirmLabel={t('deactivateDialog.confirm')}
      confirmColor="orange"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmTestId="confirm-deactivate"
    >
      <Text>{t('deactivateDialog.body', { key: apiKey?.key ?? '' })}</Text>
    </ConfirmModal>
  );
};
