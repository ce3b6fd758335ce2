import type { Page } from 'playwright-core';

/** The demo admin the seed creates (README); it owns `demo` (Demo Store) and `partner` (Partner Agency). */
export const DEMO_ADMIN = { email: 'admin@example.com', password: 'keyward-demo' } as const;

/** The Generated tab's main button: `generate-api-key`, or `generate-api-key-empty` on an empty list. */
export const generateButton = (page: Page) =>
  page.getByTestId('generate-api-key').or(page.getByTestId('generate-api-key-empty')).first();

export const signIn = async (page: Page) => {
  await page.goto('/');
  await page.getByTestId('sign-in-email').fill(DEMO_ADMIN.email);
  await page.getByTestId('sign-in-password').fill(DEMO_ADMIN.password);
  await page.getByTestId('sign-in-submit').click();
  await generateButton(page).waitFor();
};

/** A generated key's row, by its public identifier. */
export const keyRow = (page: Page, key: string) =>
  page.locator(`[data-testid="api-key-row"][data-key="${key}"]`);

/** Opens a generated key's row menu (accessible name "Actions for <name>"). */
export const openRowMenu = (page: Page, name: string) =>
  page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();

/** Clicks a modal's confirm button and waits for the modal to close. */
export const confirmModal = async (page: Page, testId: string) => {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).waitFor({ state: 'detached' });
};

/** Picks options in one of the SPA's role MultiSelects, then closes its dropdown. */
export const pickRoles = async (page: Page, inputTestId: string, roles: readonly string[]) => {
  await page.getByTestId(inputTestId).click();
  for (const role of roles) await page.getByRole('option', { name: role }).click();
  await page.keyboard.press('Escape');
};

/** Reads a read-only CopyField (key, token, link) in the reveal or on the credentials page. */
export const copyFieldValue = (page: Page, testId: string) => page.getByTestId(testId).inputValue();

/**
 * Generates a key through the UI and reads key and token from the one-time reveal, which is
 * left open (the caller may trade the token for a single-access link, then close it).
 */
export const generateKey = async (page: Page, name: string, roles: readonly string[] = []) => {
  await generateButton(page).click();
  await page.getByTestId('api-key-name-input').fill(name);
  if (roles.length > 0) await pickRoles(page, 'api-key-roles-input', roles);
  await page.getByTestId('generate-api-key-submit').click();
  await page.getByTestId('revealed-token').waitFor();
  const key = await copyFieldValue(page, 'revealed-key');
  const token = await copyFieldValue(page, 'revealed-token');
  return { key, token };
};

/** Closes the reveal and waits for the row of the key it showed. */
export const closeReveal = async (page: Page, key: string) => {
  await page.getByTestId('reveal-close').click();
  await page.getByTestId('reveal-close').waitFor({ state: 'detached' });
  await keyRow(page, key).waitFor();
};

/**
 * Switches account with the header's native select (options labelled by account name) and
 * waits until the switcher shows it and the Generated tab of that account has loaded.
 */
export const switchAccount = async (page: Page, accountName: string) => {
  const switcher = page.getByTestId('account-switcher');
  await switcher.selectOption({ label: accountName });
  await page.waitForFunction((name) => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="account-switcher"]');
    return select?.selectedOptions[0]?.textContent === name && !select.disabled;
  }, accountName);
  // Switching keeps the current page; these tests continue from the Generated tab.
  if (!/\/account\/api-keys\/generated/.test(page.url())) {
    await page.getByTestId('nav-api-keys').click();
    await page.getByTestId('tab-generated').click();
  }
  await page.waitForURL(/\/account\/api-keys\/generated/);
  await page
    .getByTestId('api-key-row')
    .first()
    .or(page.getByTestId('api-keys-empty'))
    .first()
    .waitFor();
};
