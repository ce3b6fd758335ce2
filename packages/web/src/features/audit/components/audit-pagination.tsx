import { useTranslation } from 'react-i18next';
import { CursorPagination } from '../../../components/cursor-pagination';

type AuditPaginationProps = {
  totalCount: number;
  /** More rows match than the server counts: show the count as a floor. */
  totalCountCapped: boolean;
  canGoBack: boolean;
  canGoForward: boolean;
  onPrevious: () => void;
  onNext: () => void;
};

export const AuditPagination = (paging: AuditPaginationProps) => {
  const { t } = useTranslation();
  return (
    <CursorPagination
      {...paging}
      testIdPrefix="audit"
      label={t('audit.paginationLabel')}
      totalText={(total) => t('audit.total', { total })}
      previousLabel={t('audit.previousPage')}
      nextLabel={t('audit.nextPage')}
    />
  );
};
