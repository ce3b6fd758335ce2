import type { LocaleMessages } from '../locale-messages';

/** The API key settings page and the credentials page: loaded with them (P5). */
export const settingsEn = {
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
    policiesSection: 'Key policies',
    deactivateLeakedLabel: 'Deactivate leaked keys at once',
    deactivateLeakedDescription:
      'When a secret scanner reports a token of a key exposed, the key stops working immediately. Off: the key is only marked leaked and the recipients are emailed.',
    inactivityLabel: 'Deactivate unused keys',
    inactivityDescription:
      'Keys whose tokens are neither used nor renewed within the window are deactivated. The reminder recipients and webhook are warned 7 days before.',
    inactivityDaysLabel: 'Days without use',
    inactivityDaysDescription: 'From 30 to 365 days.',
    saveFailed: 'Could not save the settings',
    errors: {
      inactivityDays: 'Choose between 30 and 365 days.',
      tokenDurationDays: 'Choose between 1 and 3650 days.',
      enforcement: 'Choose alert only or enforce.',
      reminderLeadDays: 'Use up to 5 reminders, each 1 to 365 days ahead.',
      reminderRecipients: 'Enter up to 20 valid email addresses.',
      webhookUrl:
        'Enter an https URL (http outside production) of a public host. Private, local and cloud metadata addresses are refused unless the server operator allows them.',
      invalidLeadDay: '“{{value}}” is not a number of days from 1 to 365.',
      invalidEmail: '“{{value}}” is not an email address.',
    },
    enforceConfirm: {
      title: 'Refuse outdated tokens?',
      count_one:
        '{{count}} active key has a token older than {{days}} days: it will start failing at once.',
      count_other:
        '{{count}} active keys have a token older than {{days}} days: they will start failing at once.',
      confirm: 'Enforce',
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
    attempts_zero: 'No attempts',
    attempts_one: '{{count}} attempt',
    attempts_other: '{{count}} attempts',
    status: {
      SENT: 'Sent',
      RECORDED: 'Recorded only',
      PENDING: 'Pending retry',
      FAILED: 'Failed',
    },
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
};

export type SettingsMessages = LocaleMessages<typeof settingsEn>;
