import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';
import { closeReveal, generateKey, keyRow, signIn } from './support/keyward-ui.js';

/** Issue 18, L1 and P3: a signed leak report reaches the Generated tab; the policies are set. */
const run = Date.now().toString(36);
const LEAKY_KEY = `Leaky integration ${run}`;
const scanner = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const SCANNER_KEY_ID = 'e2e-scanner';

describe.skipIf(!chromiumAvailable)('leak reports and key policies, end to end', () => {
  let keyward: KeywardProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [keyward, browser] = await Promise.all([
      KeywardProcess.start({
        KEYWARD_LEAK_REPORTER_KEYS: JSON.stringify([
          {
            key_identifier: SCANNER_KEY_ID,
            key: scanner.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          },
        ]),
      }),
      launchChromium(),
    ]);
    context = await browser.newContext({ baseURL: keyward.url, locale: 'en-US' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await keyward?.stop();
  });

  it('sets the inactivity window and keeps leaked keys deactivated at once', async () => {
    await signIn(page);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-form').waitFor();
    const leaked = page.getByRole('switch', { name: /Deactivate leaked keys at once/ });
    expect(await leaked.isChecked()).toBe(true);
    await page.getByRole('switch', { name: /Deactivate unused keys/ }).check({ force: true });
    await page.getByRole('textbox', { name: 'Days without use' }).fill('120');
    await page.getByTestId('settings-save').click();
    await page.getByText('Settings saved').waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Days without use' }).inputValue())
      .toBe('120');
  });

  it('shows a key reported by a signed scan as leaked and inactive, under the Leaked filter', async () => {
    await page.goto('/account/api-keys/generated');
    const { key, token } = await generateKey(page, LEAKY_KEY);
    await closeReveal(page, key);

    const body = JSON.stringify([
      {
        token,
        type: 'keyward_api_token',
        url: 'https://github.com/o/r/blob/x/.env',
        source: 'content',
      },
    ]);
    const response = await fetch(`${keyward.url}/api/leaks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'Github-Public-Key-Identifier': SCANNER_KEY_ID,
        'Github-Public-Key-Signature': sign(
          'sha256',
          Buffer.from(body),
          scanner.privateKey,
        ).toString('base64'),
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { label: string }[])[0]?.label).toBe('true_positive');

    // Mantine's chip hides its checkbox under the label: click what a person clicks.
    await page
      .locator('label')
      .filter({ hasText: /^Leaked$/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('leaked')).toBe('1');
    const row = keyRow(page, key);
    await row.getByTestId('key-leaked-badge').waitFor();
    expect(await row.getByTestId('key-leaked-badge').textContent()).toBe('Leaked');
    expect(await row.textContent()).toContain('Inactive');
    // The token no longer authenticates anywhere.
    const refused = await keyward.graphqlAsKey(
      '{ apiKeySettings { tokenDurationDays } }',
      key,
      token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
