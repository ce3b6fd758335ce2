import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError, getErrorCode } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import type { ApiKeySummary } from './api-key-summary';

/** The one-click confirmations of a key's menu: activate, deactivate, delete old token, undo renewal. */
export type KeyConfirmation =
  'activateDialog' | 'deactivateDialog' | 'deleteOldTokenDialog' | 'undoRenewalDialog';

type KeyActionConfirmModalProps = {
  /** The i18n namespace of the dialog's title, body, confirm label and notifications. */
  dialog: KeyConfirmation;
  confirmColor: string;
  confirmTestId: string;
  opened: boolean;
  apiKey: ApiKeySummary | null;
  /** Runs the mutation for the key; the dialog reports its outcome. */
  run: (id: string) => Promise<unknown>;
  loading: boolean;
  /** What to say when the server answers CONFLICT (the key changed meanwhile). */
  conflictMessage?: string;
  onClose: () => void;
};

export const KeyActionConfirmModal = ({
  dialog,
  confirmColor,
  confirmTestId,
  opened,
  apiKey,
  run,
  loading,
  conflictMessage,
  onClose,
}: KeyActionConfirmModalProps) => {
  const { t } = useTranslation();

  const handleConfirm = async () => {
    if (!apiKey) return;
    try {
      await run(apiKey.id);
      notifySuccess(t(`${dialog}.success`));
      onClose();
    } catch (error) {
      const message =
        conflictMessage && getErrorCode(error) === 'CONFLICT'
          ? conflictMessage
          : describeError(error, t);
      notifyFailure(t(`${dialog}.failure`), message);
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t(`${dialog}.title`)}
      confirmLabel={t(`${dialog}.confirm`)}
      confirmColor={confirmColor}
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmTestId={confirmTestId}
    >
      <Text>{t(`${dialog}.body`, { key: apiKey?.key ?? '' })}</Text>
    </ConfirmModal>
  );
};
