import type { LocaleMessages } from '../locale-messages';

export const setPasswordEn = {
  setPassword: {
    title: 'Accept your invitation',
    intro: 'Choose the password you will use to sign in to Keyward.',
    newHere: 'New to Keyward? Choose a password',
    password: 'New password',
    passwordDescription: 'At least 12 characters.',
    confirm: 'Repeat the password',
    submit: 'Set password and join',
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
    success: 'Your password is set and you joined. Sign in with your email and the new password.',
    goToSignIn: 'Go to sign in',
    loading: 'Loading the invitation',
    invitedTo: '{{account}} invited {{email}} to join.',
    joined: 'Welcome: your password is set and you joined the account.',
    alreadyHasAccount:
      'This email already has a Keyward account: sign in with it to accept the invitation.',
    or: 'or',
    haveAccount: 'Already have a Keyward account with this email?',
    signInToAccept: 'Sign in to accept',
    signedInAs: 'You are signed in as {{email}}.',
    otherEmail:
      'You are signed in as {{viewer}}, but this invitation was sent to {{email}}. Sign out, then open the link again.',
    accept: 'Accept invitation',
    accepted: 'You joined {{account}}',
    acceptFailed: 'Could not accept the invitation',
  },
};

export type SetPasswordMessages = LocaleMessages<typeof setPasswordEn>;
