import { test as base, expect, type Page } from '@playwright/test';

/** What every spec shares: the page-error fixture and the customer's first steps. */

export { expect };

// Fails a test on any uncaught exception in the page (a wasm panic during hydration shows
// up as one) and on any built file (/pkg/: the CSS, the wasm, its chunks) the page could
// not load, and attaches the console's errors to the report for diagnosis.
export const test = base.extend<{ pageErrors: void }>({
  pageErrors: [
    async ({ page }, use, testInfo) => {
      const uncaught: string[] = [];
      const consoleErrors: string[] = [];
      const missingFiles: string[] = [];
      page.on('pageerror', (error) => uncaught.push(error.message));
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname;
        if (path.startsWith('/pkg/') && response.status() >= 400) {
          missingFiles.push(`${response.status()} ${path}`);
        }
      });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await use();
      if (consoleErrors.length > 0) {
        await testInfo.attach('console errors', { body: consoleErrors.join('\n') });
      }
      expect(uncaught, 'uncaught errors in the page').toEqual([]);
      expect(missingFiles, 'built files the page could not load').toEqual([]);
    },
    { auto: true },
  ],
});

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export function cart(page: Page) {
  return page.getByRole('complementary', { name: 'Your order' });
}

/**
 * Opens the menu and adds one pizza with its default options, clicking until the cart
 * shows it: a click that lands before the wasm has hydrated the server-rendered page
 * does nothing, and the app has no hydration marker to wait for. Once this returns the
 * page is interactive, so later steps need no retries.
 */
export async function openMenuAndAddOnceHydrated(page: Page, pizzaName: string) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Our menu' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const addButton = page.getByRole('button', { name: `Add ${pizzaName} to order`, exact: true });
  await expect(async () => {
    await addButton.click({ timeout: 5_000 });
    await expect(cart(page)).toContainText(pizzaName, { timeout: 2_000 });
  }).toPass({ timeout: 25_000 });
}


/**
 * Checks out the cart with a name, phone and address, and waits for the confirmation
 * page; answers the order's id.
 */
export async function checkOut(page: Page, customerName: string): Promise<string> {
  await cart(page).getByRole('link', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/checkout\/?$/);
  await page.getByLabel(/^name\b/i).fill(customerName);
  await page.getByLabel(/^phone\b/i).fill('+1 555-010-0300');
  await page.getByLabel(/^delivery address\b/i).fill('7 Oven Lane');
  await page.getByRole('radio', { name: 'Card' }).check();
  await fillCard(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}`, 'i'));
  return new RegExp(`/orders/(${UUID})`, 'i').exec(page.url())![1];
}

/** The payment simulator's test cards. */
export const TEST_CARDS = {
  approved: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
};

/** Fills the checkout's card fields with `number`, expiring 12/2030. */
export async function fillCard(page: Page, number: string = TEST_CARDS.approved) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry month').fill('12');
  await page.getByLabel('Expiry year').fill('2030');
  await page.getByLabel('Security code').fill('123');
}

/** The staff accounts scripts/test starts the server with (`STAFF_ACCOUNTS`). */
export const STAFF = {
  chef: { username: 'chef', password: process.env.E2E_CHEF_PASSWORD ?? 'e2e-chef-pass' },
  driver: { username: 'driver', password: process.env.E2E_DRIVER_PASSWORD ?? 'e2e-driver-pass' },
  manager: { username: 'manager', password: process.env.E2E_MANAGER_PASSWORD ?? 'e2e-manager-pass' },
};

/** Signs in through the sign-in page, asking for `next`, and waits to land there. */
export async function signIn(page: Page, who: { username: string; password: string }, next: string) {
  await page.goto(`/staff/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(next)}$`));
}

/**
 * Marks the page's current document, so a test can later prove it was updated in place:
 * a reload or navigation would load a new document without the mark.
 */
export async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}

export async function expectSameDocument(page: Page) {
  const same = await page.evaluate(
    () => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
  );
  expect(same, 'the page was updated in place, not reloaded').toBe(true);
}
