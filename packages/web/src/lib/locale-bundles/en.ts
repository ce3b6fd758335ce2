import { setPasswordEn } from '../../features/auth/locales/en';
import { externalKeysEn } from '../../features/external-keys/locales/en';
import { membersEn } from '../../features/members/locales/en';
import { navigationEn } from '../../features/navigation/locales/en';
import { rolesEn } from '../../features/roles/locales/en';
import { en } from '../../locales/en';

/** Every English message, loaded alone when English is the language in use. */
export const messages = {
  ...en,
  ...externalKeysEn,
  ...rolesEn,
  ...membersEn,
  ...setPasswordEn,
  ...navigationEn,
};
