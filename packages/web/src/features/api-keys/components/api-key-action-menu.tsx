import { ActionIcon } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { onDemandControl } from '../../../components/on-demand';
import type { ApiKeyStatus } from '../../../gql/graphql';
import { ApiKeyActionDialogs } from './api-key-dialogs';

export type ApiKeyActionKind =
  'edit' | 'activate' | 'deactivate' | 'delete' | 'renew' | 'deleteOldToken' | 'undoRenewal';

export type ApiKeyActionMenuProps = {
  name: string;
  status: ApiKeyStatus;
  renewalPending: boolean;
  canEdit: boolean;
  canRenew: boolean;
  /** Why the viewer may not act on this key (hold what you touch), or null. */
  lackReason: string | null;
  onAction: (kind: ApiKeyActionKind) => void;
};

/** The button that opens a row's menu (alone until the menu's code is reached for). */
export const ApiKeyActionsButton = ({
  name,
  ...props
}: { name: string } & ComponentProps<'button'>) => {
  const { t } = useTranslation();
  return (
    <ActionIcon
      {...props}
      variant="subtle"
      color="gray"
      aria-label={t('keys.actions.menu', { name })}
      data-testid="api-key-actions"
    >
      <IconDots size={18} aria-hidden />
    </ActionIcon>
  );
};

/** A row's actions; reaching for the menu also fetches the dialogs its items open. */
export const ApiKeyActionMenu = onDemandControl<ApiKeyActionMenuProps>(
  () => import('./api-key-action-menu-full').then((module) => module.ApiKeyActionMenuFull),
  ({ name }) => <ApiKeyActionsButton name={name} />,
  ApiKeyActionDialogs.preload,
);
