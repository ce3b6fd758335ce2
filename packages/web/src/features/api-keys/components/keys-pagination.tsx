import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/use-formatters';
import { pageSizes } from '../hooks/use-keys-search-params';

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

export const KeysPagination = ({
  totalCount,
  totalCountCapped,
  pageSize,
  canGoBack,
  canGoForward,
  onPrevious,
  onNext,
  onPageSizeChange,
}: KeysPaginationProps) => {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  return (
    <Group justify="space-between" component="nav" aria-label={t('keys.paginationLabel')}>
      <Text size="sm" data-testid="api-keys-total" aria-live="polite">
        {t('keys.total', { total: `${formatNumber(totalCount)}${totalCountCapped ? '+' : ''}` })}
      </Text>
      <Group gap="sm">
        <NativeSelect
          label={t('keys.pageSize')}
          size="xs"
          value={String(pageSize)}
          onChange={(event) => onPageSizeChange(Number(event.currentTarget.value))}
          data={pageSizes.map((size) => String(size))}
          styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
          data-testid="api-keys-page-size"
        />
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} aria-hidden />}
          disabled={!canGoBack}
          onClick={onPrevious}
          data-testid="api-keys-previous"
        >
          {t('keys.previousPage')}
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} aria-hidden />}
          disabled={!canGoForward}
          onClick={onNext}
          data-testid="api-keys-next"
        >
          {t('keys.nextPage')}
        </Button>
      </Group>
    </Group>
  );
};
