import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError, getErrorCode } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useDeleteOldToken } from '../hooks/use-delete-old-token';
import type { ApiKeySummary } from './api-key-summary';

type DeleteOldTokenModalProps = {
  opened: boolean;
  apiKey: ApiKeySummary | null;
  onClose: () => void;
};

export const DeleteOldTokenModal = ({ opened, apiKey, onClose }: DeleteOldTokenModalProps) => {
  const { t } = useTranslation();
  const [deleteOldToken, { loading }] = useDeleteOldToken();

  const handleConfirm = async () => {
    if (!apiKey) return;
    try {
      await deleteOldToken({ variables: { input: { id: apiKey.id } } });
      notifySuccess(t('deleteOldTokenDialog.success'));
      onClose();
    } catch (error) {
      const message =
        getErrorCode(error) === 'CONFLICT'
          ? t('renewActions.noRenewalPending')
          : describeError(error, t);
      notifyFailure(t('deleteOldTokenDialog.failure'), message);
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('deleteOldTokenDialog.title')}
      confirmLabel={t('deleteOldTokenDialog.confirm')}
      confirmColor="red"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmTestId="confirm-delete-old-token"
    >
      <Text>{t('deleteOldTokenDialog.body', { key: apiKey?.key ?? '' })}</Text>
    </ConfirmModal>
  );
};
