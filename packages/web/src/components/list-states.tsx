import { Button, Skeleton, Stack } from '@mantine/core';
import { IconFilterOff, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { getErrorCode } from '../lib/graphql-errors';
import { EmptyState } from './empty-state';
import { ErrorAlert } from './error-alert';

type Texts = { title: string; description: string; testId: string };

export const NoPermission = ({ title, description, testId }: Texts) => (
  <EmptyState
    icon={<IconLock size={32} aria-hidden />}
    title={title}
    description={description}
    data-testid={testId}
  />
);

export const ListSkeleton = ({
  label,
  testId,
  rows = 5,
}: {
  label: string;
  testId: string;
  rows?: number;
}) => (
  <Stack gap="xs" role="status" aria-label={label} data-testid={testId}>
    {Array.from({ length: rows }, (_, index) => (
      <Skeleton key={index} height={44} radius="sm" />
    ))}
  </Stack>
);

type ListBodyProps = {
  error: unknown;
  onRetry: () => void;
  noPermission: Texts;
  /** Shown until the first answer arrives. */
  skeleton: ReactNode;
  loaded: boolean;
  isEmpty: boolean;
  hasFilters: boolean;
  noMatch: Texts & { clearLabel: string; onClear: () => void };
  /** The list has nothing at all yet. */
  empty: ReactNode;
  renderPage: () => ReactNode;
};

/** What a list shows before its rows: refusal, error, loading, nothing yet, or nothing matching. */
export const ListBody = ({
  error,
  onRetry,
  noPermission,
  skeleton,
  loaded,
  isEmpty,
  hasFilters,
  noMatch,
  empty,
  renderPage,
}: ListBodyProps) => {
  if (error && getErrorCode(error) === 'FORBIDDEN') return <NoPermission {...noPermission} />;
  if (error) return <ErrorAlert error={error} onRetry={onRetry} />;
  if (!loaded) return skeleton;
  if (!isEmpty) return renderPage();
  if (!hasFilters) return empty;
  return (
    <EmptyState
      icon={<IconFilterOff size={32} aria-hidden />}
      title={noMatch.title}
      description={noMatch.description}
      action={
        <Button variant="light" onClick={noMatch.onClear}>
          {noMatch.clearLabel}
        </Button>
      }
      data-testid={noMatch.testId}
    />
  );
};
