import { keyUsagePtBR } from '../../locales/key-usage/pt-br';
import { navigationPtBR } from '../../locales/navigation/pt-br';
import { ptBR } from '../../locales/pt-br';

/** Every Brazilian Portuguese message, loaded alone when it is the language in use. */
export const messages = {
  ...ptBR,
  ...navigationPtBR,
  ...keyUsagePtBR,
};
