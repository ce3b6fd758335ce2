import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useFormatters } from '../lib/use-formatters';

type CursorPaginationProps = {
  /** Prefix of the test ids: `<prefix>-total`, `<prefix>-previous`, `<prefix>-next`. */
  testIdPrefix: string;
  label: string;
  /** Builds the count sentence from the formatted count ("10,000+" when capped). */
  totalText: (total: string) => string;
  totalCount: number;
  totalCountCapped: boolean;
  previousLabel: string;
  nextLabel: string;
  canGoBack: boolean;
  canGoForward: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Extra controls before the buttons, such as a page-size select. */
  children?: ReactNode;
};

/** Relay cursor pagination: the count, then Previous and Next. */
export const CursorPagination = ({
  testIdPrefix,
  label,
  totalText,
  totalCount,
  totalCountCapped,
  previousLabel,
  nextLabel,
  canGoBack,
  canGoForward,
  onPrevious,
  onNext,
  children,
}: CursorPaginationProps) => {
  const { formatNumber } = useFormatters();
  return (
    <Group justify="space-between" component="nav" aria-label={label}>
      <Text size="sm" data-testid={`${testIdPrefix}-total`} aria-live="polite">
        {totalText(`${formatNumber(totalCount)}${totalCountCapped ? '+' : ''}`)}
      </Text>
      <Group gap="sm">
        {children}
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} aria-hidden />}
          disabled={!canGoBack}
          onClick={onPrevious}
          data-testid={`${testIdPrefix}-previous`}
        >
          {previousLabel}
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} aria-hidden />}
          disabled={!canGoForward}
          onClick={onNext}
          data-testid={`${testIdPrefix}-next`}
        >
          {nextLabel}
        </Button>
      </Group>
    </Group>
  );
};
