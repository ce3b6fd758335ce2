import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError, getErrorCode } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useUndoRenewal } from '../hooks/use-undo-renewal';
import type { ApiKeySummary } from './api-key-summary';

type UndoRenewalModalProps = {
  opened: boolean;
  apiKey: ApiKeySummary | null;
  onClose: () => void;
};

export const UndoRenewalModal = ({ opened, apiKey, onClose }: UndoRenewalModalProps) => {
  const { t } = useTranslation();
  const [undoRenewal, { loading }] = useUndoRenewal();

  const handleConfirm = async () => {
    if (!apiKey) return;
    try {
      await undoRenewal({ variables: { input: { id: apiKey.id } } });
      notifySuccess(t('undoRenewalDialog.success'));
      onClose();
    } catch (error) {
      const message =
        getErrorCode(error) === 'CONFLICT'
          ? t('renewActions.noRenewalPending')
          : describeError(error, t);
      notifyFailure(t('undoRenewalDialog.failure'), message);
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('undoRenewalDialog.title')}
      confirmLabel={t('undoRenewalDialog.confirm')}
      confirmColor="orange"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmTestId="confirm-undo-renewal"
    >
      <Text>{t('undoRenewalDialog.body', { key: apiKey?.key ?? '' })}</Text>
    </ConfirmModal>
  );
};
