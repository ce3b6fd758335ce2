import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { messages } from '../locales';

export const supportedLanguages = [
  { code: 'en', label: 'English' },
  { code: 'pt-BR', label: 'Português (Brasil)' },
  { code: 'es', label: 'Español' },
] as const;

export type LanguageCode = (typeof supportedLanguages)[number]['code'];

export const languageStorageKey = 'keyward.language';

const syncDocumentLanguage = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};

i18n.on('languageChanged', syncDocumentLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: {
      en: { translation: messages.en },
      'pt-BR': { translation: messages['pt-BR'] },
      es: { translation: messages.es },
    },
    supportedLngs: supportedLanguages.map((language) => language.code),
    fallbackLng: 'en',
    load: 'currentOnly',
    // Resource keys such as `license-manager:view-api-keys` contain colons, not namespaces.
    nsSeparator: false,
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: languageStorageKey,
      caches: ['localStorage'],
    },
    initAsync: false,
  });

export { i18n };
