import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { notifySuccess } from '../../../lib/notify';
import { useRemoveMember } from '../hooks/use-remove-member';
import { memberChangeError } from '../utils/member-errors';

type RemoveMemberModalProps = {
  opened: boolean;
  member: { id: string; user: { email: string } } | null;
  onClose: () => void;
};

export const RemoveMemberModal = ({ opened, member, onClose }: RemoveMemberModalProps) => {
  const { t } = useTranslation();
  const [removeMember, { loading }] = useRemoveMember();
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const handleConfirm = async () => {
    if (!member) return;
    setFailure(null);
    try {
      await removeMember({ variables: { input: { id: member.id } } });
      notifySuccess(t('members.removeDialog.success'));
      close();
    } catch (error) {
      setFailure(memberChangeError(error, t));
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('members.removeDialog.title')}
      confirmLabel={t('members.removeDialog.confirm')}
      confirmColor="red"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmTestId="confirm-remove-member"
    >
      <Text>{t('members.removeDialog.body', { email: member?.user.email ?? '' })}</Text>
      {failure && (
        <Alert
          color="red"
          role="alert"
          title={t('members.removeDialog.failure')}
          icon={<IconAlertTriangle size={18} aria-hidden />}
          data-testid="remove-member-error"
        >
          {failure}
        </Alert>
      )}
    </ConfirmModal>
  );
};
