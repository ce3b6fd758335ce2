import { setPasswordPtBR } from '../../locales/auth/pt-br';
import { externalKeysPtBR } from '../../locales/external-keys/pt-br';
import { membersPtBR } from '../../locales/members/pt-br';
import { keyUsagePtBR } from '../../locales/key-usage/pt-br';
import { navigationPtBR } from '../../locales/navigation/pt-br';
import { webhooksPtBR } from '../../locales/webhooks/pt-br';
import { rolesPtBR } from '../../locales/roles/pt-br';
import { ptBR } from '../../locales/pt-br';

/** Every Brazilian Portuguese message, loaded alone when it is the language in use. */
export const messages = {
  ...ptBR,
  ...externalKeysPtBR,
  ...rolesPtBR,
  ...membersPtBR,
  ...setPasswordPtBR,
  ...navigationPtBR,
  ...keyUsagePtBR,
  ...webhooksPtBR,
};
