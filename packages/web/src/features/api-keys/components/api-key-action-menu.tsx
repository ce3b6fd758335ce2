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
import { AuthorityMenuNotice, GuardedMenuItem } from '../../../components/authority-notice';
import type { ApiKeyStatus } from '../../../gql/graphql';

export type ApiKeyActionKind =
  'edit' | 'activate' | 'deactivate' | 'delete' | 'renew' | 'deleteOldToken' | 'undoRenewal';

type ApiKeyActionMenuProps = {
  name: string;
  status: ApiKeyStatus;
  renewalPending: boolean;
  canEdit: boolean;
  canRenew: boolean;
  /** Why the viewer may not act on this key (hold what you touch), or null. */
  lackReason: string | null;
  onAction: (kind: ApiKeyActionKind) => void;
};

export const ApiKeyActionMenu = ({
  name,
  status,
  renewalPending,
  canEdit,
  canRenew,
  lackReason,
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
        {lackReason && <AuthorityMenuNotice reason={lackReason} />}
        {canEdit && (
          <>
            <GuardedMenuItem
              reason={lackReason}
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => onAction('edit')}
            >
              {t('keys.actions.edit')}
            </GuardedMenuItem>
            {status === 'ACTIVE' ? (
              <GuardedMenuItem
                reason={lackReason}
                leftSection={<IconPlayerPause size={16} aria-hidden />}
                onClick={() => onAction('deactivate')}
              >
                {t('keys.actions.deactivate')}
              </GuardedMenuItem>
            ) : (
              <GuardedMenuItem
                reason={lackReason}
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() => onAction('activate')}
              >
                {t('keys.actions.activate')}
              </GuardedMenuItem>
            )}
          </>
        )}
        {canRenew && canEdit && <Menu.Divider />}
        {canRenew &&
          (renewalPending ? (
            <>
              <GuardedMenuItem
                reason={lackReason}
                leftSection={<IconKeyOff size={16} aria-hidden />}
                onClick={() => onAction('deleteOldToken')}
                data-testid="action-delete-old-token"
              >
                {t('renewActions.deleteOldToken')}
              </GuardedMenuItem>
              <GuardedMenuItem
                reason={lackReason}
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => onAction('undoRenewal')}
                data-testid="action-undo-renewal"
              >
                {t('renewActions.undoRenewal')}
              </GuardedMenuItem>
            </>
          ) : (
            <GuardedMenuItem
              reason={lackReason}
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => onAction('renew')}
              data-testid="action-renew-token"
            >
              {t('renewActions.renew')}
            </GuardedMenuItem>
          ))}
        {canEdit && (
          <>
            <Menu.Divider />
            <GuardedMenuItem
              reason={lackReason}
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onAction('delete')}
            >
              {t('keys.actions.delete')}
            </GuardedMenuItem>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
};
