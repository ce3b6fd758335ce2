import { Button, Group, Modal, Stack, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ConfirmModalProps = {
  opened: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  confirmColor: MantineColor;
  onConfirm: () => void;
  loading: boolean;
  confirmDisabled?: boolean;
  confirmTestId: string;
  cancelTestId?: string;
  children: ReactNode;
};

export const ConfirmModal = ({
  opened,
  onClose,
  title,
  confirmLabel,
  confirmColor,
  onConfirm,
  loading,
  confirmDisabled = false,
  confirmTestId,
  cancelTestId,
  children,
}: ConfirmModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading} data-testid={cancelTestId}>
            {t('common.cancel')}
          </Button>
          <Button
            color={confirmColor}
            onClick={onConfirm}
            loading={loading}
            disabled={confirmDisabled}
            data-testid={confirmTestId}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
