import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';
import {
  closeReveal,
  confirmModal,
  copyFieldValue,
  generateKey,
  openRowMenu,
  generateButton,
  pickRoles,
  signIn,
  switchAccount,
} from './support/keyward-ui.js';

const NEW_PERSON = 'new.person@example.com';
const NEW_PASSWORD = 'a long new password';
const READ_ONLY_ROLE = 'API Keys - Read only';

/**
 * Issue 12: nobody joins an account without accepting. The admin invites a new email; the
 * link lets that person choose a password and land signed in. Invited again to another
 * account, the same person signs in from the link and accepts; a revoked link is dead.
 */
describe.skipIf(!chromiumAvailable)('invitations, end to end in Chromium', () => {
  let keyward: KeywardProcess;
  let browser: Browser;
  let admin: Page;
  let invitedContext: BrowserContext;
  let invited: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [keyward, browser] = await Promise.all([KeywardProcess.start(), launchChromium()]);
    const adminContext = await browser.newContext({ baseURL: keyward.url, locale: 'en-US' });
    admin = await adminContext.newPage();
    invitedContext = await browser.newContext({ baseURL: keyward.url, locale: 'en-US' });
    invited = await invitedContext.newPage();
    for (const page of [admin, invited])
      page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await keyward?.stop();
  });

  const inviteFromUsersPage = async (email: string, roles: readonly string[]) => {
    await admin.getByTestId('nav-users').click();
    await admin.waitForURL(/\/account\/users/);
    await admin.getByTestId('add-member').click();
    await admin.getByTestId('member-email-input').fill(email);
    if (roles.length > 0) await pickRoles(admin, 'member-roles-input', roles);
    await admin.getByTestId('add-member-submit').click();
    await admin.getByTestId('setup-link').waitFor();
    const link = await copyFieldValue(admin, 'setup-link');
    await admin.getByTestId('setup-link-close').click();
    await admin.getByTestId('setup-link-close').waitFor({ state: 'detached' });
    return link;
  };

  const pendingRow = (email: string) =>
    admin.getByTestId('invitation-row').filter({ hasText: email });

  it('a new person chooses a password through the link and lands signed in', async () => {
    await signIn(admin);
    const link = await inviteFromUsersPage(NEW_PERSON, [READ_ONLY_ROLE]);
    expect(link).toMatch(/\/invitation#[\w-]{43}$/);
    await pendingRow(NEW_PERSON).waitFor();
    // Not a member until they accept.
    expect(await admin.getByTestId('member-row').filter({ hasText: NEW_PERSON }).count()).toBe(0);

    await invited.goto(link);
    await expect
      .poll(() => invited.getByTestId('invitation-intro').textContent())
      .toBe(`Demo Store invited ${NEW_PERSON} to join.`);
    await invited.getByTestId('set-password-password').fill(NEW_PASSWORD);
    await invited.getByTestId('set-password-confirm').fill(NEW_PASSWORD);
    await invited.getByTestId('set-password-submit').click();
    await generateButton(invited)
      .or(invited.getByTestId('api-key-row').first())
      .or(invited.getByTestId('api-keys-empty'))
      .first()
      .waitFor();

    await admin.reload();
    await admin.getByTestId('member-row').filter({ hasText: NEW_PERSON }).waitFor();
    expect(await pendingRow(NEW_PERSON).count()).toBe(0);

    // The link is spent.
    const reused = await invitedContext.newPage();
    await reused.goto(link);
    await reused.getByTestId('invitation-dead').waitFor();
    await reused.close();
  });

  it('the same person signs in from the link and accepts an invitation to another account', async () => {
    await switchAccount(admin, 'Partner Agency');
    const link = await inviteFromUsersPage(NEW_PERSON, [READ_ONLY_ROLE]);
    // A browser where they are not signed in: the link sends them to sign in, and back.
    const elsewhere = await (
      await browser.newContext({ baseURL: keyward.url, locale: 'en-US' })
    ).newPage();
    elsewhere.on('pageerror', (error) => pageErrors.push(error.message));
    await elsewhere.goto(link);
    await elsewhere.getByTestId('invitation-sign-in').click();
    await elsewhere.getByTestId('sign-in-email').fill(NEW_PERSON);
    await elsewhere.getByTestId('sign-in-password').fill(NEW_PASSWORD);
    await elsewhere.getByTestId('sign-in-submit').click();
    await elsewhere.waitForURL(/\/invitation#/);
    await elsewhere.getByTestId('accept-invitation').click();
    await elsewhere.waitForFunction(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="account-switcher"]');
      return select?.selectedOptions[0]?.textContent === 'Partner Agency';
    });
    await admin.reload();
    await admin.getByTestId('member-row').filter({ hasText: NEW_PERSON }).waitFor();
  });

  it('a revoked invitation link answers like an expired one', async () => {
    const link = await inviteFromUsersPage('revoked@example.com', []);
    await pendingRow('revoked@example.com')
      .getByRole('button', { name: 'Revoke the invitation of revoked@example.com' })
      .click();
    await confirmModal(admin, 'confirm-revoke-invitation');
    await pendingRow('revoked@example.com').waitFor({ state: 'detached' });
    const stranger = await (
      await browser.newContext({ baseURL: keyward.url, locale: 'en-US' })
    ).newPage();
    await stranger.goto(link);
    await expect
      .poll(() => stranger.getByTestId('invitation-dead').textContent())
      .toContain('This link has expired or was already used.');
    expect(pageErrors).toEqual([]);
  });

  it('an admin lacking what a key holds sees its actions greyed out, with the reason', async () => {
    // Hold what you touch (issue 12): a User Administrator may not act on an Owner key.
    await switchAccount(admin, 'Demo Store');
    await admin.getByTestId('nav-api-keys').click();
    const ownerKey = await generateKey(admin, 'Owner integration', ['Owner (Admin Super)']);
    await closeReveal(admin, ownerKey.key);
    const link = await inviteFromUsersPage('key.admin@example.com', [
      'User Administrator - RESTRICTED',
    ]);
    const keyAdmin = await (
      await browser.newContext({ baseURL: keyward.url, locale: 'en-US' })
    ).newPage();
    keyAdmin.on('pageerror', (error) => pageErrors.push(error.message));
    await keyAdmin.goto(link);
    await keyAdmin.getByTestId('set-password-password').fill(NEW_PASSWORD);
    await keyAdmin.getByTestId('set-password-confirm').fill(NEW_PASSWORD);
    await keyAdmin.getByTestId('set-password-submit').click();
    await keyAdmin.getByTestId('api-key-row').first().waitFor();

    await openRowMenu(keyAdmin, 'Owner integration');
    await expect
      .poll(() => keyAdmin.getByTestId('authority-reason').textContent())
      .toMatch(/You cannot act on this: it holds .*Edit orders.*, which you do not hold\./);
    for (const action of ['Edit', 'Deactivate', 'Renew token', 'Delete']) {
      expect(await keyAdmin.getByRole('menuitem', { name: action }).isDisabled()).toBe(true);
    }
    await keyAdmin.keyboard.press('Escape');
    // A key holding no more than the admin keeps its actions.
    const plainKey = await generateKey(keyAdmin, 'Plain integration');
    await closeReveal(keyAdmin, plainKey.key);
    await openRowMenu(keyAdmin, 'Plain integration');
    expect(await keyAdmin.getByRole('menuitem', { name: 'Deactivate' }).isDisabled()).toBe(false);
    expect(await keyAdmin.getByTestId('authority-reason').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
