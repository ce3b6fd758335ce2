import { setPasswordPtBR } from '../../locales/auth/pt-br';
import { externalKeysPtBR } from '../../locales/external-keys/pt-br';
import { membersPtBR } from '../../locales/members/pt-br';
import { rolesPtBR } from '../../locales/roles/pt-br';
import { webhooksPtBR } from '../../locales/webhooks/pt-br';
import { settingsPtBR } from '../../locales/settings/pt-br';

/**
 * Messages of the pages and dialogs beyond the Generated tab's first view (external keys, roles,
 * members, invitations, settings, credentials): loaded with them, not with the first load (P5).
 */
export const messages = {
  ...setPasswordPtBR,
  ...externalKeysPtBR,
  ...membersPtBR,
  ...rolesPtBR,
  ...webhooksPtBR,
  ...settingsPtBR,
};
