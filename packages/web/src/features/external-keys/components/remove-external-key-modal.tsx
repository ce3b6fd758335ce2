import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useRemoveExternalKey } from '../hooks/use-remove-external-key';

/** What the confirmation needs to name the key it removes. */
export type ExternalKeySummary = { id: string; key: string; ownerAccount: { slug: string } };

type RemoveExternalKeyModalProps = {
  opened: boolean;
  externalKey: ExternalKeySummary | null;
  onClose: () => void;
};

export const RemoveExternalKeyModal = ({
  opened,
  externalKey,
  onClose,
}: RemoveExternalKeyModalProps) => {
  const { t } = useTranslation();
  const [removeExternalKey, { loading }] = useRemoveExternalKey();

  const handleConfirm = async () => {
    if (!externalKey) return;
    try {
      await removeExternalKey({ variables: { input: { id: externalKey.id } } });
      notifySuccess(t('externalKeys.removeDialog.success'));
      onClose();
    } catch (error) {
      notifyFailure(t('externalKeys.removeDialog.failure'), describeError(error, t));
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('externalKeys.removeDialog.title')}
      confirmLabel={t('externalKeys.removeDialog.confirm')}
      confirmColor="red"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmTestId="confirm-remove-external-key"
    >
      <Text>
        {t('externalKeys.removeDialog.body', {
          key: externalKey?.key ?? '',
          owner: externalKey?.ownerAccount.slug ?? '',
        })}
      </Text>
    </ConfirmModal>
  );
};
