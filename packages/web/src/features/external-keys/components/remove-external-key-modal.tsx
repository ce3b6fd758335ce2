import { Checkbox, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError } from '../../../lib/graphql-errors';
import { useAuthorityReason } from '../../../lib/use-authority-reason';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useRemoveExternalKey } from '../hooks/use-remove-external-key';

/** What the confirmation needs to name the key it removes. */
export type ExternalKeySummary = {
  id: string;
  key: string;
  ownerAccount: { slug: string };
  /** Active keys of this account it generated here: offered for deactivation with it. */
  keysCreatedHere?: number;
  /** What those keys hold that the viewer lacks: the offer is greyed out while any is listed. */
  keysCreatedHereViewerLacks?: readonly { key: string; name: string }[];
};

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
  const [deactivate, setDeactivate] = useState(false);
  const created = externalKey?.keysCreatedHere ?? 0;
  // Hold what you touch (SPEC 5): the server refuses to deactivate keys holding more.
  const lackReason = useAuthorityReason(externalKey?.keysCreatedHereViewerLacks ?? []);

  const close = () => {
    setDeactivate(false);
    onClose();
  };

  const handleConfirm = async () => {
    if (!externalKey) return;
    try {
      const { data } = await removeExternalKey({
        variables: {
          input: {
            id: externalKey.id,
            deactivateKeysItCreated: deactivate && created > 0 && !lackReason,
          },
        },
      });
      const count = data?.removeExternalKey.deactivatedKeyCount ?? 0;
      notifySuccess(
        count > 0
          ? `${t('externalKeys.removeDialog.success')}. ${t('externalKeys.removeDialog.deactivated', { count })}`
          : t('externalKeys.removeDialog.success'),
      );
      close();
    } catch (error) {
      notifyFailure(t('externalKeys.removeDialog.failure'), describeError(error, t));
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
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
      {created > 0 && (
        <Checkbox
          checked={deactivate && !lackReason}
          disabled={Boolean(lackReason)}
          onChange={(event) => setDeactivate(event.currentTarget.checked)}
          label={t('externalKeys.removeDialog.deactivateCreated', { count: created })}
          description={
            lackReason ? (
              <span data-testid="remove-external-key-deactivate-reason">{lackReason}</span>
            ) : (
              t('externalKeys.removeDialog.deactivateCreatedHint')
            )
          }
          title={lackReason ?? undefined}
          data-testid="remove-external-key-deactivate-created"
        />
      )}
    </ConfirmModal>
  );
};
