import type { LocaleMessages } from '../locale-messages';

export const navigationEn = {
  appNav: {
    label: 'Main',
    apiKeys: 'API keys',
    roles: 'Roles',
    users: 'Users',
    noAccess: {
      title: 'Nothing to show here',
      description:
        'Your roles in this account do not give access to any page. Ask an account administrator for access, or switch accounts.',
    },
  },
};

export type NavigationMessages = LocaleMessages<typeof navigationEn>;
