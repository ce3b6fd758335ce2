import { Checkbox, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useDeleteApiKey } from '../hooks/use-delete-api-key';
import type { ApiKeySummary } from './api-key-summary';

type DeleteApiKeyModalProps = {
  opened: boolean;
  apiKey: ApiKeySummary | null;
  onClose: () => void;
};

export const DeleteApiKeyModal = ({ opened, apiKey, onClose }: DeleteApiKeyModalProps) => {
  const { t } = useTranslation();
  const [deleteApiKey, { loading }] = useDeleteApiKey();
  const [acknowledged, setAcknowledged] = useState(false);

  const close = () => {
    setAcknowledged(false);
    onClose();
  };

  const handleConfirm = async () => {
    if (!apiKey || !acknowledged) return;
    try {
      await deleteApiKey({ variables: { input: { id: apiKey.id, confirm: true } } });
      notifySuccess(t('deleteDialog.success'));
      close();
    } catch (error) {
      notifyFailure(t('deleteDialog.failure'), describeError(error, t));
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('deleteDialog.title')}
      confirmLabel={t('deleteDialog.confirm')}
      confirmColor="red"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmDisabled={!acknowledged}
      confirmTestId="confirm-delete"
    >
      <Text>{t('deleteDialog.body', { key: apiKey?.key ?? '' })}</Text>
      <Checkbox
        label={t('deleteDialog.acknowledge')}
        checked={acknowledged}
        onChange={(event) => setAcknowledged(event.currentTarget.checked)}
        data-testid="delete-acknowledge"
      />
    </ConfirmModal>
  );
};
