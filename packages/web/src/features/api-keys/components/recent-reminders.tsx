import { Badge, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { ReminderStatus } from '../../../gql/graphql';
import { useFormatters } from '../../../lib/use-formatters';

export const TokenRemindersQueryDocument = graphql(`
  query TokenReminders($first: Int!) {
    tokenReminders(first: $first) {
      id
      leadDays
      tokenDueAt
      status
      attempts
      sentAt
      createdAt
      apiKey {
        id
        key
        name
      }
    }
  }
`);

export const recentRemindersCount = 20;

const statusColors: Record<ReminderStatus, string> = {
  SENT: 'green',
  RECORDED: 'blue',
  PENDING: 'yellow',
  FAILED: 'red',
};

export const ReminderStatusBadge = ({
  status,
  attempts,
}: {
  status: ReminderStatus;
  attempts: number;
}) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      title={t('reminders.attempts', { count: attempts })}
      data-testid="reminder-status"
    >
      {t(`reminders.status.${status}`)}
    </Badge>
  );
};

/** S2: the latest reminders, so an account without SMTP or a webhook still sees them. */
export const RecentReminders = () => {
  const { t } = useTranslation();
  const { formatDate, formatDateTime, formatNumber } = useFormatters();
  const { data, error, refetch } = useQuery(TokenRemindersQueryDocument, {
    variables: { first: recentRemindersCount },
    fetchPolicy: 'cache-and-network',
  });
  const reminders = data?.tokenReminders;

  const renderContent = () => {
    if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
    if (!reminders) {
      return (
        <Stack gap="xs" role="status" aria-label={t('reminders.loading')}>
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} height={36} radius="sm" />
          ))}
        </Stack>
      );
    }
    if (reminders.length === 0) {
      return (
        <Text size="sm" c="dimmed" data-testid="reminders-empty">
          {t('reminders.empty')}
        </Text>
      );
    }
    return (
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t('reminders.title')} data-testid="reminders-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reminders.columns.key')}</Table.Th>
              <Table.Th>{t('reminders.columns.leadDays')}</Table.Th>
              <Table.Th>{t('reminders.columns.dueAt')}</Table.Th>
              <Table.Th>{t('reminders.columns.status')}</Table.Th>
              <Table.Th>{t('reminders.columns.sentAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reminders.map((reminder) => (
              <Table.Tr key={reminder.id} data-testid="reminder-row" data-status={reminder.status}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" ff="monospace">
                      {reminder.apiKey.key}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {reminder.apiKey.name}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {t('reminders.leadDaysValue', {
                    count: reminder.leadDays,
                    days: formatNumber(reminder.leadDays),
                  })}
                </Table.Td>
                <Table.Td>{formatDate(reminder.tokenDueAt)}</Table.Td>
                <Table.Td>
                  <ReminderStatusBadge status={reminder.status} attempts={reminder.attempts} />
                </Table.Td>
                <Table.Td>{reminder.sentAt ? formatDateTime(reminder.sentAt) : '-'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="recent-reminders-title">
      <Title order={2} size="h4" id="recent-reminders-title">
        {t('reminders.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('reminders.explanation')}
      </Text>
      {renderContent()}
    </Stack>
  );
};
