import { Skeleton, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { EmptyState } from './empty-state';

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
