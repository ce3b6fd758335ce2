import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useActivateApiKey } from '../hooks/use-activate-api-key';
import type { ApiKeySummary } from './api-key-summary';

type ActivateApiKeyModalProps = {
  opened: boolean;
  apiKey: ApiKeySummary | null;
  onClose: () => void;
};

export const ActivateApiKeyModal = ({ opened, apiKey, onClose }: ActivateApiKeyModalProps) => {
  const { t } = useTranslation();
  const [activate, { loading }] = useActivateApiKey();

  const handleConfirm = async () => {
    if (!apiKey) return;
    try {
      await activate({ variables: { input: { id: apiKey.id } } });
      notifySuccess(t('activateDialog.success'));
      onClose();
    } catch (error) {
      notifyFailure(t('activateDialog.failure'), describeError(error, t));
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('activateDialog.title')}
      confirmLabel={t('activateDialog.confirm')}
      confirmColor="green"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmTestId="confirm-activate"
    >
      <Text>{t('activateDialog.body', { key: apiKey?.key ?? '' })}</Text>
    </ConfirmModal>
  );
};
