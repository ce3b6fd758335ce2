import type { LocaleMessages } from '../locale-messages';

export const membersEn = {
  members: {
    title: 'Users',
    intro: 'People who can sign in to this account, and the roles they hold here.',
    tableLabel: 'Users of this account',
    loading: 'Loading users',
    add: 'Add user',
    you: 'You',
    columns: {
      user: 'User',
      roles: 'Roles',
      addedAt: 'Added',
      actions: 'Actions',
    },
    empty: {
      title: 'No users yet',
      description: 'Add people by email to let them sign in to this account.',
    },
    noPermission: {
      title: "You don't have permission to view users",
      description: 'Ask an account administrator for the View users resource.',
    },
    lastOwner:
      'This account must keep at least one Owner (Admin Super). Give that role to someone else first.',
    actions: {
      menu: 'Actions for {{email}}',
      edit: 'Edit roles',
      remove: 'Remove',
    },
    addDialog: {
      title: 'Add user',
      emailLabel: 'Email',
      emailDescription:
        'Someone new gets a link to set a password; an existing user just gains access.',
      emailRequired: 'Enter an email address.',
      emailInvalid: 'Enter a valid email address.',
      alreadyMember: 'This person is already a user of this account.',
      rolesLabel: 'Roles',
      rolesPlaceholder: 'Choose roles',
      submit: 'Add user',
      success: '{{email}} was added',
      failure: 'Could not add the user',
      setupTitle: 'Send this link to {{email}}',
      setupWarning:
        'This link will not be shown again. Give it only to this person: it lets them set the password for the account. It works once, within 72 hours.',
      setupLinkLabel: 'Password setup link',
    },
    editDialog: {
      title: 'Edit roles of {{email}}',
      success: 'Roles updated',
      failure: 'Could not update the roles',
    },
    removeDialog: {
      title: 'Remove user?',
      body: '{{email}} loses access to this account at once and is signed out of it.',
      confirm: 'Remove',
      success: 'User removed',
      failure: 'Could not remove the user',
    },
  },
};

export type MembersMessages = LocaleMessages<typeof membersEn>;
