import type { LocaleMessages } from '../locale-messages';

export const externalKeysEn = {
  externalKeys: {
    tableLabel: 'External API keys',
    columns: {
      key: 'Key',
      ownerAccount: 'Owner account',
      roles: 'Roles here',
      addedAt: 'Date added',
      status: 'Status',
      actions: 'Actions',
    },
    searchPlaceholder: 'Key or owner account',
    paginationLabel: 'Pages of external API keys',
    loading: 'Loading external API keys',
    add: 'Add external key',
    empty: {
      title: 'No external keys yet',
      description:
        'Add a key that another account generated to let its integration reach this account.',
    },
    noMatch: {
      title: 'No external keys match',
      description: 'Try another search or clear the filters.',
      clear: 'Clear filters',
    },
    actions: {
      menu: 'Actions for {{key}}',
      edit: 'Edit roles',
      remove: 'Remove',
    },
    addDialog: {
      title: 'Add external key',
      keyLabel: 'Key identifier',
      keyDescription: 'The public key the other account gave you, such as kw-partner-…',
      keyRequired: 'Enter the key identifier.',
      keyUnknown: 'No API key has this identifier. Check it with the account that owns the key.',
      keyOwn: 'This key belongs to this account. Manage it in the Generated tab.',
      keyAlreadyAdded: 'This key was already added to this account. Edit its roles instead.',
      rolesLabel: 'Roles in this account',
      rolesPlaceholder: 'Choose roles',
      rolesWarning:
        'The key gets only the roles you choose here. A key with no roles can authenticate but do nothing.',
      submit: 'Add key',
      success: 'External key added',
      failure: 'Could not add the external key',
    },
    editDialog: {
      title: 'Edit roles of external key',
      ownerLabel: 'Owner account',
      rolesDescription:
        'You change only the roles this account grants. Name, token and status stay with the owner.',
      success: 'Roles updated',
      failure: 'Could not update the roles',
    },
    removeDialog: {
      title: 'Remove external key?',
      body: '{{key}} from {{owner}} loses all access to this account at once. Its owner keeps the key.',
      confirm: 'Remove',
      success: 'External key removed',
      failure: 'Could not remove the external key',
      deactivateCreated_one: 'Also deactivate the key this key created here',
      deactivateCreated_other: 'Also deactivate the {{count}} keys this key created here',
      deactivateCreatedHint:
        'Keys it generated belong to this account and keep working after the removal unless deactivated.',
      deactivated_one: '{{count}} key it created was deactivated',
      deactivated_other: '{{count}} keys it created were deactivated',
    },
  },
};

export type ExternalKeysMessages = LocaleMessages<typeof externalKeysEn>;
