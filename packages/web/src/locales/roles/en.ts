import type { LocaleMessages } from '../locale-messages';

export const rolesEn = {
  roleAdmin: {
    title: 'Roles',
    intro:
      'A role is a named set of resources. Give roles to users and API keys to decide what they may do.',
    loading: 'Loading roles',
    listLabel: 'Roles',
    create: 'Create role',
    predefined: 'Predefined',
    custom: 'Custom',
    predefinedHint: 'Predefined roles exist in every account and cannot be changed.',
    noResources: 'This role has no resources.',
    customSection: 'Custom roles',
    predefinedSection: 'Predefined roles',
    emptyCustom: 'No custom roles yet.',
    noPermission: {
      title: "You don't have permission to view roles",
      description: 'Ask an account administrator for the Edit roles resource.',
    },
    actions: {
      edit: 'Edit {{name}}',
      delete: 'Delete {{name}}',
    },
    editor: {
      createTitle: 'Create role',
      editTitle: 'Edit role',
      nameLabel: 'Role name',
      nameRequired: 'Enter a name for the role.',
      nameTooLong: 'Use at most 100 characters.',
      nameTaken: 'Another role in this account already has this name.',
      resourcesLabel: 'Resources',
      resourcesDescription: 'Pick the resources of each product this role grants.',
      notHeld: 'You can only grant resources you hold yourself.',
      forbidden: 'You can only put resources you hold yourself into a role.',
      selectedCount_one: '{{count}} selected',
      selectedCount_other: '{{count}} selected',
      submitCreate: 'Create role',
      createSuccess: 'Role created',
      updateSuccess: 'Role updated',
      failure: 'Could not save the role',
    },
    deleteDialog: {
      title: 'Delete role?',
      body: 'The role {{name}} will be deleted. This cannot be undone.',
      heldBy: 'Held by {{users}} and {{keys}}. Remove it from them first.',
      users_one: '{{count}} user',
      users_other: '{{count}} users',
      keys_one: '{{count}} API key',
      keys_other: '{{count}} API keys',
      inUse: 'This role is still in use',
      confirm: 'Delete',
      success: 'Role deleted',
      failure: 'Could not delete the role',
    },
  },
};

export type RolesMessages = LocaleMessages<typeof rolesEn>;
