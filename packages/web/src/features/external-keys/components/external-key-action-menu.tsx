import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthorityMenuNotice, GuardedMenuItem } from '../../../components/authority-notice';

export type ExternalKeyActionKind = 'edit' | 'remove';

type ExternalKeyActionMenuProps = {
  keyIdentifier: string;
  /** Why the viewer may not act on it (hold what you touch), or null. */
  lackReason: string | null;
  onAction: (kind: ExternalKeyActionKind) => void;
};

export const ExternalKeyActionMenu = ({
  keyIdentifier,
  lackReason,
  onAction,
}: ExternalKeyActionMenuProps) => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('externalKeys.actions.menu', { key: keyIdentifier })}
          data-testid="external-key-actions"
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {lackReason && <AuthorityMenuNotice reason={lackReason} />}
        <GuardedMenuItem
          reason={lackReason}
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => onAction('edit')}
          data-testid="external-key-action-edit"
        >
          {t('externalKeys.actions.edit')}
        </GuardedMenuItem>
        <Menu.Divider />
        <GuardedMenuItem
          reason={lackReason}
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => onAction('remove')}
          data-testid="external-key-action-remove"
        >
          {t('externalKeys.actions.remove')}
        </GuardedMenuItem>
      </Menu.Dropdown>
    </Menu>
  );
};
