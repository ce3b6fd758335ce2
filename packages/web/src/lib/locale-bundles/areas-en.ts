import { setPasswordEn } from '../../locales/auth/en';
import { externalKeysEn } from '../../locales/external-keys/en';
import { membersEn } from '../../locales/members/en';
import { rolesEn } from '../../locales/roles/en';
import { webhooksEn } from '../../locales/webhooks/en';
import { settingsEn } from '../../locales/settings/en';

/**
 * Messages of the pages and dialogs beyond the Generated tab's first view (external keys, roles,
 * members, invitations, settings, credentials): loaded with them, not with the first load (P5).
 */
export const messages = {
  ...setPasswordEn,
  ...externalKeysEn,
  ...membersEn,
  ...rolesEn,
  ...webhooksEn,
  ...settingsEn,
};
