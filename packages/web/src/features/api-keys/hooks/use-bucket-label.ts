import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsageGranularity } from '../../../gql/graphql';

/** Labels a bucket's start: day and hour (local) for hours, the UTC day for days. */
export const useBucketLabel = (granularity: UsageGranularity) => {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(
      language,
      granularity === 'HOUR'
        ? { month: 'short', day: 'numeric', hour: 'numeric' }
        : { month: 'short', day: 'numeric', timeZone: 'UTC' },
    );
    return (iso: string) => format.format(new Date(iso));
  }, [language, granularity]);
};
