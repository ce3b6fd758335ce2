import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Picks the coarsest unit that still reads naturally: minutes, hours, days, months, years. */
export const relativeParts = (
  target: Date,
  now: Date,
): { value: number; unit: Intl.RelativeTimeFormatUnit } => {
  const diff = target.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < hour) return { value: Math.round(diff / minute), unit: 'minute' };
  if (abs < day) return { value: Math.round(diff / hour), unit: 'hour' };
  if (abs < 60 * day) return { value: Math.round(diff / day), unit: 'day' };
  if (abs < 730 * day) return { value: Math.round(diff / (30 * day)), unit: 'month' };
  return { value: Math.round(diff / (365 * day)), unit: 'year' };
};

/** "in 12 days" / "5 days ago" in the user's language, through Intl.RelativeTimeFormat. */
export const useRelativeTime = () => {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    return (iso: string, now: Date = new Date()) => {
      const { value, unit } = relativeParts(new Date(iso), now);
      return format.format(value, unit);
    };
  }, [language]);
};
