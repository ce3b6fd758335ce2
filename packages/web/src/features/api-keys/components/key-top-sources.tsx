import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/use-formatters';

/** The busiest source addresses of the range (at most 10). */
export const KeyTopSources = ({
  sources,
}: {
  sources: readonly { address: string; count: number }[];
}) => {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id="key-top-sources-title">
        {t('keyDetail.sources.title')}
      </Title>
      {sources.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('keyDetail.sources.empty')}
        </Text>
      ) : (
        <Table aria-labelledby="key-top-sources-title" data-testid="top-sources">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('keyDetail.sources.address')}</Table.Th>
              <Table.Th ta="right">{t('keyDetail.sources.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sources.map((source) => (
              <Table.Tr key={source.address}>
                <Table.Td ff="monospace">{source.address}</Table.Td>
                <Table.Td ta="right">{formatNumber(source.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};
