import type { ParseKeys } from 'i18next';
import { setPasswordEn } from './auth/en';
import { setPasswordEs } from './auth/es';
import { setPasswordPtBR } from './auth/pt-br';
import { en } from './en';
import { es } from './es';
import { externalKeysEn } from './external-keys/en';
import { externalKeysEs } from './external-keys/es';
import { externalKeysPtBR } from './external-keys/pt-br';
import { membersEn } from './members/en';
import { membersEs } from './members/es';
import { membersPtBR } from './members/pt-br';
import { navigationEn } from './navigation/en';
import { navigationEs } from './navigation/es';
import { navigationPtBR } from './navigation/pt-br';
import { keyUsageEn } from './key-usage/en';
import { keyUsageEs } from './key-usage/es';
import { keyUsagePtBR } from './key-usage/pt-br';
import { ptBR } from './pt-br';
import { rolesEn } from './roles/en';
import { rolesEs } from './roles/es';
import { rolesPtBR } from './roles/pt-br';
import { webhooksEn } from './webhooks/en';
import { settingsEn } from './settings/en';
import { settingsEs } from './settings/es';
import { settingsPtBR } from './settings/pt-br';
import { webhooksEs } from './webhooks/es';
import { webhooksPtBR } from './webhooks/pt-br';

/**
 * Every message of the app, in its one home: `en.ts` (and its translations) holds the shared
 * and key-related messages, each folder here one area's, under its own top-level key.
 * `Messages` types `t()` (see i18next.d.ts): a key that does not exist fails type-checking.
 */
export const areaMessages = {
  en: {
    ...externalKeysEn,
    ...rolesEn,
    ...membersEn,
    ...setPasswordEn,
    ...navigationEn,
    ...keyUsageEn,
    ...webhooksEn,
    ...settingsEn,
  },
  'pt-BR': {
    ...externalKeysPtBR,
    ...rolesPtBR,
    ...membersPtBR,
    ...setPasswordPtBR,
    ...navigationPtBR,
    ...keyUsagePtBR,
    ...webhooksPtBR,
    ...settingsPtBR,
  },
  es: {
    ...externalKeysEs,
    ...rolesEs,
    ...membersEs,
    ...setPasswordEs,
    ...navigationEs,
    ...keyUsageEs,
    ...webhooksEs,
    ...settingsEs,
  },
};

export const messages = {
  en: { ...en, ...areaMessages.en },
  'pt-BR': { ...ptBR, ...areaMessages['pt-BR'] },
  es: { ...es, ...areaMessages.es },
};

export type Messages = typeof messages.en;

/** The key of a message, for code that picks one before calling `t()`. */
export type MessageKey = ParseKeys;
