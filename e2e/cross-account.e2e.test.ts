import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';
import {
  closeReveal,
  confirmModal,
  generateKey,
  openRowMenu,
  pickRoles,
  signIn,
  switchAccount,
} from './support/keyward-ui.js';
import { databaseFilesContaining } from './support/secret-hygiene.js';

const LIST_AS_KEY = '{ generatedKeys(first: 50) { edges { node { name key } } } }';
const PARTNER_KEY_NAME = 'Partner integration';
const DEMO_KEY_NAME = 'Demo own key';
const READ_ONLY_ROLE = 'API Keys - Read only';

/**
 * A key generated in `partner`, granted in `demo` as an external key: it reaches demo's keys
 * with `x-account: demo`, and loses that access at once when demo removes the grant or when
 * partner deactivates the key.
 */
describe.skipIf(!chromiumAvailable)('cross-account keys, end to end in Chromium', () => {
  let keyward: KeywardProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [keyward, browser] = await Promise.all([KeywardProcess.start(), launchChromium()]);
    const context = await browser.newContext({ baseURL: keyward.url, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await keyward?.stop();
  });

  let partnerKey = '';
  let partnerToken = '';
  let demoKey = '';
  let demoToken = '';

  const listDemoAsPartnerKey = () =>
    keyward.graphqlAsKey(LIST_AS_KEY, partnerKey, partnerToken, 'demo');
  const verifyInDemo = () => keyward.verifyKey(partnerKey, partnerToken, 'demo');

  /** The External tab of the current account, loaded (the seed's partner key is always there). */
  const openExternalTab = async () => {
    await page.getByTestId('tab-external').click();
    await page.waitForURL(/\/account\/api-keys\/external/);
    await page.getByTestId('external-key-row').first().waitFor();
  };
  const externalRow = (key: string) =>
    page.locator(`[data-testid="external-key-row"][data-key="${key}"]`);

  const addPartnerKeyInDemo = async () => {
    await openExternalTab();
    await page.getByTestId('add-external-key').click();
    await page.getByTestId('external-key-input').fill(partnerKey);
    await pickRoles(page, 'external-key-roles-input', [READ_ONLY_ROLE]);
    await confirmModal(page, 'add-external-key-submit');
    await externalRow(partnerKey).waitFor();
    await expect
      .poll(async () => externalRow(partnerKey).textContent())
      .toMatch(/partner[\s\S]*API Keys - Read only/);
  };

  it('signs in as the demo admin, whose two accounts the switcher lists by name', async () => {
    await signIn(page);
    expect(page.url()).toContain('/account/api-keys/generated');
    const options = await page
      .getByTestId('account-switcher')
      .locator('option')
      .evaluateAll((elements) => elements.map((option) => option.textContent));
    expect(options.sort()).toEqual(['Demo Store', 'Partner Agency']);
  });

  it('generates a key in partner through the UI and reveals key and token once', async () => {
    await switchAccount(page, 'Partner Agency');
    await page.getByRole('table').getByText('Partner reporting').waitFor();
    ({ key: partnerKey, token: partnerToken } = await generateKey(page, PARTNER_KEY_NAME, [
      READ_ONLY_ROLE,
    ]));
    expect(partnerKey).toMatch(/^kw-partner-[a-z0-9]{12}$/);
    expect(partnerToken).toMatch(/^kwt_[0-9A-Za-z]{49}$/);
    await closeReveal(page, partnerKey);
    expect(await page.content()).not.toContain(partnerToken);
  });

  it('generates a key of demo’s own, so that demo’s list is not empty', async () => {
    await switchAccount(page, 'Demo Store');
    // The list is demo's, not the partner's still in the cache.
    expect(await page.getByRole('table').getByText(PARTNER_KEY_NAME).count()).toBe(0);
    ({ key: demoKey, token: demoToken } = await generateKey(page, DEMO_KEY_NAME));
    expect(demoKey).toMatch(/^kw-demo-[a-z0-9]{12}$/);
    await closeReveal(page, demoKey);
  });

  it('refuses the partner key in demo before demo grants it anything', async () => {
    // A right token for an account that never granted the key: FORBIDDEN, not a failed guess.
    const refused = await listDemoAsPartnerKey();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await verifyInDemo()).code).toBe('FORBIDDEN');
  });

  it('adds the partner key in demo’s External tab with a role holding View API Keys', async () => {
    await addPartnerKeyInDemo();
  });

  it('lets the partner key list demo’s keys, and only demo’s, with x-account: demo', async () => {
    const result = await listDemoAsPartnerKey();
    expect(result.errors).toBeUndefined();
    const listed = JSON.stringify(result.data);
    expect(listed).toContain(DEMO_KEY_NAME);
    expect(listed).toContain(demoKey);
    expect(listed).not.toContain(PARTNER_KEY_NAME);
    expect(listed).not.toContain(partnerKey);
    expect(listed).not.toContain('Partner reporting');

    const verified = await verifyInDemo();
    expect(verified).toMatchObject({ valid: true, code: 'VALID', account: 'demo' });

    // Without x-account the key addresses its own account: partner's keys, not demo's.
    const own = JSON.stringify(
      (await keyward.graphqlAsKey(LIST_AS_KEY, partnerKey, partnerToken)).data,
    );
    expect(own).toContain(PARTNER_KEY_NAME);
    expect(own).not.toContain(DEMO_KEY_NAME);
  });

  it('refuses the key in demo at once when demo removes it', async () => {
    await externalRow(partnerKey).getByTestId('external-key-actions').click();
    await page.getByTestId('external-key-action-remove').click();
    await confirmModal(page, 'confirm-remove-external-key');
    await externalRow(partnerKey).waitFor({ state: 'detached' });

    const refused = await listDemoAsPartnerKey();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.generatedKeys ?? null).toBeNull();
    expect(await verifyInDemo()).toMatchObject({ valid: false, code: 'FORBIDDEN' });
    // Partner's own grant is untouched.
    expect((await keyward.verifyKey(partnerKey, partnerToken, 'partner')).code).toBe('VALID');
  });

  it('accepts it again in demo once added again', async () => {
    await addPartnerKeyInDemo();
    const result = await listDemoAsPartnerKey();
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain(DEMO_KEY_NAME);
    expect((await verifyInDemo()).code).toBe('VALID');
  });

  it('refuses the key in demo at once when partner deactivates it', async () => {
    await switchAccount(page, 'Partner Agency');
    await openRowMenu(page, PARTNER_KEY_NAME);
    await page.getByRole('menuitem', { name: /deactivate/i }).click();
    await confirmModal(page, 'confirm-deactivate');
    await page
      .locator(`[data-testid="api-key-row"][data-key="${partnerKey}"]`)
      .getByText(/inactive/i)
      .waitFor();

    const refused = await listDemoAsPartnerKey();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await verifyInDemo()).toMatchObject({ valid: false, code: 'INACTIVE' });
    expect((await keyward.verifyKey(partnerKey, partnerToken, 'partner')).code).toBe('INACTIVE');
  });

  it('shows demo, as the receiving account, the key’s new status but never its token', async () => {
    await switchAccount(page, 'Demo Store');
    await openExternalTab();
    await externalRow(partnerKey)
      .getByText(/inactive/i)
      .waitFor();
    expect(await page.content()).not.toContain(partnerToken);
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });

  it('never wrote a clear token to the server logs or the SQLite files', () => {
    const tokens = [partnerToken, demoToken];
    for (const token of tokens) expect(token).toMatch(/^kwt_/);
    // The check can see the database: the public key identifiers are stored in clear.
    expect(databaseFilesContaining(keyward, partnerKey)).not.toEqual([]);
    for (const token of tokens) {
      expect(keyward.logs).not.toContain(token);
      expect(databaseFilesContaining(keyward, token)).toEqual([]);
    }
  });
});
