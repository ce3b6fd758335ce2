import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';
import {
  closeReveal,
  DEMO_ADMIN,
  generateButton,
  generateKey,
  openRowMenu,
  signIn,
} from './support/keyward-ui.js';

/**
 * SPEC §7: no critical or serious axe-core violation on any page or open dialog, focus back on
 * the control that opened a dialog, a skip link; and the whole app usable on a 390×844 phone.
 */
/** Key names unique per run (KEYWARD_E2E_URL may point at a server used before). */
const run = Date.now().toString(36);
const AXE_KEY = `Axe integration ${run}`;
const PHONE_KEY = `Phone integration ${run}`;

describe.skipIf(!chromiumAvailable)('accessible to everyone, and on a phone', () => {
  let keyward: KeywardProcess;
  let browser: Browser;

  beforeAll(async () => {
    [keyward, browser] = await Promise.all([KeywardProcess.start(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await keyward?.stop();
  });

  describe('axe-core on every page and dialog (1280×800)', () => {
    let context: BrowserContext;
    let page: Page;
    const found: string[] = [];

    /** Records the serious and critical violations of what is on screen, labelled. */
    const check = async (label: string) => {
      for (const line of await seriousAxeViolations(page)) found.push(`${label}: ${line}`);
    };

    /** Closes the open dialog with Escape. */
    const closeDialog = async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    };

    /** Closes the open dialog with Escape and checks focus went back to the opener. */
    const closeDialogReturnsFocusTo = async (openerTestId: string) => {
      await closeDialog();
      await expect
        .poll(() =>
          page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
        )
        .toBe(openerTestId);
    };

    beforeAll(async () => {
      context = await browser.newContext({
        baseURL: keyward.url,
        locale: 'en-US',
        viewport: { width: 1280, height: 800 },
        bypassCSP: true,
      });
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('the sign-in page, with Email focused', async () => {
      await page.goto('/sign-in');
      await page.getByTestId('sign-in-email').waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('sign-in-email');
      await check('sign-in');
    });

    it('the Generated tab, its dialogs, and focus back on their openers', async () => {
      await page.getByTestId('sign-in-email').fill(DEMO_ADMIN.email);
      await page.getByTestId('sign-in-password').fill(DEMO_ADMIN.password);
      await page.getByTestId('sign-in-submit').click();
      await generateButton(page).waitFor();

      // The skip link is the first stop of the keyboard and leads to the content.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'skip-link',
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

      const { key } = await generateKey(page, AXE_KEY);
      await check('reveal dialog');
      await closeReveal(page, key);
      await check('Generated tab');

      await generateButton(page).click();
      await page.getByTestId('api-key-name-input').waitFor();
      await check('generate dialog');
      const opener = await page.evaluate(() =>
        document
          .querySelector('[data-testid="generate-api-key"],[data-testid="generate-api-key-empty"]')
          ?.getAttribute('data-testid'),
      );
      await closeDialogReturnsFocusTo(opener ?? 'generate-api-key');

      await openRowMenu(page, AXE_KEY);
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      await page.getByTestId('edit-api-key-name-input').waitFor();
      await check('edit dialog');
      await closeDialogReturnsFocusTo('api-key-actions');

      await openRowMenu(page, AXE_KEY);
      await page.getByTestId('action-renew-token').click();
      await page.getByTestId('renew-submit').waitFor();
      await check('renew dialog');
      await closeDialogReturnsFocusTo('api-key-actions');

      await openRowMenu(page, AXE_KEY);
      await page.getByRole('menuitem', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await check('delete dialog');
      await closeDialogReturnsFocusTo('api-key-actions');
    });

    it('the External and Settings tabs', async () => {
      await page.getByTestId('tab-external').click();
      await page
        .getByTestId('external-keys-table')
        .or(page.getByTestId('external-keys-empty'))
        .first()
        .waitFor();
      await check('External tab');
      await page.getByTestId('tab-settings').click();
      await page.getByTestId('settings-form').waitFor();
      await check('Settings tab');
    });

    it('the Roles page and the role editor', async () => {
      await page.getByTestId('nav-roles').click();
      await page.getByTestId('create-role').waitFor();
      await check('Roles');
      await page.getByTestId('create-role').click();
      await page.getByTestId('role-name-input').waitFor();
      await check('role editor');
      await closeDialogReturnsFocusTo('create-role');
    });

    it('the Users page and the invitation dialog', async () => {
      await page.getByTestId('nav-users').click();
      await page.getByTestId('add-member').waitFor();
      await check('Users');
      await page.getByTestId('add-member').click();
      await page.getByTestId('member-email-input').waitFor();
      await check('invite dialog');
      await closeDialogReturnsFocusTo('add-member');
    });

    it('the Audit log', async () => {
      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-table').or(page.getByTestId('audit-empty')).first().waitFor();
      await check('Audit log');
    });

    it('finds no critical or serious violation anywhere', () => {
      expect(found).toEqual([]);
    });
  });

  describe('on a 390×844 phone', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({
        baseURL: keyward.url,
        locale: 'en-US',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        bypassCSP: true,
      });
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    /** Nothing wider than the screen but the tables' own horizontal scrollers. */
    const pageFitsTheScreen = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

    /** Opens the burger's panel and follows one of its links. */
    const goTo = async (navTestId: string) => {
      await page.getByTestId('nav-burger').click();
      await page.getByTestId('app-navbar').getByTestId(navTestId).click();
      await page.getByTestId('nav-burger').waitFor();
    };

    it('signs in and generates a key', async () => {
      await signIn(page);
      expect(await pageFitsTheScreen()).toBe(true);
      const { key } = await generateKey(page, PHONE_KEY);
      expect(key).toMatch(/^kw-demo-/);
      await expect.poll(() => page.getByTestId('reveal-close').isVisible()).toBe(true);
      await closeReveal(page, key);
      expect(await pageFitsTheScreen()).toBe(true);
    });

    it('reaches every page through the burger', async () => {
      await page.getByTestId('tab-external').click();
      await page.waitForURL(/\/external/);
      await page.getByTestId('tab-settings').click();
      await page.getByTestId('settings-form').waitFor();
      expect(await pageFitsTheScreen()).toBe(true);

      await goTo('nav-roles');
      await page.getByTestId('create-role').waitFor();
      expect(await pageFitsTheScreen()).toBe(true);
      await goTo('nav-users');
      await page.getByTestId('add-member').waitFor();
      expect(await pageFitsTheScreen()).toBe(true);
      await goTo('nav-audit');
      await page.getByTestId('audit-filters').waitFor();
      expect(await pageFitsTheScreen()).toBe(true);
      await goTo('nav-api-keys');
      await generateButton(page).waitFor();
    });

    it('switches language and account, and signs out, from the burger', async () => {
      await page.getByTestId('nav-burger').click();
      const panel = page.getByTestId('app-navbar');
      await panel.getByTestId('language-switcher').selectOption('es');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
      await panel.getByTestId('language-switcher').selectOption('en');

      await panel.getByTestId('account-switcher').selectOption({ label: 'Partner Agency' });
      // Switching goes to the new account's first page, which closes the panel.
      await page.waitForURL(/\/account\/api-keys\/generated/);
      await page.getByTestId('nav-burger').click();
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              document.querySelector<HTMLSelectElement>('[data-testid="account-switcher"]')
                ?.selectedOptions[0]?.textContent,
          ),
        )
        .toBe('Partner Agency');

      await page.getByTestId('app-navbar').getByTestId('sign-out').click();
      await page.getByTestId('sign-in-email').waitFor();
    });
  });
});
