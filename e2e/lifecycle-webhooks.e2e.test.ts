import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './support/browser.js';
import { KeywardProcess } from './support/keyward-process.js';
import { confirmModal, signIn } from './support/keyward-ui.js';

/**
 * Issue 18, W1: an admin subscribes a receiver on the settings page, a key change reaches it
 * signed, and the delivery log shows it delivered; deleting the endpoint asks first.
 */
describe.skipIf(!chromiumAvailable)('lifecycle webhooks, end to end in Chromium', () => {
  let keyward: KeywardProcess;
  let browser: Browser;
  let page: Page;
  let receiver: Server;
  const received: { event: string; signature: string; body: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({
          event: String(req.headers['x-keyward-event']),
          signature: String(req.headers['x-keyward-signature']),
          body,
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // The receiver is on loopback: the operator allows it, as an on-premise receiver would be.
    process.env.KEYWARD_WEBHOOK_ALLOW = '127.0.0.1';
    [keyward, browser] = await Promise.all([KeywardProcess.start(), launchChromium()]);
    const context = await browser.newContext({ baseURL: keyward.url, locale: 'en-US' });
    page = await context.newPage();
    await signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
    await keyward?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    delete process.env.KEYWARD_WEBHOOK_ALLOW;
  });

  const receiverUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  it('adds an endpoint, delivers a key.created event to it and logs the delivery', async () => {
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-form').waitFor();
    await page.getByTestId('webhook-add').click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook endpoint' });
    await dialog.getByTestId('webhook-url').fill(receiverUrl());
    await dialog.getByRole('checkbox', { name: 'Key created' }).check();
    await dialog.getByTestId('webhook-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('webhook-endpoint-row').waitFor();

    const response = await page.request.post('/graphql', {
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      data: {
        query:
          'mutation { generateApiKey(input: { name: "Webhook e2e" }) { token apiKey { key } } }',
      },
    });
    const { data } = (await response.json()) as {
      data: { generateApiKey: { token: string; apiKey: { key: string } } };
    };
    // The dispatcher runs every 5 seconds.
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(received[0]!.event).toBe('key.created');
    expect(received[0]!.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      type: 'key.created',
      data: { key: data.generateApiKey.apiKey.key, keyName: 'Webhook e2e' },
    });
    expect(received[0]!.body).not.toContain(data.generateApiKey.token);

    await page.getByRole('button', { name: `Actions for ${receiverUrl()}`, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Delivery log' }).click();
    const row = page.getByTestId('webhook-delivery-row').first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('DELIVERED');
    expect(await row.textContent()).toContain('HTTP 204');
    await page.keyboard.press('Escape');
  });

  it('deletes the endpoint after confirmation', async () => {
    await page.getByRole('button', { name: `Actions for ${receiverUrl()}`, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await confirmModal(page, 'confirm-delete-webhook');
    await page.getByTestId('webhook-endpoints-empty').waitFor();
  });
});
