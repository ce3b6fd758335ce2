import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';
import {
  closeReveal,
  confirmModal,
  copyFieldValue,
  generateKey,
  keyRow,
  openRowMenu,
  signIn,
} from './support/keyward-ui.js';
import { databaseFilesContaining } from './support/secret-hygiene.js';
import { readWorkbook } from './support/workbook.js';

const LIST_AS_KEY = '{ generatedKeys(first: 50) { edges { node { key } } } }';
const READ_ONLY_ROLE = 'API Keys - Read only';
const RENEWED_NAME = 'Lifecycle renewal';
const LINKED_NAME = 'Lifecycle link';
const DAY = 24 * 60 * 60 * 1000;

/**
 * A token's life in the SPA: renewal keeping the old token until deleted by hand, a
 * single-access link opened once, the token duration setting, and the exports.
 */
describe.skipIf(!chromiumAvailable)('token lifecycle, end to end in Chromium', () => {
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

  const works = async (key: string, token: string) => {
    const result = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain(key);
  };
  const refused = async (key: string, token: string) => {
    const result = await keyward.graphqlAsKey(LIST_AS_KEY, key, token);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  };

  /** When the row's token is due, from the `<time dateTime>` of its "Expires …" text. */
  const tokenExpiry = async (key: string) => {
    const expiry = keyRow(page, key).getByTestId('token-expiry');
    const dateTime = await expiry.locator('time').getAttribute('datetime');
    return { text: (await expiry.textContent()) ?? '', at: new Date(dateTime ?? '').getTime() };
  };

  /** Every clear token the tests saw: none may reach the logs or the database. */
  const seenTokens: string[] = [];

  let renewedKey = '';
  let oldToken = '';
  let newToken = '';

  it('signs in and generates a key with a read-only role', async () => {
    await signIn(page);
    ({ key: renewedKey, token: oldToken } = await generateKey(page, RENEWED_NAME, [
      READ_ONLY_ROLE,
    ]));
    seenTokens.push(oldToken);
    expect(oldToken).toMatch(/^kwt_[0-9A-Za-z]{49}$/);
    await closeReveal(page, renewedKey);
    await works(renewedKey, oldToken);
  });

  it('renews the token keeping the old one until deleted by hand: both work', async () => {
    await openRowMenu(page, RENEWED_NAME);
    await page.getByTestId('action-renew-token').click();
    await page.getByTestId('renew-fate-KEEP_UNTIL_DELETED').check();
    await page.getByTestId('renew-submit').click();
    await page.getByTestId('revealed-token').waitFor();
    expect(await copyFieldValue(page, 'revealed-key')).toBe(renewedKey);
    newToken = await copyFieldValue(page, 'revealed-token');
    seenTokens.push(newToken);
    expect(newToken).toMatch(/^kwt_[0-9A-Za-z]{49}$/);
    expect(newToken).not.toBe(oldToken);
    await closeReveal(page, renewedKey);

    await works(renewedKey, oldToken);
    await works(renewedKey, newToken);
    expect((await keyward.verifyKey(renewedKey, oldToken)).code).toBe('VALID');
    expect((await keyward.verifyKey(renewedKey, newToken)).code).toBe('VALID');
  });

  it('shows the pending renewal on the row and in the banner', async () => {
    const row = keyRow(page, renewedKey);
    await page
      .locator(`[data-testid="api-key-row"][data-key="${renewedKey}"][data-renewal-pending="true"]`)
      .waitFor();
    await row.getByTestId('token-pending').getByText('Pending deletion - old token').waitFor();
    await row.getByTestId('token-old').getByText('Old token').waitFor();
    await row.getByTestId('token-new').getByText('New token').waitFor();
    // "later" sets no deadline on the old token.
    expect(
      await row
        .getByTestId('token-old')
        .getByText(/stops working/i)
        .count(),
    ).toBe(0);
    await page
      .getByTestId('alert-summary-banner')
      .getByText(/pending deletion: 1/i)
      .waitFor();
  });

  it('deletes the old token from the row menu: the old is refused, the new still works', async () => {
    await openRowMenu(page, RENEWED_NAME);
    await page.getByTestId('action-delete-old-token').click();
    await confirmModal(page, 'confirm-delete-old-token');
    await page
      .locator(`[data-testid="api-key-row"][data-key="${renewedKey}"]:not([data-renewal-pending])`)
      .waitFor();
    expect(await keyRow(page, renewedKey).getByTestId('token-pending').count()).toBe(0);

    await refused(renewedKey, oldToken);
    expect((await keyward.verifyKey(renewedKey, oldToken)).code).toBe('INVALID_CREDENTIALS');
    await works(renewedKey, newToken);
  });

  let linkedKey = '';
  let linkedToken = '';
  let linkUrl = '';

  it('trades a new key’s token for a single-access link in the reveal', async () => {
    ({ key: linkedKey, token: linkedToken } = await generateKey(page, LINKED_NAME, [
      READ_ONLY_ROLE,
    ]));
    seenTokens.push(linkedToken);
    await page.getByTestId('create-single-access-link').click();
    await page.getByTestId('single-access-link').waitFor();
    linkUrl = await copyFieldValue(page, 'single-access-link');
    expect(linkUrl).toMatch(new RegExp(`^${keyward.url}/credentials/[^/?#]+$`));
    expect(linkUrl).not.toContain(linkedToken);
    // The token left the screen for the link.
    expect(await page.getByTestId('revealed-token').count()).toBe(0);
    expect(await page.getByTestId('single-access-link-expiry').textContent()).toMatch(/\d/);
    await closeReveal(page, linkedKey);
  });

  it('reveals key and token once to a visitor with no session', async () => {
    const visitor = await browser.newContext({ locale: 'en-US' });
    try {
      const visit = await visitor.newPage();
      await visit.goto(linkUrl);
      await visit.getByTestId('credentials-reveal').click();
      await visit.getByTestId('credentials-token').waitFor();
      expect(await copyFieldValue(visit, 'credentials-key')).toBe(linkedKey);
      const revealed = await copyFieldValue(visit, 'credentials-token');
      expect(revealed).toBe(linkedToken);
      expect(await keyward.verifyKey(linkedKey, revealed)).toMatchObject({
        valid: true,
        code: 'VALID',
        account: 'demo',
      });
    } finally {
      await visitor.close();
    }
  });

  it('says the link has expired when it is opened again', async () => {
    const visitor = await browser.newContext({ locale: 'en-US' });
    try {
      const visit = await visitor.newPage();
      await visit.goto(linkUrl);
      await visit.getByTestId('credentials-reveal').click();
      await visit.getByTestId('credentials-expired').waitFor();
      expect(await visit.getByTestId('credentials-token').count()).toBe(0);
      expect(await visit.content()).not.toContain(linkedToken);
    } finally {
      await visitor.close();
    }
  });

  /** "Expires …" of a token created moments ago under a 1-day duration, and its date. */
  const expectDueInOneDay = (expiry: { text: string; at: number }) => {
    expect(expiry.at - Date.now()).toBeLessThan(DAY + 60_000);
    expect(expiry.at - Date.now()).toBeGreaterThan(DAY - 60 * 60 * 1000);
    expect(expiry.text).toMatch(/^Expires (in 2[34] hours|tomorrow|in 1 day)$/);
  };

  it('saves a custom duration of 1 day, and the server counts token expiry from it', async () => {
    const before = await tokenExpiry(renewedKey);
    expect(before.text).toBe('Expires in 3 months');
    expect(Math.abs(before.at - Date.now() - 90 * DAY)).toBeLessThan(DAY);

    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-duration-custom').check();
    await page.getByTestId('settings-duration-days').fill('1');
    await page.getByTestId('settings-save').click();
    await page.getByText('Settings saved').first().waitFor();

    const result = await keyward.graphqlAsKey(
      '{ generatedKeys(first: 50) { edges { node { key tokenExpiresAt alertLevel } } } }',
      renewedKey,
      newToken,
    );
    expect(result.errors).toBeUndefined();
    const nodes = (
      result.data as {
        generatedKeys: {
          edges: { node: { key: string; tokenExpiresAt: string; alertLevel: string } }[];
        };
      }
    ).generatedKeys.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(2);
    for (const node of nodes) {
      expect(node.alertLevel).toBe('NONE');
      const dueIn = new Date(node.tokenExpiresAt).getTime() - Date.now();
      expect(dueIn).toBeGreaterThan(DAY - 60 * 60 * 1000);
      expect(dueIn).toBeLessThan(DAY + 60_000);
    }
  });

  it('shows the new expiry on the Generated tab as soon as the settings are saved', async () => {
    await page.getByTestId('tab-generated').click();
    await keyRow(page, renewedKey).waitFor();
    await expect
      .poll(async () => (await tokenExpiry(renewedKey)).at - Date.now(), { timeout: 5_000 })
      .toBeLessThan(DAY + 60_000);
    expectDueInOneDay(await tokenExpiry(renewedKey));
    expectDueInOneDay(await tokenExpiry(linkedKey));
  });

  it('shows the new expiry, about 1 day, after a reload', async () => {
    await page.reload();
    await keyRow(page, renewedKey).waitFor();
    expectDueInOneDay(await tokenExpiry(renewedKey));
    expectDueInOneDay(await tokenExpiry(linkedKey));
  });

  it('shows no renewal alert for fresh tokens, and the alert filter and banner render', async () => {
    // Colours by age (orange past the duration, red three months past it) need a clock the
    // real server does not let us move: the server tests cover them with a controlled clock.
    expect(await page.getByTestId('token-alert-badge').count()).toBe(0);
    expect(await page.getByTestId('alert-summary-banner').count()).toBe(0);

    const filter = page.getByTestId('api-keys-alert-filter');
    await filter.selectOption('ORANGE');
    await page.waitForURL(/[?&]alert=ORANGE/);
    await page.getByTestId('api-keys-no-match').waitFor();
    await filter.selectOption('NONE');
    await keyRow(page, renewedKey).waitFor();
    await keyRow(page, linkedKey).waitFor();
    await filter.selectOption('');
    await keyRow(page, renewedKey).waitFor();
  });

  const download = async (testId: 'export-csv' | 'export-xlsx'): Promise<Download> => {
    await page.getByTestId('export-menu').click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(testId).click(),
    ]);
    return file;
  };

  it('exports the Generated tab as CSV (UTF-8 with BOM), with no token', async () => {
    const file = await download('export-csv');
    expect(file.suggestedFilename()).toMatch(/^api-keys-generated-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toBe(
      'id,key,name,roles,created date,token created date,new-token created date,status,last used,created by',
    );
    expect(rows).toHaveLength(2);
    expect(rows.some((row) => row.includes(renewedKey) && row.includes(RENEWED_NAME))).toBe(true);
    expect(rows.some((row) => row.includes(linkedKey) && row.includes(LINKED_NAME))).toBe(true);
    expect(csv).not.toContain('kwt_');
    for (const token of seenTokens) expect(csv).not.toContain(token);
  });

  it('exports every key as XLSX, with readable headers on both sheets and no token', async () => {
    const file = await download('export-xlsx');
    expect(file.suggestedFilename()).toMatch(/^api-keys-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await readWorkbook(await readFile(await file.path()));
    expect([...sheets.keys()]).toEqual(['Generated keys', 'External keys']);

    const [generatedHeader, ...generated] = sheets.get('Generated keys') ?? [];
    expect(generatedHeader).toEqual([
      'ID',
      'Key',
      'Name',
      'Roles',
      'Created (UTC)',
      'Token created (UTC)',
      'New token created (UTC)',
      'Status',
      'Last used (UTC)',
      'Created by',
    ]);
    expect(generated.map((row) => row[1]).sort()).toEqual([renewedKey, linkedKey].sort());
    expect(generated.find((row) => row[1] === renewedKey)?.[2]).toBe(RENEWED_NAME);
    expect(generated.find((row) => row[1] === renewedKey)?.[7]).toBe('Active');

    const [externalHeader, ...external] = sheets.get('External keys') ?? [];
    expect(externalHeader).toEqual([
      'ID',
      'Key',
      'Owner account',
      'Roles',
      'Added (UTC)',
      'Status',
    ]);
    expect(external).toHaveLength(1);
    expect(external[0]?.[2]).toBe('partner');

    const cells = JSON.stringify([...sheets.values()]);
    expect(cells).not.toContain('kwt_');
  });

  it('renews straight into a single-access link: the new token is never on screen', async () => {
    await openRowMenu(page, RENEWED_NAME);
    await page.getByTestId('action-renew-token').click();
    await page.getByTestId('token-reveal-SINGLE_ACCESS_LINK').check();
    await page.getByTestId('renew-submit').click();
    await page.getByTestId('single-access-link').waitFor();
    expect(await page.getByTestId('revealed-token').count()).toBe(0);
    const url = await copyFieldValue(page, 'single-access-link');
    await page.getByTestId('reveal-close').click();
    const visitor = await browser.newContext({ locale: 'en-US' });
    try {
      const visit = await visitor.newPage();
      await visit.goto(url);
      await visit.getByTestId('credentials-reveal').click();
      await visit.getByTestId('credentials-token').waitFor();
      const token = await copyFieldValue(visit, 'credentials-token');
      seenTokens.push(token);
      expect((await keyward.verifyKey(renewedKey, token)).code).toBe('VALID');
    } finally {
      await visitor.close();
    }
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });

  it('never wrote a clear token to the server logs or the SQLite files', () => {
    expect(seenTokens).toHaveLength(4);
    // The check can see the database: the public key identifiers are stored in clear.
    expect(databaseFilesContaining(keyward, renewedKey)).not.toEqual([]);
    for (const token of seenTokens) {
      expect(token).toMatch(/^kwt_/);
      expect(keyward.logs).not.toContain(token);
      expect(databaseFilesContaining(keyward, token)).toEqual([]);
    }
  });
});
