import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type MemberActionKind = 'edit' | 'remove';

type MemberActionMenuProps = {
  email: string;
  onAction: (kind: MemberActionKind) => void;
};

export const MemberActionMenu = ({ email, onAction }: MemberActionMenuProps) => {
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
        <Menu.Item
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => onAction('edit')}
          data-testid="member-action-edit"
        >
          {t('members.actions.edit')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => onAction('remove')}
          data-testid="member-action-remove"
        >
          {t('members.actions.remove')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
