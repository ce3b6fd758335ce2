import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';

const LIST_AS_KEY = '{ generatedKeys(first: 5) { totalCount edges { node { key } } } }';

describe.skipIf(!chromiumAvailable)('generated keys, end to end in Chromium', () => {
  let keyward: KeywardProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [keyward, browser] = await Promise.all([KeywardProcess.start(), launchChromium()]);
    context = await browser.newContext({ baseURL: keyward.url, locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: keyward.url });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await keyward?.stop();
  });

  const rowMenu = (name: string) => page.getByRole('button', { name: `Actions for ${name}` });

  /** Clicks a modal's confirm button and waits for the modal to close. */
  const confirm = async (testId: string) => {
    await page.getByTestId(testId).click();
    await page.getByTestId(testId).waitFor({ state: 'detached' });
  };

  it('signs in as the demo admin', async () => {
    await page.goto('/');
    await page.getByTestId('sign-in-email').fill('admin@example.com');
    await page.getByTestId('sign-in-password').fill('keyward-demo');
    await page.getByTestId('sign-in-submit').click();
    await page
      .getByTestId('generate-api-key')
      .or(page.getByTestId('generate-api-key-empty'))
      .first()
      .waitFor();
    expect(page.url()).toContain('/account/api-keys/generated');
  });

  let key = '';
  let token = '';

  it('generates a key with a role holding View API Keys and reveals its token once', async () => {
    await page
      .getByTestId('generate-api-key')
      .or(page.getByTestId('generate-api-key-empty'))
      .first()
      .click();
    await page.getByTestId('api-key-name-input').fill('E2E integration');
    await page.getByTestId('api-key-roles-input').click();
    await page.getByRole('option', { name: /API Keys - Read only/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('generate-api-key-submit').click();

    await page.getByTestId('revealed-token').waitFor();
    await page.getByTestId('revealed-token-copy').click();
    token = await page.evaluate(() => navigator.clipboard.readText());
    expect(token).toMatch(/^kwt_[0-9A-Za-z]{49}$/);
    await page.getByTestId('revealed-key-copy').click();
    key = await page.evaluate(() => navigator.clipboard.readText());
    expect(key).toMatch(/^kw-demo-[a-z0-9]{12}$/);
    await page.getByTestId('reveal-close').click();
    await page.getByRole('table').getByText('E2E integration').waitFor();
    // The token is gone from the page once the reveal closes.
    expect(await page.content()).not.toContain(token);
  });

  it('lets the integration list keys with nothing but its key and token', async () => {
    const result = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain(key);
  });

  it('refuses the key at once when it is deactivated, and accepts it again when reactivated', async () => {
    await rowMenu('E2E integration').click();
    await page.getByRole('menuitem', { name: /deactivate/i }).click();
    await confirm('confirm-deactivate');
    await page
      .getByRole('table')
      .getByText(/inactive/i)
      .waitFor();
    const refused = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await rowMenu('E2E integration').click();
    await page.getByRole('menuitem', { name: /^activate/i }).click();
    await confirm('confirm-activate');
    const accepted = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(accepted.errors).toBeUndefined();
  });

  it('shows the table in Portuguese after switching language', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('pt-BR');
    await page.getByRole('columnheader', { name: /chave\/nome/i }).waitFor();
    await page.getByRole('columnheader', { name: /data de criação/i }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await page.getByRole('columnheader', { name: /key\/name/i }).waitFor();
  });

  it('deletes the key after the irreversibility checkbox, and the key stops working', async () => {
    await rowMenu('E2E integration').click();
    await page.getByRole('menuitem', { name: /delete/i }).click();
    expect(await page.getByTestId('confirm-delete').isDisabled()).toBe(true);
    await page.getByTestId('delete-acknowledge').check();
    await confirm('confirm-delete');
    await page.getByRole('table').getByText('E2E integration').waitFor({ state: 'detached' });
    const refused = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never printed the token to the server logs', () => {
    expect(keyward.logs).not.toContain(token);
  });
});
