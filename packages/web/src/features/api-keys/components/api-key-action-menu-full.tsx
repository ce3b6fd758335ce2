import { Menu } from '@mantine/core';
import {
  IconArrowBackUp,
  IconKeyOff,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthorityMenuNotice, GuardedMenuItem } from '../../../components/authority-notice';
import { useOnDemandStart, type OnDemandProps } from '../../../components/on-demand';
import { ApiKeyActionsButton, type ApiKeyActionMenuProps } from './api-key-action-menu';

/** A row's menu itself, loaded by `ApiKeyActionMenu` when its button is first reached for. */
export const ApiKeyActionMenuFull = ({
  name,
  start,
  status,
  renewalPending,
  canEdit,
  canRenew,
  lackReason,
  onAction,
}: ApiKeyActionMenuProps & OnDemandProps) => {
  const { t } = useTranslation();
  const targetRef = useOnDemandStart<HTMLButtonElement>(start);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ApiKeyActionsButton name={name} ref={targetRef} />
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
