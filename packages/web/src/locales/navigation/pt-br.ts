import type { NavigationMessages } from './en';

export const navigationPtBR: NavigationMessages = {
  appNav: {
    label: 'Principal',
    apiKeys: 'Chaves de API',
    roles: 'Perfis de acesso',
    users: 'Usuários',
    noAccess: {
      title: 'Nada para mostrar aqui',
      description:
        'Seus perfis de acesso nesta conta não dão acesso a nenhuma página. Peça acesso a um administrador da conta ou troque de conta.',
    },
  },
};
