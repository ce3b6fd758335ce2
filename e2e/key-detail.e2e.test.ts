import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';
import { closeReveal, generateKey, keyRow, signIn } from './support/keyward-ui.js';

/** Issue 18, U1: the key detail page, opened from the key's name in the Generated list. */
describe.skipIf(!chromiumAvailable)('key detail page, end to end in Chromium', () => {
  let keyward: KeywardProcess;
  let browser: Browser;
  let page: Page;
  /** JavaScript files the browser fetched, in order. */
  const scripts: string[] = [];

  beforeAll(async () => {
    [keyward, browser] = await Promise.all([KeywardProcess.start(), launchChromium()]);
    // axe is injected as an inline script.
    const context = await browser.newContext({
      baseURL: keyward.url,
      locale: 'en-US',
      bypassCSP: true,
    });
    page = await context.newPage();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
    await keyward?.stop();
  });

  it('opens from the list, with the chart library loaded only then', async () => {
    const { key } = await generateKey(page, 'Detail page key');
    await closeReveal(page, key);
    const row = keyRow(page, key);
    await expect(
      row.getByRole('img', { name: '0 verifications in the last 7 days' }).count(),
    ).resolves.toBe(1);
    const beforeDetail = scripts.length;

    await row.getByRole('link', { name: 'Details of Detail page key' }).click();
    await page.getByRole('heading', { name: 'Detail page key' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/account\/api-keys\/generated\/[\w-]+$/);
    // The detail page brought its own chunk(s); the Generated tab had none of them.
    const detailChunks = scripts.slice(beforeDetail);
    expect(detailChunks.length).toBeGreaterThan(0);
    expect(scripts.slice(0, beforeDetail)).not.toEqual(expect.arrayContaining(detailChunks));

    await page.getByTestId('usage-summary').waitFor();
    expect(await page.getByTestId('usage-summary').textContent()).toBe(
      'No verifications in this range.',
    );
    await expect(page.getByTestId('key-token').textContent()).resolves.toContain('Current token');
    const trail = page.getByTestId('key-audit-trail');
    await trail.getByText('API key generated').waitFor();
  });

  it('switches range and shows the figures as a table, accessibly', async () => {
    await page.getByText('90 days').click();
    await page.getByRole('button', { name: 'Show as table' }).click();
    await page.getByTestId('usage-table').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show as chart' }).click();
    await page.getByTestId('usage-chart').waitFor();
    await page.getByRole('link', { name: 'Generated' }).click();
    await page.getByTestId('api-keys-table').waitFor();
  });
});
