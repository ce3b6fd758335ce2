import type { NavigationMessages } from './en';

export const navigationEs: NavigationMessages = {
  appNav: {
    label: 'Principal',
    apiKeys: 'Claves de API',
    roles: 'Roles',
    users: 'Usuarios',
    noAccess: {
      title: 'No hay nada que mostrar aquí',
      description:
        'Tus roles en esta cuenta no dan acceso a ninguna página. Pide acceso a un administrador de la cuenta o cambia de cuenta.',
    },
  },
};
