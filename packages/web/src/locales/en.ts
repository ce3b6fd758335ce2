import type { PRODUCTS } from '@keyward/shared';
import type { ErrorCode } from '../lib/graphql-errors';

/** Every product and resource of the catalogue has its label (the compiler checks). */
type Catalogue = typeof PRODUCTS;

export const en = {
  app: {
    name: 'Keyward',
    loading: 'Loading',
  },
  header: {
    account: 'Account',
    language: 'Language',
    signOut: 'Sign out',
    signOutFailed: 'Could not sign out',
    signedOut: 'You signed out',
    switchedAccount: 'You are now working in {{name}}',
    switchFailed: 'Could not switch accounts',
  },
  auth: {
    title: 'Sign in to Keyward',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    emailRequired: 'Enter your email.',
    passwordRequired: 'Enter your password.',
    invalidCredentials: 'The email or password is incorrect.',
    failed: 'Could not sign in',
  },
  errors: {
    title: 'Something went wrong',
    UNAUTHENTICATED: 'Your session has ended. Sign in again.',
    FORBIDDEN: "You don't have permission to do this.",
    NOT_FOUND: 'This item no longer exists. Reload the page to see the current list.',
    CONFLICT: 'This conflicts with an existing item.',
    BAD_USER_INPUT: 'Some of the information is not valid. Check the fields and try again.',
    RATE_LIMITED: 'Too many failed attempts. Wait a few minutes and try again.',
    EXPIRED: "The key's token has expired. Renew the token, then try again.",
    QUERY_TOO_DEEP: 'This request asks for too much at once. Use a smaller page or fewer filters.',
    QUERY_TOO_COSTLY:
      'This request asks for too much at once. Use a smaller page or fewer filters.',
    TOO_MANY_ALIASES:
      'This request asks for too much at once. Use a smaller page or fewer filters.',
    TOO_MANY_TOKENS: 'This request asks for too much at once. Use a smaller page or fewer filters.',
    TOO_MANY_DIRECTIVES:
      'This request asks for too much at once. Use a smaller page or fewer filters.',
    BAD_REQUEST: 'The server could not accept this request. Reload the page and try again.',
    UNSUPPORTED_MEDIA_TYPE:
      'The server could not accept this request. Reload the page and try again.',
    GRAPHQL_PARSE_FAILED:
      'This page is out of date with the server. Reload the page and try again.',
    GRAPHQL_VALIDATION_FAILED:
      'This page is out of date with the server. Reload the page and try again.',
    PERSISTED_QUERY_NOT_FOUND:
      'This page is out of date with the server. Reload the page and try again.',
    PERSISTED_QUERY_NOT_SUPPORTED:
      'This page is out of date with the server. Reload the page and try again.',
    OPERATION_RESOLUTION_FAILURE:
      'This page is out of date with the server. Reload the page and try again.',
    PAYLOAD_TOO_LARGE: 'What you sent is too large. Shorten it and try again.',
    INTERNAL_SERVER_ERROR: 'The server ran into a problem. Try again in a moment.',
    SERVICE_UNAVAILABLE: 'Keyward cannot reach its database for a moment. Try again shortly.',
    NETWORK: 'Could not reach the server. Check your connection and try again.',
    UNKNOWN: 'Something unexpected happened. Try again.',
    retry: 'Try again',
    signInAgain: 'Sign in again',
  } satisfies Record<ErrorCode | 'title' | 'retry' | 'signInAgain', string>,
  authority: {
    lacks: 'You cannot act on this: it holds {{resources}}, which you do not hold.',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
  },
  nav: {
    accountSettings: 'Account settings',
    apiKeys: 'API keys',
    tabsLabel: 'API key sections',
    generated: 'Generated',
    external: 'External',
    settings: 'Settings',
  },
  keys: {
    tableLabel: 'Generated API keys',
    columns: {
      keyName: 'Key/Name',
      roles: 'Roles',
      createdAt: 'Created',
      status: 'Status',
      lastUsed: 'Last used',
      actions: 'Actions',
    },
    sortBy: 'Sort by {{column}}',
    status: {
      ACTIVE: 'Active',
      INACTIVE: 'Inactive',
    },
    never: 'Never',
    noRoles: 'No roles',
    search: 'Search',
    searchPlaceholder: 'Name or key',
    statusFilter: 'Status',
    statusAll: 'All',
    roleFilter: 'Roles',
    roleFilterPlaceholder: 'Any role',
    total: 'Total: {{total}}',
    pageSize: 'Rows per page',
    previousPage: 'Previous',
    nextPage: 'Next',
    paginationLabel: 'Pages of API keys',
    loading: 'Loading API keys',
    generate: 'Generate API key',
    empty: {
      title: 'No API keys yet',
      description: 'Generate a key to let an integration reach this account.',
    },
    noMatch: {
      title: 'No keys match',
      description: 'Try another search or clear the filters.',
      clear: 'Clear filters',
    },
    noPermission: {
      title: "You don't have permission to view API keys",
      description: 'Ask an account administrator for the View API Keys resource.',
    },
    actions: {
      menu: 'Actions for {{name}}',
      edit: 'Edit',
      activate: 'Activate',
      deactivate: 'Deactivate',
      delete: 'Delete',
    },
  },
  roles: {
    multipleProducts: 'Several products',
    noResources: 'No resources',
  },
  generateDialog: {
    title: 'Generate API key',
    nameLabel: 'Key identification',
    nameDescription: 'A name that tells you which integration uses this key.',
    nameRequired: 'Enter a name for the key.',
    nameTooLong: 'Use at most 100 characters.',
    nameTaken: 'Another key in this account already has this name.',
    rolesLabel: 'Roles',
    rolesPlaceholder: 'Choose roles',
    rolesWarning:
      'Choose only the roles this integration needs. A key with no roles can authenticate but do nothing.',
    submit: 'Generate',
    success: 'API key generated',
    failure: 'Could not generate the API key',
    revealTitle: 'Copy the token now',
    keyLabel: 'Key',
    tokenLabel: 'Token',
    tokenWarning:
      'This token will not be shown again. Store it somewhere safe before you close this window.',
    copy: 'Copy',
    copied: 'Copied',
    copyKey: 'Copy key',
    copyToken: 'Copy token',
  },
  editDialog: {
    title: 'Edit API key',
    activeLabel: 'Active',
    activeDescription: 'An inactive key fails authentication everywhere.',
    success: 'API key updated',
    failure: 'Could not update the API key',
  },
  deactivateDialog: {
    title: 'Deactivate API key?',
    body: 'Integrations using {{key}} will stop working at once, in every account it reaches.',
    confirm: 'Deactivate',
    success: 'API key deactivated',
    failure: 'Could not deactivate the API key',
  },
  activateDialog: {
    title: 'Activate API key?',
    body: 'Anyone holding the token of {{key}} regains access at once.',
    confirm: 'Activate',
    success: 'API key activated',
    failure: 'Could not activate the API key',
  },
  deleteDialog: {
    title: 'Delete API key?',
    body: '{{key}} will stop working at once, in every account. Its token cannot be recovered.',
    acknowledge: 'I understand that this action cannot be undone',
    confirm: 'Delete',
    success: 'API key deleted',
    failure: 'Could not delete the API key',
  },
  tokens: {
    column: 'Token',
    expires: 'Expires {{relative}}',
    outdated: 'Outdated {{relative}}',
    issued: 'Issued {{date}}',
    alert: {
      ORANGE: 'Renewal due',
      RED: 'Renewal overdue',
    },
    pendingDeletion: 'Pending deletion - old token',
    oldToken: 'Old token',
    newToken: 'New token',
    lastUsed: 'Last used {{date}}',
    lastUsedFrom: 'Last used {{date}} from {{ip}}',
    neverUsed: 'Never used',
    oldTokenDies: 'Stops working {{relative}}',
    alertFilter: {
      label: 'Renewal alert',
      all: 'All',
      NONE: 'No alert',
      ORANGE: 'Orange',
      RED: 'Red',
    },
  },
  alertBanner: {
    title: 'Some tokens need attention',
    red: 'Red alert: {{total}}',
    orange: 'Orange alert: {{total}}',
    pending: 'Old tokens pending deletion: {{total}}',
  },
  renewActions: {
    renew: 'Renew token',
    deleteOldToken: 'Delete old token',
    undoRenewal: 'Undo renewal',
    noRenewalPending:
      'This key has no renewal pending any more. Reload the page to see its tokens.',
  },
  renewDialog: {
    title: 'Renew token',
    body: 'A new token will be issued for {{key}}. Until the old token is deleted, both work.',
    fateLabel: 'What happens to the old token?',
    fateDescription: 'Give integrations time to switch to the new token before the old one stops.',
    fates: {
      DELETE_NOW: 'Delete it now',
      KEEP_UNTIL_DELETED: 'Keep it until I delete it',
      EXPIRE_IN_1_HOUR: 'Delete it in 1 hour',
      EXPIRE_IN_24_HOURS: 'Delete it in 24 hours',
      EXPIRE_IN_7_DAYS: 'Delete it in 7 days',
    },
    confirm: 'Renew token',
    success: 'Token renewed',
    failure: 'Could not renew the token',
    conflict:
      'This key already has a renewal pending. Delete its old token or undo that renewal before renewing again.',
  },
  deleteOldTokenDialog: {
    title: 'Delete old token?',
    body: 'The old token of {{key}} will stop working at once. Only the new token will work.',
    confirm: 'Delete old token',
    success: 'Old token deleted',
    failure: 'Could not delete the old token',
  },
  undoRenewalDialog: {
    title: 'Undo renewal?',
    body: 'The new token of {{key}} will stop working at once and the old token will keep working, with no end date.',
    confirm: 'Undo renewal',
    success: 'Renewal undone',
    failure: 'Could not undo the renewal',
  },
  singleAccessLink: {
    create: 'Create single-access link instead',
    created: 'Single-access link created',
    failure: 'Could not create the link',
    title: 'Send this link instead of the token',
    description:
      'The link shows the key and token once. It stops working at its first opening or after 24 hours. The token is no longer shown here.',
    linkLabel: 'Single-access link',
    expires: 'Expires {{date}} or at its first opening',
  },
  credentials: {
    title: 'API credentials',
    intro:
      'This page shows an API key and its token once. Have somewhere safe to store them, then reveal them.',
    reveal: 'Reveal token',
    revealedWarning:
      'This link no longer works: the token will not be shown again. Store it somewhere safe before you leave this page.',
    expiredTitle: 'This link has expired',
    expiredDescription:
      'It was already opened or is more than 24 hours old. Ask the person who sent it for a new one.',
  },
  settings: {
    loading: 'Loading settings',
    noPermission: {
      title: "You don't have permission to view these settings",
      description: 'Ask an account administrator for the View API Keys resource.',
    },
    readOnly:
      'You can see these settings. Changing them needs the Edit API Keys settings resource.',
    durationSection: 'Token duration',
    durationLabel: 'How long a token lives',
    durationDescription:
      'Counted from the token’s creation or last renewal. Past it, the token is outdated.',
    duration90: '3 months (recommended)',
    duration180: '6 months',
    durationCustom: 'Custom',
    customDaysLabel: 'Days',
    enforcementLabel: 'When a token is outdated',
    enforcement: {
      ALERT_ONLY: {
        label: 'Alert only',
        description: 'The token keeps working; the key shows a renewal alert.',
      },
      ENFORCE: {
        label: 'Enforce',
        description:
          'Outdated tokens are refused (code EXPIRED): integrations stop working until their token is renewed.',
      },
    },
    remindersSection: 'Renewal reminders',
    leadDaysLabel: 'Days before the token is outdated',
    leadDaysDescription: 'Type a number and press Enter, for example 14 and 3.',
    recipientsLabel: 'Email recipients',
    recipientsDescription: 'Type an email address and press Enter.',
    webhookUrlLabel: 'Webhook URL',
    webhookUrlDescription: 'Optional. Reminders are also posted here. Leave empty for none.',
    secretLabel: 'Webhook signing secret',
    secretDescription: 'Verify the X-Keyward-Signature header (HMAC-SHA256) with this secret.',
    secretToggle: 'Show or hide the signing secret',
    saved: 'Settings saved',
    saveFailed: 'Could not save the settings',
    errors: {
      tokenDurationDays: 'Choose between 1 and 3650 days.',
      enforcement: 'Choose alert only or enforce.',
      reminderLeadDays: 'Use up to 5 reminders, each 1 to 365 days ahead.',
      reminderRecipients: 'Enter up to 20 valid email addresses.',
      webhookUrl:
        'Enter an https URL (http outside production) of a public host. Private, local and cloud metadata addresses are refused unless the server operator allows them.',
    },
  },
  keysExport: {
    menu: 'Export',
    description: 'Generated and external keys',
    csv: 'Export CSV',
    xlsx: 'Export XLSX',
  },
  renewalPendingFilter: {
    label: 'Old token pending deletion',
  },
  createdBy: {
    column: 'Created by',
    detail: 'Created by',
    unknown: 'Unknown',
    externalOf: 'external key of {{account}}',
    kind: {
      USER: 'Member',
      API_KEY: 'Own key',
      EXTERNAL_KEY: 'External key',
    },
    filter: {
      label: 'Created by',
      all: 'Anyone',
      USER: 'Members',
      API_KEY: 'Own keys',
      EXTERNAL_KEY: 'External keys',
      one: 'Created by {{label}}',
      clear: 'Show keys by any creator',
      show: 'Show keys created by {{label}}',
    },
  },
  reminders: {
    title: 'Recent reminders',
    explanation:
      'Reminders go by email when SMTP is configured on the server, and to the webhook when one is set. Without SMTP or a webhook, reminders are recorded here only.',
    loading: 'Loading reminders',
    empty: 'No reminders yet. They appear here as tokens approach their duration.',
    columns: {
      key: 'Key',
      leadDays: 'Ahead',
      dueAt: 'Token outdated on',
      status: 'Status',
      sentAt: 'Sent',
    },
    leadDaysValue_one: '{{days}} day ahead',
    leadDaysValue_other: '{{days}} days ahead',
    attempts_one: '{{count}} attempt',
    attempts_other: '{{count}} attempts',
    status: {
      SENT: 'Sent',
      RECORDED: 'Recorded only',
      PENDING: 'Pending retry',
      FAILED: 'Failed',
    },
  },
  audit: {
    nav: 'Audit log',
    title: 'Audit log',
    description:
      'Every change to API keys, roles, members and settings, and refused authentications.',
    tableLabel: 'Audit events',
    loading: 'Loading audit events',
    exportCsv: 'Export CSV',
    total: 'Total: {{total}}',
    previousPage: 'Previous',
    nextPage: 'Next',
    paginationLabel: 'Pages of audit events',
    columns: {
      time: 'Time',
      actor: 'Actor',
      action: 'Action',
      target: 'Target',
      sourceIp: 'Source IP',
      details: 'Details',
    },
    filters: {
      actor: 'Actor',
      actorPlaceholder: 'Email or key',
      action: 'Action',
      allActions: 'All actions',
      targetKey: 'Target key',
      targetKeyPlaceholder: 'Key',
      from: 'From',
      to: 'To',
      rangeInvalid: 'The start date must be on or before the end date.',
    },
    empty: {
      title: 'No events yet',
      description: 'Changes to API keys and settings, and refused authentications, appear here.',
    },
    noMatch: {
      title: 'No events match',
      description: 'Try other filters or clear them.',
      clear: 'Clear filters',
    },
    noPermission: {
      title: "You don't have permission to view the audit log",
      description: 'Ask an account administrator for the View API Keys resource.',
    },
    actorKinds: {
      USER: 'User',
      API_KEY: 'API key',
      SYSTEM: 'System',
      ANONYMOUS: 'Anonymous',
    },
    targetTypes: {
      'api-key': 'API key',
      role: 'Role',
      user: 'User',
      invitation: 'Invitation',
      settings: 'Settings',
      account: 'Account',
    },
    details: {
      refused_one: '{{count}} refused attempt ({{reason}})',
      refused_other: '{{count}} refused attempts ({{reason}})',
    },
    refusedReasons: {
      INVALID_CREDENTIALS: 'invalid credentials',
      INACTIVE: 'inactive key',
      EXPIRED: 'outdated token',
      FORBIDDEN: 'missing permission',
      RATE_LIMITED: 'rate limited',
      SIGN_IN_FAILED: 'wrong password at sign-in',
    },
    actions: {
      'api-key': {
        generated: 'API key generated',
        updated: 'API key edited',
        activated: 'API key activated',
        deactivated: 'API key deactivated',
        deleted: 'API key deleted',
        'token-renewed': 'Token renewed',
        'old-token-deleted': 'Old token deleted',
        'renewal-undone': 'Renewal undone',
        'single-access-link-created': 'Single-access link created',
        'single-access-link-opened': 'Single-access link opened',
      },
      'external-key': {
        added: 'External key added',
        updated: 'External key edited',
        removed: 'External key removed',
      },
      role: {
        created: 'Role created',
        updated: 'Role edited',
        deleted: 'Role deleted',
      },
      member: {
        added: 'User added',
        invited: 'User invited',
        joined: 'Invitation accepted',
        updated: 'User edited',
        removed: 'User removed',
      },
      invitation: {
        revoked: 'Invitation revoked',
      },
      settings: {
        updated: 'API key settings changed',
      },
      'api-keys': {
        exported: 'API keys exported',
      },
      'audit-log': {
        exported: 'Audit log exported',
      },
      auth: {
        refused: 'Authentication refused',
      },
    },
  },
  products: {
    'license-manager': 'License Manager',
    orders: 'Orders',
    catalog: 'Catalog',
    logistics: 'Logistics',
  } satisfies Record<keyof Catalogue, string>,
  resources: {
    'license-manager': {
      'view-api-keys': 'View API Keys',
      'edit-api-keys': 'Edit API Keys',
      'renew-api-token': 'Renew API token',
      'edit-api-keys-settings': 'Edit API Keys settings',
      'view-users': 'View users',
      'edit-users': 'Edit users',
      'edit-roles': 'Edit roles',
      'verify-api-keys': 'Verify API keys',
    },
    orders: {
      'view-orders': 'View orders',
      'edit-orders': 'Edit orders',
    },
    catalog: {
      'view-products': 'View products',
      'edit-products': 'Edit products',
    },
    logistics: {
      'view-inventory': 'View inventory',
      'edit-inventory': 'Edit inventory',
    },
  } satisfies { [P in keyof Catalogue]: Record<keyof Catalogue[P]['resources'], string> },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** Every locale must provide every English message: the compiler checks completeness. */
export type TranslationMessages = Messages<typeof en>;
