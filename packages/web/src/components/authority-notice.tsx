import { Menu, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconLock } from '@tabler/icons-react';

/** The reason shown atop a menu whose actions the authority rule disables. */
export const AuthorityMenuNotice = ({ reason }: { reason: string }) => (
  <Menu.Label data-testid="authority-reason">
    <Text size="xs" c="dimmed" style={{ display: 'flex', gap: 4, maxWidth: 260 }}>
      <IconLock size={14} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <span>{reason}</span>
    </Text>
  </Menu.Label>
);

type GuardedMenuItemProps = {
  /** Why the action is refused; null when it is allowed. */
  reason: string | null;
  onClick: () => void;
  leftSection?: ReactNode;
  color?: string;
  children: ReactNode;
  'data-testid'?: string;
};

/** A menu action that the authority rule may refuse: greyed out, with the reason on hover. */
export const GuardedMenuItem = ({ reason, onClick, ...props }: GuardedMenuItemProps) =>
  reason ? (
    <Tooltip label={reason} multiline w={260} withinPortal>
      <div>
        <Menu.Item {...props} disabled />
      </div>
    </Tooltip>
  ) : (
    <Menu.Item {...props} onClick={onClick} />
  );
