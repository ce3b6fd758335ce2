import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError, getErrorCode } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useDeleteRole } from '../hooks/use-delete-role';
import { serverMessage } from '../utils/server-message';

type DeleteRoleModalProps = {
  opened: boolean;
  role: { id: string; name: string } | null;
  onClose: () => void;
};

export const DeleteRoleModal = ({ opened, role, onClose }: DeleteRoleModalProps) => {
  const { t } = useTranslation();
  const [deleteRole, { loading }] = useDeleteRole();
  const [conflict, setConflict] = useState<string | null>(null);

  const close = () => {
    setConflict(null);
    onClose();
  };

  const handleConfirm = async () => {
    if (!role) return;
    setConflict(null);
    try {
      await deleteRole({ variables: { input: { id: role.id } } });
      notifySuccess(t('roleAdmin.deleteDialog.success'));
      close();
    } catch (error) {
      // The server says how many users and keys still hold the role: show it where it helps.
      if (getErrorCode(error) === 'CONFLICT') {
        setConflict(serverMessage(error) ?? describeError(error, t));
      } else {
        notifyFailure(t('roleAdmin.deleteDialog.failure'), describeError(error, t));
      }
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('roleAdmin.deleteDialog.title')}
      confirmLabel={t('roleAdmin.deleteDialog.confirm')}
      confirmColor="red"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmDisabled={conflict !== null}
      confirmTestId="confirm-delete-role"
    >
      <Text>{t('roleAdmin.deleteDialog.body', { name: role?.name ?? '' })}</Text>
      {conflict && (
        <Alert
          color="orange"
          role="alert"
          title={t('roleAdmin.deleteDialog.inUse')}
          icon={<IconAlertTriangle size={18} aria-hidden />}
          data-testid="delete-role-conflict"
        >
          {conflict}
        </Alert>
      )}
    </ConfirmModal>
  );
};
