import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPagination } from './cursor-pagination';
import { pageSizes } from '../lib/list-url-state';

type KeysPaginationProps = {
  totalCount: number;
  /** More rows match than the server counts: show the count as a floor. */
  totalCountCapped: boolean;
  pageSize: number;
  canGoBack: boolean;
  canGoForward: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSizeChange: (size: number) => void;
};

export const KeysPagination = ({ pageSize, onPageSizeChange, ...paging }: KeysPaginationProps) => {
  const { t } = useTranslation();
  return (
    <CursorPagination
      {...paging}
      testIdPrefix="api-keys"
      label={t('keys.paginationLabel')}
      totalText={(total) => t('keys.total', { total })}
      previousLabel={t('keys.previousPage')}
      nextLabel={t('keys.nextPage')}
    >
      <NativeSelect
        label={t('keys.pageSize')}
        size="xs"
        value={String(pageSize)}
        onChange={(event) => onPageSizeChange(Number(event.currentTarget.value))}
        data={pageSizes.map((size) => String(size))}
        styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
        data-testid="api-keys-page-size"
      />
    </CursorPagination>
  );
};
