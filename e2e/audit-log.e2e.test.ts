import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';
import { signIn } from './support/keyward-ui.js';

/**
 * Issue 15 §2: choosing an action and then "All actions" or "Clear filters" re-sent AuditEvents
 * dozens of times, alternating filtered and unfiltered, and could leave the page stuck.
 */
describe.skipIf(!chromiumAvailable)('audit log filters, end to end in Chromium', () => {
  let keyward: KeywardProcess;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    [keyward, browser] = await Promise.all([KeywardProcess.start(), launchChromium()]);
    const context = await browser.newContext({ baseURL: keyward.url, locale: 'en-US' });
    page = await context.newPage();
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.url().endsWith('/graphql') && body.includes('"operationName":"AuditEvents"')) {
        requests.push(body);
      }
    });
    await signIn(page);
    // Some events of another action than the one filtered on, made through the API.
    for (const name of ['Audit filter key', 'Audit filter key 2']) {
      const response = await page.request.post('/graphql', {
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        data: {
          query:
            'mutation($name: String!) { generateApiKey(input: { name: $name }) { apiKey { id } } }',
          variables: { name },
        },
      });
      expect(response.ok()).toBe(true);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await keyward?.stop();
  });

  const settle = () => page.waitForTimeout(2_500);
  const action = () => page.getByTestId('audit-filter-action');

  it('sends exactly one request when the action goes back to All actions', async () => {
    await page.goto('/account/audit');
    await page.getByTestId('audit-event-row').first().waitFor();
    await settle();
    const first = requests.length;
    await action().selectOption('api-key.generated');
    await settle();
    expect(requests.slice(first)).toHaveLength(1);
    const before = requests.length;
    await action().selectOption('');
    await settle();
    expect(requests.slice(before)).toHaveLength(1);
    expect(new URL(page.url()).searchParams.get('action')).toBeNull();
    expect(await action().inputValue()).toBe('');
    expect(await page.locator('.mantine-LoadingOverlay-root').count()).toBe(0);
  });

  it('sends exactly one request when the filters are cleared', async () => {
    await action().selectOption('api-key.generated');
    await settle();
    const before = requests.length;
    await page.getByTestId('audit-clear-filters').click();
    await settle();
    expect(requests.slice(before)).toHaveLength(1);
    expect(await action().inputValue()).toBe('');
    expect(await page.getByTestId('audit-event-row').count()).toBeGreaterThan(1);
  });
});
