import i18n, {
  type BackendModule,
  type LanguageDetectorModule,
  type ResourceLanguage,
} from 'i18next';
import { initReactI18next } from 'react-i18next';

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

/** Each language's messages are a chunk of their own: the first load carries only the one used. */
const bundles: Record<LanguageCode, () => Promise<{ messages: ResourceLanguage }>> = {
  en: () => import('./locale-bundles/en'),
  'pt-BR': () => import('./locale-bundles/pt-br'),
  es: () => import('./locale-bundles/es'),
};

/** The messages of the other pages and dialogs, a second chunk per language. */
const areaBundles: Record<LanguageCode, () => Promise<{ messages: ResourceLanguage }>> = {
  en: () => import('./locale-bundles/areas-en'),
  'pt-BR': () => import('./locale-bundles/areas-pt-br'),
  es: () => import('./locale-bundles/areas-es'),
};

/** Once a page or dialog asked for the area messages, every language loaded later has them too. */
let areasWanted = false;

const lazyMessages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const load = bundles[language as LanguageCode] as (typeof bundles)[LanguageCode] | undefined;
    if (!load) return callback(null, {});
    const areas = areasWanted ? areaBundles[language as LanguageCode]() : null;
    Promise.all([load(), areas]).then(
      ([bundle, area]) => callback(null, { ...bundle.messages, ...area?.messages }),
      (error: Error) => callback(error, null),
    );
  },
};

// A language loaded before the areas were wanted gets them when it comes back into use.
i18n.on('languageChanged', () => {
  if (areasWanted) void loadAreaMessages();
});

/**
 * Resolves once the language in use has the messages of every page: the pages and dialogs
 * beyond the Generated tab's first view load them with their code.
 */
export const loadAreaMessages = async (): Promise<void> => {
  areasWanted = true;
  const language = i18n.resolvedLanguage as LanguageCode | undefined;
  const load = language ? areaBundles[language] : undefined;
  if (!language || !load) return;
  const { messages } = await load();
  i18n.addResourceBundle(language, 'translation', messages, true, false);
};

/** Private browsing may refuse storage: the language then lasts as long as the page. */
const storage = {
  read: () => {
    try {
      return localStorage.getItem(languageStorageKey);
    } catch {
      return null;
    }
  },
  write: (language: string) => {
    try {
      localStorage.setItem(languageStorageKey, language);
    } catch {
      // Nothing to keep it in.
    }
  },
};

/**
 * The language chosen before (kept in localStorage), else the browser's languages in order; i18next
 * picks the first it supports. (What i18next-browser-languagedetector did with this app's
 * settings, without its 1.7 kB on every first load.)
 */
const languageDetector: LanguageDetectorModule = {
  type: 'languageDetector',
  detect: () => storage.read() ?? [...navigator.languages],
  cacheUserLanguage: storage.write,
};

/** Resolves once the language in use has its messages; render the app after it. */
export const i18nReady = i18n
  .use(lazyMessages)
  .use(languageDetector)
  .use(initReactI18next)
  .init({
    supportedLngs: supportedLanguages.map((language) => language.code),
    // A supported language is complete (locales tests): English is loaded only in its stead.
    fallbackLng: { en: [], 'pt-BR': [], es: [], default: ['en'] },
    load: 'currentOnly',
    // Resource keys such as `license-manager:view-api-keys` contain colons, not namespaces.
    nsSeparator: false,
    interpolation: { escapeValue: false },
    // Messages added later (another area's) re-render what shows them.
    react: { bindI18nStore: 'added' },
    initAsync: false,
  });

export { i18n };
