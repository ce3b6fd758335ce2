import { ActionIcon, Menu } from '@mantine/core';
import {
  IconArrowBackUp,
  IconDots,
  IconKeyOff,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyStatus } from '../../../gql/graphql';

export type ApiKeyActionKind =
  'edit' | 'activate' | 'deactivate' | 'delete' | 'renew' | 'deleteOldToken' | 'undoRenewal';

type ApiKeyActionMenuProps = {
  name: string;
  status: ApiKeyStatus;
  renewalPending: boolean;
  canEdit: boolean;
  canRenew: boolean;
  onAction: (kind: ApiKeyActionKind) => void;
};

export const ApiKeyActionMenu = ({
  name,
  status,
  renewalPending,
  canEdit,
  canRenew,
  onAction,
}: ApiKeyActionMenuProps) => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('keys.actions.menu', { name })}
          data-testid="api-key-actions"
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {canEdit && (
          <>
            <Menu.Item
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => onAction('edit')}
            >
              {t('keys.actions.edit')}
            </Menu.Item>
            {status === 'ACTIVE' ? (
              <Menu.Item
                leftSection={<IconPlayerPause size={16} aria-hidden />}
                onClick={() => onAction('deactivate')}
              >
                {t('keys.actions.deactivate')}
              </Menu.Item>
            ) : (
              <Menu.Item
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() => onAction('activate')}
              >
                {t('keys.actions.activate')}
              </Menu.Item>
            )}
          </>
        )}
        {canRenew && canEdit && <Menu.Divider />}
        {canRenew &&
          (renewalPending ? (
            <>
              <Menu.Item
                leftSection={<IconKeyOff size={16} aria-hidden />}
                onClick={() => onAction('deleteOldToken')}
                data-testid="action-delete-old-token"
              >
                {t('renewActions.deleteOldToken')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => onAction('undoRenewal')}
                data-testid="action-undo-renewal"
              >
                {t('renewActions.undoRenewal')}
              </Menu.Item>
            </>
          ) : (
            <Menu.Item
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => onAction('renew')}
              data-testid="action-renew-token"
            >
              {t('renewActions.renew')}
            </Menu.Item>
          ))}
        {canEdit && (
          <>
            <Menu.Divider />
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onAction('delete')}
            >
              {t('keys.actions.delete')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
};
