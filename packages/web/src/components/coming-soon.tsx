import { useTranslation } from 'react-i18next';
import { IconClockHour4 } from '@tabler/icons-react';
import { EmptyState } from './empty-state';

export const ComingSoon = () => {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconClockHour4 size={32} aria-hidden />}
      title={t('comingSoon.title')}
      description={t('comingSoon.description')}
    />
  );
};
