import { Alert, Anchor, Group } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { graphql } from '../../../gql';
import type { AlertLevel } from '../../../gql/graphql';
import { useFormatters } from '../../../lib/use-formatters';

export const GeneratedKeysAlertSummaryQueryDocument = graphql(`
  query GeneratedKeysAlertSummary {
    generatedKeysAlertSummary {
      orange
      red
      pendingOldTokenDeletions
    }
  }
`);

/** A list URL showing only the keys at this alert level (other filters are dropped). */
export const alertFilterHref = (level: AlertLevel) => `?alert=${level}`;

/** A list URL showing only the keys whose old token still works after a renewal. */
export const renewalPendingFilterHref = '?pending=1';

/** Counts of keys needing attention at the top of the Generated tab; hidden when all is well. */
export const AlertSummaryBanner = () => {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const { data } = useQuery(GeneratedKeysAlertSummaryQueryDocument);
  const summary = data?.generatedKeysAlertSummary;
  if (!summary || (summary.orange === 0 && summary.red === 0 && !summary.pendingOldTokenDeletions))
    return null;

  return (
    <Alert
      color={summary.red > 0 ? 'red' : 'orange'}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={t('alertBanner.title')}
      data-testid="alert-summary-banner"
    >
      <Group gap="lg">
        {summary.red > 0 && (
          <Anchor
            component={Link}
            to={alertFilterHref('RED')}
            c="red"
            fw={600}
            size="sm"
            data-testid="alert-summary-red"
          >
            {t('alertBanner.red', { total: formatNumber(summary.red) })}
          </Anchor>
        )}
        {summary.orange > 0 && (
          <Anchor
            component={Link}
            to={alertFilterHref('ORANGE')}
            c="orange"
            fw={600}
            size="sm"
            data-testid="alert-summary-orange"
          >
            {t('alertBanner.orange', { total: formatNumber(summary.orange) })}
          </Anchor>
        )}
        {summary.pendingOldTokenDeletions > 0 && (
          <Anchor
            component={Link}
            to={renewalPendingFilterHref}
            fw={600}
            size="sm"
            data-testid="alert-summary-pending"
          >
            {t('alertBanner.pending', { total: formatNumber(summary.pendingOldTokenDeletions) })}
          </Anchor>
        )}
      </Group>
    </Alert>
  );
};
