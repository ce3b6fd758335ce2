import { setPasswordPtBR } from '../../features/auth/locales/pt-br';
import { externalKeysPtBR } from '../../features/external-keys/locales/pt-br';
import { membersPtBR } from '../../features/members/locales/pt-br';
import { navigationPtBR } from '../../features/navigation/locales/pt-br';
import { rolesPtBR } from '../../features/roles/locales/pt-br';
import { ptBR } from '../../locales/pt-br';

/** Every Brazilian Portuguese message, loaded alone when it is the language in use. */
export const messages = {
  ...ptBR,
  ...externalKeysPtBR,
  ...rolesPtBR,
  ...membersPtBR,
  ...setPasswordPtBR,
  ...navigationPtBR,
};
