import type { Messages } from './locales';

/** `t()` knows every message key: a key that does not exist fails type-checking. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    // Resource keys such as `license-manager:view-api-keys` contain colons, not namespaces.
    nsSeparator: false;
  }
}
