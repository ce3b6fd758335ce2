import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { useViewer } from '../../lib/viewer-context';
import { visibleNavItems } from './nav-items';

/** Sends the viewer to the first page their roles open, instead of one they cannot use. */
export const HomeRedirect = () => {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [first] = visibleNavItems(viewer.resources);
  if (first) return <Navigate to={first.to} replace />;
  return (
    <EmptyState
      icon={<IconLock size={32} aria-hidden />}
      title={t('appNav.noAccess.title')}
      description={t('appNav.noAccess.description')}
      data-testid="no-access"
    />
  );
};
