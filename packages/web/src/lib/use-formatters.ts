import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export const useFormatters = () => {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const numberFormat = new Intl.NumberFormat(language);
    return {
      formatDate: (iso: string) => dateFormat.format(new Date(iso)),
      formatDateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
      formatNumber: (value: number) => numberFormat.format(value),
    };
  }, [language]);
};
