import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { UsageSparkline_ApiKeyFragment } from '../../../gql/graphql';
import { useFormatters } from '../../../lib/use-formatters';

export const UsageSparklineApiKeyFragment = graphql(`
  fragment UsageSparkline_apiKey on ApiKey {
    id
    usageLast7Days
  }
`);

const WIDTH = 72;
const HEIGHT = 20;
const PADDING = 2;

/** The polyline's points: days left to right, the busiest day at the top. */
export const sparklinePoints = (values: readonly number[]): string => {
  const peak = Math.max(1, ...values);
  const step = values.length > 1 ? (WIDTH - 2 * PADDING) / (values.length - 1) : 0;
  return values
    .map((value, index) => {
      const x = PADDING + index * step;
      const y = HEIGHT - PADDING - (value / peak) * (HEIGHT - 2 * PADDING);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
};

/**
 * Verifications per day over the last 7 days, as a tiny inline SVG: no chart library on the
 * Generated tab, whose first load has a budget. Named for screen readers by its total.
 */
export const UsageSparkline = ({ apiKey }: { apiKey: UsageSparkline_ApiKeyFragment }) => {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const values = apiKey.usageLast7Days;
  if (values.length === 0) return null;
  const total = values.reduce((sum, value) => sum + value, 0);
  return (
    <svg
      role="img"
      aria-label={t('sparkline.label', { total: formatNumber(total) })}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      data-testid="usage-sparkline"
    >
      <polyline
        points={sparklinePoints(values)}
        fill="none"
        stroke={total > 0 ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-4)'}
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
};
