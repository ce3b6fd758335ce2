import type { LocaleMessages } from '../locale-messages';

export const membersEn = {
  members: {
    title: 'Users',
    intro: 'People who can sign in to this account, and the roles they hold here.',
    tableLabel: 'Users of this account',
    loading: 'Loading users',
    add: 'Invite user',
    you: 'You',
    columns: {
      user: 'User',
      roles: 'Roles',
      addedAt: 'Added',
      actions: 'Actions',
    },
    empty: {
      title: 'No users yet',
      description: 'Invite people by email to let them sign in to this account.',
    },
    noPermission: {
      title: "You don't have permission to view users",
      description: 'Ask an account administrator for the View users resource.',
    },
    lastOwner:
      'This account must keep at least one Owner (Admin Super) who can sign in. Give that role to someone who has accepted their invitation first.',
    actions: {
      menu: 'Actions for {{email}}',
      edit: 'Edit roles',
      remove: 'Remove',
    },
    addDialog: {
      title: 'Invite user',
      emailLabel: 'Email',
      emailDescription:
        'They join only when they accept: with the link, someone new chooses a password and someone with a Keyward account signs in.',
      emailRequired: 'Enter an email address.',
      emailInvalid: 'Enter a valid email address.',
      alreadyMember: 'This person is already a user of this account.',
      rolesLabel: 'Roles',
      rolesPlaceholder: 'Choose roles',
      submit: 'Invite',
      success: '{{email}} was invited',
      failure: 'Could not invite the user',
      setupTitle: 'Send this link to {{email}}',
      setupWarning:
        'This link will not be shown again. Give it only to this person: it lets them accept the invitation. It works once, within 7 days.',
      setupLinkLabel: 'Invitation link',
    },
    invitations: {
      title: 'Pending invitations',
      intro: 'People invited who have not accepted yet. Invitations expire after 7 days.',
      invitedBy: 'Invited by',
      expiresAt: 'Expires',
      revoke: 'Revoke',
      revokeFor: 'Revoke the invitation of {{email}}',
      revokeTitle: 'Revoke invitation?',
      revokeBody: 'The link sent to {{email}} stops working at once.',
      revoked: 'The invitation of {{email}} was revoked',
      revokeFailure: 'Could not revoke the invitation',
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
