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

  const rowMenu = (name: string) =>
    page.getByRole('button', { name: new RegExp(`actions.*${name}`, 'i') });

  const confirmInDialog = async (buttonName: RegExp) => {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: buttonName }).click();
    await dialog.waitFor({ state: 'detached' });
  };

  it('signs in as the demo admin', async () => {
    await page.goto('/');
    await page.getByLabel(/email/i).fill('admin@example.com');
    await page.getByLabel(/password/i).fill('keyward-demo');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('button', { name: /generate key/i }).waitFor();
    expect(page.url()).toContain('/account/api-keys/generated');
  });

  let key = '';
  let token = '';

  it('generates a key with a role holding View API Keys and reveals its token once', async () => {
    await page.getByRole('button', { name: /generate key/i }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/key identification/i).fill('E2E integration');
    await dialog.getByRole('textbox', { name: /roles/i }).click();
    await page.getByRole('option', { name: 'API Keys - Read only' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /^generate$/i }).click();

    const revealed = page.getByTestId('revealed-token');
    await revealed.waitFor();
    await dialog.getByRole('button', { name: /copy/i }).first().click();
    token = await page.evaluate(() => navigator.clipboard.readText());
    expect(token).toMatch(/^kwt_[0-9A-Za-z]{49}$/);
    key = (await page.getByTestId('revealed-key').textContent())?.trim() ?? '';
    expect(key).toMatch(/^kw-demo-/);
    await dialog.getByRole('button', { name: /close/i }).last().click();
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
    await confirmInDialog(/deactivate/i);
    await page
      .getByRole('table')
      .getByText(/inactive/i)
      .waitFor();
    const refused = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await rowMenu('E2E integration').click();
    await page.getByRole('menuitem', { name: /^activate/i }).click();
    await confirmInDialog(/activate/i);
    const accepted = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(accepted.errors).toBeUndefined();
  });

  it('deletes the key after the irreversibility checkbox, and the key stops working', async () => {
    await rowMenu('E2E integration').click();
    await page.getByRole('menuitem', { name: /delete/i }).click();
    const dialog = page.getByRole('dialog');
    const deleteButton = dialog.getByRole('button', { name: /delete/i });
    expect(await deleteButton.isDisabled()).toBe(true);
    await dialog.getByLabel(/cannot be undone/i).check();
    await confirmInDialog(/delete/i);
    await page.getByRole('table').getByText('E2E integration').waitFor({ state: 'detached' });
    const refused = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows the table in Portuguese after switching language', async () => {
    await page.getByRole('textbox', { name: /language/i }).click();
    await page.getByRole('option', { name: /português/i }).click();
    await page.getByRole('columnheader', { name: /chave\/nome/i }).waitFor();
    await page.getByRole('columnheader', { name: /data de criação/i }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
  });

  it('never printed the token to the server logs', () => {
    expect(keyward.logs).not.toContain(token);
  });
});
