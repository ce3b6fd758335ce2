import { useTranslation } from 'react-i18next';
import { CursorPagination } from '../../../components/cursor-pagination';
import { pagingOf, type PagerSource } from '../../../lib/list-url-state';

export const AuditPagination = (props: PagerSource) => {
  const { t } = useTranslation();
  return (
    <CursorPagination
      {...pagingOf(props)}
      testIdPrefix="audit"
      label={t('audit.paginationLabel')}
      totalText={(total) => t('audit.total', { total })}
      previousLabel={t('audit.previousPage')}
      nextLabel={t('audit.nextPage')}
    />
  );
};
