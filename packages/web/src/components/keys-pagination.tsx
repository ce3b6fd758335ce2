import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPagination } from './cursor-pagination';
import { pageSizes, pagingOf, type PagerSource } from '../lib/list-url-state';

type KeysPaginationProps = PagerSource & {
  state: { pageSize: number };
  list: { setPageSize: (size: number) => void };
};

export const KeysPagination = (props: KeysPaginationProps) => {
  const { state, list } = props;
  const { t } = useTranslation();
  return (
    <CursorPagination
      {...pagingOf(props)}
      testIdPrefix="api-keys"
      label={t('keys.paginationLabel')}
      totalText={(total) => t('keys.total', { total })}
      previousLabel={t('keys.previousPage')}
      nextLabel={t('keys.nextPage')}
    >
      <NativeSelect
        label={t('keys.pageSize')}
        size="xs"
        value={String(state.pageSize)}
        onChange={(event) => list.setPageSize(Number(event.currentTarget.value))}
        data={pageSizes.map((size) => String(size))}
        styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
        data-testid="api-keys-page-size"
      />
    </CursorPagination>
  );
};
