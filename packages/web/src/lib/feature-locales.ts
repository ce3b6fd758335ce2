import { setPasswordEn } from '../features/auth/locales/en';
import { setPasswordEs } from '../features/auth/locales/es';
import { setPasswordPtBR } from '../features/auth/locales/pt-br';
import { externalKeysEn } from '../features/external-keys/locales/en';
import { externalKeysEs } from '../features/external-keys/locales/es';
import { externalKeysPtBR } from '../features/external-keys/locales/pt-br';
import { membersEn } from '../features/members/locales/en';
import { membersEs } from '../features/members/locales/es';
import { membersPtBR } from '../features/members/locales/pt-br';
import { navigationEn } from '../features/navigation/locales/en';
import { navigationEs } from '../features/navigation/locales/es';
import { navigationPtBR } from '../features/navigation/locales/pt-br';
import { rolesEn } from '../features/roles/locales/en';
import { rolesEs } from '../features/roles/locales/es';
import { rolesPtBR } from '../features/roles/locales/pt-br';

/**
 * Messages that features keep next to their code, one top-level key per feature, merged into
 * the main locale files' resources by `i18n.ts`.
 */
export const featureLocales = {
  en: { ...externalKeysEn, ...rolesEn, ...membersEn, ...setPasswordEn, ...navigationEn },
  'pt-BR': {
    ...externalKeysPtBR,
    ...rolesPtBR,
    ...membersPtBR,
    ...setPasswordPtBR,
    ...navigationPtBR,
  },
  es: { ...externalKeysEs, ...rolesEs, ...membersEs, ...setPasswordEs, ...navigationEs },
};
