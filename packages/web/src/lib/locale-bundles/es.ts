import { setPasswordEs } from '../../locales/auth/es';
import { externalKeysEs } from '../../locales/external-keys/es';
import { membersEs } from '../../locales/members/es';
import { keyUsageEs } from '../../locales/key-usage/es';
import { navigationEs } from '../../locales/navigation/es';
import { webhooksEs } from '../../locales/webhooks/es';
import { rolesEs } from '../../locales/roles/es';
import { es } from '../../locales/es';

/** Every Spanish message, loaded alone when Spanish is the language in use. */
export const messages = {
  ...es,
  ...externalKeysEs,
  ...rolesEs,
  ...membersEs,
  ...setPasswordEs,
  ...navigationEs,
  ...keyUsageEs,
  ...webhooksEs,
};
