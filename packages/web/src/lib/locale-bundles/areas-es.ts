import { setPasswordEs } from '../../locales/auth/es';
import { externalKeysEs } from '../../locales/external-keys/es';
import { membersEs } from '../../locales/members/es';
import { rolesEs } from '../../locales/roles/es';
import { webhooksEs } from '../../locales/webhooks/es';
import { settingsEs } from '../../locales/settings/es';

/**
 * Messages of the pages and dialogs beyond the Generated tab's first view (external keys, roles,
 * members, invitations, settings, credentials): loaded with them, not with the first load (P5).
 */
export const messages = {
  ...setPasswordEs,
  ...externalKeysEs,
  ...membersEs,
  ...rolesEs,
  ...webhooksEs,
  ...settingsEs,
};
