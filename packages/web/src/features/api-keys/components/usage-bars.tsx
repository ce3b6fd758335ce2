import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBucketLabel } from '../hooks/use-bucket-label';
import { knownOutcome, OUTCOMES, outcomesIn, type Usage } from '../utils/usage-outcomes';

/** Verifications per period stacked by outcome: its own chunk, with the chart library. */
export const UsageBars = ({ usage }: { usage: Usage }) => {
  const { t } = useTranslation();
  const label = useBucketLabel(usage.granularity);
  const outcomes = outcomesIn(usage);
  const rows = useMemo(
    () =>
      usage.buckets.map((bucket) => {
        const row: Record<string, string | number> = { period: label(bucket.start) };
        for (const { outcome, count } of bucket.outcomes) {
          const key = knownOutcome(outcome);
          row[key] = Number(row[key] ?? 0) + count;
        }
        return row;
      }),
    [usage, label],
  );
  return (
    <div role="img" aria-label={t('keyDetail.usage.chartLabel')} data-testid="usage-chart">
      <BarChart
        h={240}
        data={rows}
        dataKey="period"
        type="stacked"
        withLegend
        withTooltip
        tickLine="y"
        series={OUTCOMES.filter(([outcome]) => outcomes.includes(outcome)).map(
          ([outcome, color]) => ({
            name: outcome,
            label: t(`keyDetail.outcomes.${outcome}`),
            color,
          }),
        )}
      />
    </div>
  );
};
