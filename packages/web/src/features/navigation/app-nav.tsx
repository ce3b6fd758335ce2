import { Button, Group, Stack } from '@mantine/core';
import { IconHistory, IconKey, IconShieldLock, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useViewer } from '../../lib/viewer-context';
import { visibleNavItems, type NavItem } from './nav-items';

const icons: Record<NavItem['id'], typeof IconKey> = {
  'api-keys': IconKey,
  roles: IconShieldLock,
  users: IconUsers,
  audit: IconHistory,
};

/**
 * Links to the account's pages, each shown only when the viewer holds a resource it needs: a row
 * in the header, a column in the phone's navigation panel.
 */
export const AppNav = ({
  orientation = 'horizontal',
}: {
  orientation?: 'horizontal' | 'vertical';
}) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const viewer = useViewer();
  const items = visibleNavItems(viewer.resources);
  if (items.length === 0) return null;
  const vertical = orientation === 'vertical';
  const Container = vertical ? Stack : Group;
  const containerProps = vertical ? { align: 'stretch' } : { wrap: 'nowrap' as const, ml: 'md' };
  return (
    <Container component="nav" aria-label={t('appNav.label')} gap={4} {...containerProps}>
      {items.map((item) => {
        const Icon = icons[item.id];
        const current = pathname.startsWith(item.match);
        return (
          <Button
            key={item.id}
            component={Link}
            to={item.to}
            variant={current ? 'light' : 'subtle'}
            color={current ? undefined : 'gray'}
            size={vertical ? 'sm' : 'xs'}
            justify={vertical ? 'flex-start' : undefined}
            leftSection={<Icon size={16} aria-hidden />}
            aria-current={current ? 'page' : undefined}
            data-testid={`nav-${item.id}`}
          >
            {t(item.labelKey)}
          </Button>
        );
      })}
    </Container>
  );
};
