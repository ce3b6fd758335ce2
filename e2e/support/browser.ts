import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env.KEYWARD_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium: Playwright cannot download its own browser on our machines. */
export const chromiumAvailable = existsSync(CHROMIUM);

if (!chromiumAvailable && process.env.KEYWARD_REQUIRE_E2E) {
  throw new Error(
    `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set KEYWARD_CHROMIUM.`,
  );
}
if (!chromiumAvailable) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set KEYWARD_CHROMIUM).`,
  );
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
