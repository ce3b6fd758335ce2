import { Box, Button, Group, LoadingOverlay, Stack } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { getErrorCode } from '../lib/graphql-errors';
import { EmptyState } from './empty-state';
import { ErrorAlert } from './error-alert';
import { ListSkeleton, NoPermission } from './list-states';

type Texts = { title: string; description: string; testId: string };

/** A list refused to the viewer, in its area's words (`<area>.noPermission`). */
export const noPermissionTexts = (
  t: TFunction,
  area: 'keys' | 'audit' | 'members',
  testIdPrefix: string,
): Texts => ({
  title: t(`${area}.noPermission.title`),
  description: t(`${area}.noPermission.description`),
  testId: `${testIdPrefix}-no-permission`,
});

/** Nothing matches a list's filters, in its area's words (`<area>.noMatch`), and the way out. */
export const noMatchTexts = (
  t: TFunction,
  area: 'keys' | 'externalKeys' | 'audit',
  testIdPrefix: string,
  onClear: () => void,
) => ({
  title: t(`${area}.noMatch.title`),
  description: t(`${area}.noMatch.description`),
  clearLabel: t(`${area}.noMatch.clear`),
  onClear,
  testId: `${testIdPrefix}-no-match`,
});

type ListPageProps = {
  /** Above the toolbar: a banner, a description line. */
  header?: ReactNode;
  /** The toolbar row: filters (or a title) on the left, `actions` on the right. */
  toolbar?: ReactNode;
  actions?: ReactNode;
  /** Shown instead of the list, e.g. when the filters cannot be asked for. */
  blocked?: ReactNode;
  error: unknown;
  onRetry: () => void;
  /** The server refused the list (FORBIDDEN). */
  noPermission: Texts;
  /** The skeleton shown until the first answer arrives. */
  loading: { label: string; testId: string; rows?: number };
  loaded: boolean;
  /** A newer page is on its way: the rows shown are dimmed. */
  refreshing?: boolean;
  isEmpty: boolean;
  /** The list has nothing at all yet. */
  empty: ReactNode;
  hasFilters?: boolean;
  /** Nothing matches the filters. */
  noMatch?: Texts & { clearLabel: string; onClear: () => void };
  /** The rows (called once the list has some). */
  table: () => ReactNode;
  pager?: () => ReactNode;
  /** Dialogs the list opens. */
  children?: ReactNode;
};

/**
 * Every list page: its toolbar, then refusal, error, loading, nothing yet, nothing matching, or
 * the table with its pager; the dialogs last.
 */
export const ListPage = ({ header, toolbar, actions, children, ...body }: ListPageProps) => (
  <Stack gap="md">
    {header}
    {(toolbar || actions) && (
      <Group justify="space-between" align="flex-end">
        {toolbar}
        {actions}
      </Group>
    )}
    <ListBody {...body} />
    {children}
  </Stack>
);

const ListBody = ({
  blocked,
  error,
  onRetry,
  noPermission,
  loading,
  loaded,
  refreshing,
  isEmpty,
  empty,
  hasFilters = false,
  noMatch,
  table,
  pager,
}: Omit<ListPageProps, 'header' | 'toolbar' | 'actions' | 'children'>) => {
  if (blocked) return blocked;
  if (error && getErrorCode(error) === 'FORBIDDEN') return <NoPermission {...noPermission} />;
  if (error) return <ErrorAlert error={error} onRetry={onRetry} />;
  if (!loaded) return <ListSkeleton {...loading} />;
  if (isEmpty && hasFilters && noMatch) {
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
  }
  if (isEmpty) return empty;
  if (!pager && refreshing === undefined) return table();
  return (
    <Stack gap="sm">
      <Box pos="relative">
        <LoadingOverlay visible={refreshing ?? false} overlayProps={{ blur: 1 }} />
        {table()}
      </Box>
      {pager?.()}
    </Stack>
  );
};
