import type { LocaleMessages } from '../locale-messages';

export const setPasswordEn = {
  setPassword: {
    title: 'Set your password',
    intro: 'Choose the password you will use to sign in to Keyward.',
    password: 'New password',
    passwordDescription: 'At least 12 characters.',
    confirm: 'Repeat the password',
    submit: 'Set password',
    passwordRequired: 'Enter a password.',
    passwordTooShort: 'Use at least 12 characters.',
    passwordTooLong: 'Use at most 200 characters.',
    passwordLength: 'Use 12 to 200 characters.',
    mismatch: 'The passwords do not match.',
    missingLink:
      'This link is incomplete. Open the full link you received, or ask an administrator for a new one.',
    expiredLink:
      'This link has expired or was already used. Ask an account administrator for a new one.',
    failed: 'Could not set the password',
    success: 'Your password is set. Sign in with your email and the new password.',
    goToSignIn: 'Go to sign in',
  },
};

export type SetPasswordMessages = LocaleMessages<typeof setPasswordEn>;
