import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type EmptyStateProps = {
  icon: ReactNode;
  title: string;
  description: string;
  action?: ReactNode;
  'data-testid'?: string;
};

export const EmptyState = ({ icon, title, description, action, ...rest }: EmptyStateProps) => (
  <Stack align="center" gap="xs" py="xl" ta="center" {...rest}>
    <ThemeIcon size={56} radius="xl" variant="light">
      {icon}
    </ThemeIcon>
    <Title order={2} size="h4">
      {title}
    </Title>
    <Text c="dimmed" maw={420}>
      {description}
    </Text>
    {action}
  </Stack>
);
