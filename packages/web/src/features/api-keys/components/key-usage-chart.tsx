import '@mantine/core/styles/SegmentedControl.css';
import { useQuery } from '@apollo/client/react';
import {
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import type { UsageGranularity } from '../../../gql/graphql';
import { useFormatters } from '../../../lib/use-formatters';
import { useBucketLabel } from '../hooks/use-bucket-label';
import { knownOutcome, outcomesIn, type Usage } from '../utils/usage-outcomes';
import { KeyTopSources } from './key-top-sources';

/** Also sent by bench/usage-query.bench.ts: keep the two alike. */
export const KeyUsageChartQueryDocument = graphql(`
  query KeyUsageChart(
    $id: ID!
    $from: DateTimeISO!
    $to: DateTimeISO!
    $granularity: UsageGranularity!
  ) {
    apiKey(id: $id) {
      id
      usage(from: $from, to: $to, granularity: $granularity) {
        from
        to
        granularity
        buckets {
          start
          total
          outcomes {
            outcome
            count
          }
        }
        totals {
          outcome
          count
        }
        topSources {
          address
          count
        }
      }
    }
  }
`);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const usageRanges = {
  day: { days: 1, granularity: 'HOUR' },
  week: { days: 7, granularity: 'HOUR' },
  month: { days: 30, granularity: 'DAY' },
  quarter: { days: 90, granularity: 'DAY' },
} as const satisfies Record<string, { days: number; granularity: UsageGranularity }>;

export type UsageRange = keyof typeof usageRanges;

/** The range ending now, its end rounded up to the hour so a re-render asks the same thing. */
export const usageVariables = (id: string, range: UsageRange, now = Date.now()) => {
  const { days, granularity } = usageRanges[range];
  const to = Math.ceil(now / HOUR_MS) * HOUR_MS;
  return {
    id,
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
    granularity,
  };
};

// The chart library (recharts under @mantine/charts) loads after the page's own text and table.
const UsageBars = lazy(() =>
  import('./usage-bars').then((module) => ({ default: module.UsageBars })),
);

/** A chart of one key's verifications over time, stacked by outcome, with its top sources. */
export const KeyUsageChart = ({ apiKeyId }: { apiKeyId: string }) => {
  const { t } = useTranslation();
  const [range, setRange] = useState<UsageRange>('week');
  const [asTable, setAsTable] = useState(false);
  const variables = useMemo(() => usageVariables(apiKeyId, range), [apiKeyId, range]);
  const { data, previousData, error, refetch } = useQuery(KeyUsageChartQueryDocument, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const usage = (data ?? previousData)?.apiKey.usage;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="key-usage-title">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id="key-usage-title">
            {t('keyDetail.usage.title')}
          </Title>
          <SegmentedControl
            aria-label={t('keyDetail.usage.range')}
            value={range}
            onChange={setRange}
            data={(Object.keys(usageRanges) as UsageRange[]).map((value) => ({
              value,
              label: t(`keyDetail.usage.ranges.${value}`),
            }))}
            data-testid="usage-range"
          />
        </Group>
        {error ? (
          <ErrorAlert error={error} onRetry={() => void refetch()} />
        ) : usage ? (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Stack gap="xs" style={{ gridColumn: 'span 2' }}>
              <UsageSummary usage={usage} />
              {asTable ? (
                <UsageTable usage={usage} />
              ) : (
                <Suspense fallback={<Skeleton h={240} />}>
                  <UsageBars usage={usage} />
                </Suspense>
              )}
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setAsTable((shown) => !shown)}
                aria-pressed={asTable}
                style={{ alignSelf: 'flex-start' }}
              >
                {asTable ? t('keyDetail.usage.showChart') : t('keyDetail.usage.showTable')}
              </Button>
            </Stack>
            <KeyTopSources sources={usage.topSources} />
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('keyDetail.loading')}
          </Text>
        )}
      </Stack>
    </Card>
  );
};

/** The chart's text alternative, always shown: totals of the range. */
const UsageSummary = ({ usage }: { usage: Usage }) => {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const total = usage.totals.reduce((sum, { count }) => sum + count, 0);
  const valid = usage.totals.find(({ outcome }) => outcome === 'VALID')?.count ?? 0;
  return (
    <Text size="sm" data-testid="usage-summary">
      {total === 0
        ? t('keyDetail.usage.empty')
        : t('keyDetail.usage.summary', {
            total: formatNumber(total),
            valid: formatNumber(valid),
            refused: formatNumber(total - valid),
          })}
    </Text>
  );
};

/** The same figures as a table: per period, per outcome. */
const UsageTable = ({ usage }: { usage: Usage }) => {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const label = useBucketLabel(usage.granularity);
  const outcomes = outcomesIn(usage);
  const used = usage.buckets.filter((bucket) => bucket.total > 0);
  return (
    <Table.ScrollContainer minWidth={480} mah={320}>
      <Table striped data-testid="usage-table" aria-label={t('keyDetail.usage.chartLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('keyDetail.usage.period')}</Table.Th>
            {outcomes.map((outcome) => (
              <Table.Th key={outcome}>{t(`keyDetail.outcomes.${outcome}`)}</Table.Th>
            ))}
            <Table.Th>{t('keyDetail.usage.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {used.map((bucket) => (
            <Table.Tr key={bucket.start}>
              <Table.Td>
                <time dateTime={bucket.start}>{label(bucket.start)}</time>
              </Table.Td>
              {outcomes.map((outcome) => (
                <Table.Td key={outcome}>
                  {formatNumber(
                    bucket.outcomes
                      .filter((entry) => knownOutcome(entry.outcome) === outcome)
                      .reduce((sum, entry) => sum + entry.count, 0),
                  )}
                </Table.Td>
              ))}
              <Table.Td>{formatNumber(bucket.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
