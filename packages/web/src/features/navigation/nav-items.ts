import type { MessageKey } from '../../locales';
import { resourceKeys } from '../../lib/viewer-context';
import { roleReaderResources } from '../../lib/role-readers';

export type NavItem = {
  id: 'api-keys' | 'roles' | 'users' | 'audit';
  /** Where the link goes; `match` is the path prefix that marks it as the current page. */
  to: string;
  match: string;
  labelKey: MessageKey;
  /** The link shows when the viewer holds any of these. */
  anyOf: readonly string[];
};

export const navItems: readonly NavItem[] = [
  {
    id: 'api-keys',
    to: '/account/api-keys/generated',
    match: '/account/api-keys',
    labelKey: 'appNav.apiKeys',
    anyOf: [
      resourceKeys.viewApiKeys,
      resourceKeys.editApiKeys,
      resourceKeys.renewApiToken,
      resourceKeys.editApiKeysSettings,
    ],
  },
  {
    id: 'roles',
    to: '/account/roles',
    match: '/account/roles',
    labelKey: 'appNav.roles',
    anyOf: roleReaderResources,
  },
  {
    id: 'users',
    to: '/account/users',
    match: '/account/users',
    labelKey: 'appNav.users',
    anyOf: [resourceKeys.viewUsers],
  },
  {
    id: 'audit',
    to: '/account/audit',
    match: '/account/audit',
    labelKey: 'audit.nav',
    anyOf: [resourceKeys.viewApiKeys],
  },
];

export const visibleNavItems = (resources: readonly string[]) =>
  navItems.filter((item) => item.anyOf.some((key) => resources.includes(key)));
