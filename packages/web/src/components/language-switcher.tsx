import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { supportedLanguages } from '../lib/i18n';

export const LanguageSwitcher = () => {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('header.language')}
      data-testid="language-switcher"
      size="xs"
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={supportedLanguages.map(({ code, label }) => ({ value: code, label }))}
    />
  );
};
