import { setPasswordEs } from '../../features/auth/locales/es';
import { externalKeysEs } from '../../features/external-keys/locales/es';
import { membersEs } from '../../features/members/locales/es';
import { navigationEs } from '../../features/navigation/locales/es';
import { rolesEs } from '../../features/roles/locales/es';
import { es } from '../../locales/es';

/** Every Spanish message, loaded alone when Spanish is the language in use. */
export const messages = {
  ...es,
  ...externalKeysEs,
  ...rolesEs,
  ...membersEs,
  ...setPasswordEs,
  ...navigationEs,
};
