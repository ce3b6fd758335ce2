import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';

const LIST_AS_KEY = '{ generatedKeys(first: 1) { totalCount } }';

/** Issue 18 P1 and P2 through the SPA: allowed addresses and a budget of uses, set and enforced. */
describe.skipIf(!chromiumAvailable)('key policies, end to end in Chromium', () => {
  let keyward: KeywardProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let key = '';
  let token = '';

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

  const row = () => page.getByTestId('api-key-row').filter({ hasText: 'Edge proxy' });

  it('generates a key restricted to an address, refused from anywhere else', async () => {
    await page.goto('/');
    await page.getByTestId('sign-in-email').fill('admin@example.com');
    await page.getByTestId('sign-in-password').fill('keyward-demo');
    await page.getByTestId('sign-in-submit').click();
    const generate = page
      .getByTestId('generate-api-key')
      .or(page.getByTestId('generate-api-key-empty'))
      .first();
    await generate.click();
    await page.getByTestId('api-key-name-input').fill('Edge proxy');
    await page.getByTestId('api-key-roles-input').click();
    await page.getByRole('option', { name: /API Keys - Read only/ }).click();
    await page.keyboard.press('Escape');
    const addresses = page.getByRole('textbox', { name: /Allowed addresses/ });
    await addresses.fill('192.0.2.1\n10.0.0.0/33');
    await page.getByTestId('generate-api-key-submit').click();
    await page.getByText('"10.0.0.0/33" is not an IPv4/IPv6 address or CIDR range.').waitFor();
    await addresses.fill('192.0.2.1\n2001:db8::/32');
    await page.getByTestId('generate-api-key-submit').click();

    await page.getByTestId('revealed-token').waitFor();
    await page.getByTestId('revealed-token-copy').click();
    token = await page.evaluate(() => navigator.clipboard.readText());
    await page.getByTestId('revealed-key-copy').click();
    key = await page.evaluate(() => navigator.clipboard.readText());
    await page.getByTestId('reveal-close').click();
    await row().getByTestId('key-restricted-badge').waitFor();

    // The test runs from 127.0.0.1, outside the list.
    const refused = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('IP_NOT_ALLOWED');
  });

  it('allows it here after an edit, within a budget of two uses a day', async () => {
    await page.getByRole('button', { name: 'Actions for Edge proxy' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const addresses = page.getByRole('textbox', { name: /Allowed addresses/ });
    expect(await addresses.inputValue()).toBe('192.0.2.1\n2001:db8::/32');
    await addresses.fill('127.0.0.0/8\n::1');
    await page.getByRole('textbox', { name: 'Per day (UTC)' }).fill('2');
    await page.getByTestId('edit-api-key-submit').click();
    await page.getByTestId('edit-api-key-submit').waitFor({ state: 'detached' });
    await row().getByTestId('key-budget-badge').filter({ hasText: '2/day' }).waitFor();

    const codes = [];
    for (let use = 0; use < 3; use++) {
      const answer = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
      codes.push(answer.errors?.[0]?.extensions?.code ?? 'OK');
    }
    expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED']);
  });

  it('shows the edit in the audit log with the old and new addresses', async () => {
    await page.goto('/account/audit');
    const edit = page
      .getByTestId('audit-event-row')
      .filter({ hasText: 'Allowed addresses' })
      .filter({ hasText: '127.0.0.0/8' })
      .first();
    await edit.waitFor();
    expect(await edit.textContent()).toContain('192.0.2.1');
  });

  it('never printed the token to the server logs', () => {
    expect(keyward.logs).not.toContain(token);
  });
});
