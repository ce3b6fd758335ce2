import { setPasswordEn } from '../../locales/auth/en';
import { externalKeysEn } from '../../locales/external-keys/en';
import { membersEn } from '../../locales/members/en';
import { keyUsageEn } from '../../locales/key-usage/en';
import { navigationEn } from '../../locales/navigation/en';
import { webhooksEn } from '../../locales/webhooks/en';
import { rolesEn } from '../../locales/roles/en';
import { en } from '../../locales/en';

/** Every English message, loaded alone when English is the language in use. */
export const messages = {
  ...en,
  ...externalKeysEn,
  ...rolesEn,
  ...membersEn,
  ...setPasswordEn,
  ...navigationEn,
  ...keyUsageEn,
  ...webhooksEn,
};
