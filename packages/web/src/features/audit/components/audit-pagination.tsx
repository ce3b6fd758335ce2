import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/use-formatters';

type AuditPaginationProps = {
  totalCount: number;
  /** More rows match than the server counts: show the count as a floor. */
  totalCountCapped: boolean;
  canGoBack: boolean;
  canGoForward: boolean;
  onPrevious: () => void;
  onNext: () => void;
};

export const AuditPagination = ({
  totalCount,
  totalCountCapped,
  canGoBack,
  canGoForward,
  onPrevious,
  onNext,
}: AuditPaginationProps) => {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  return (
    <Group justify="space-between" component="nav" aria-label={t('audit.paginationLabel')}>
      <Text size="sm" data-testid="audit-total" aria-live="polite">
        {t('audit.total', { total: `${formatNumber(totalCount)}${totalCountCapped ? '+' : ''}` })}
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} aria-hidden />}
          disabled={!canGoBack}
          onClick={onPrevious}
          data-testid="audit-previous"
        >
          {t('audit.previousPage')}
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} aria-hidden />}
          disabled={!canGoForward}
          onClick={onNext}
          data-testid="audit-next"
        >
          {t('audit.nextPage')}
        </Button>
      </Group>
    </Group>
  );
};
