import { ActionIcon, Menu } from '@mantine/core';
import {
  IconDots,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyStatus } from '../../../gql/graphql';

export type ApiKeyActionKind = 'edit' | 'activate' | 'deactivate' | 'delete';

type ApiKeyActionMenuProps = {
  name: string;
  status: ApiKeyStatus;
  onAction: (kind: ApiKeyActionKind) => void;
};

export const ApiKeyActionMenu = ({ name, status, onAction }: ApiKeyActionMenuProps) => {
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
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => onAction('delete')}
        >
          {t('keys.actions.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
