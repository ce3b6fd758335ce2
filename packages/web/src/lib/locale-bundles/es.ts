import { keyUsageEs } from '../../locales/key-usage/es';
import { navigationEs } from '../../locales/navigation/es';
import { es } from '../../locales/es';

/** Every Spanish message, loaded alone when Spanish is the language in use. */
export const messages = {
  ...es,
  ...navigationEs,
  ...keyUsageEs,
};
