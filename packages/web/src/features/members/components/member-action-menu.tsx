import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthorityMenuNotice, GuardedMenuItem } from '../../../components/authority-notice';

export type MemberActionKind = 'edit' | 'remove';

type MemberActionMenuProps = {
  email: string;
  /** Why the viewer may not act on it (hold what you touch), or null. */
  lackReason: string | null;
  onAction: (kind: MemberActionKind) => void;
};

export const MemberActionMenu = ({ email, lackReason, onAction }: MemberActionMenuProps) => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('members.actions.menu', { email })}
          data-testid="member-actions"
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
          data-testid="member-action-edit"
        >
          {t('members.actions.edit')}
        </GuardedMenuItem>
        <Menu.Divider />
        <GuardedMenuItem
          reason={lackReason}
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => onAction('remove')}
          data-testid="member-action-remove"
        >
          {t('members.actions.remove')}
        </GuardedMenuItem>
      </Menu.Dropdown>
    </Menu>
  );
};
