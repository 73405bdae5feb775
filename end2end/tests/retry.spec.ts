import { type APIRequestContext, type Page } from '@playwright/test';
import { STAFF, UUID, cart, expect, fillCard, openMenuAndAddOnceHydrated, test } from './support';

/**
 * Placing an order is retry-safe: every attempt at one order carries the same
 * idempotency key, so a double click, or a second click after the answer was lost on
 * the way back, still leaves exactly one order.
 */

/** A phone number of this test's own, so the history holds only its orders. */
function uniquePhone(): string {
  return `+1 555 ${String(Date.now()).slice(-7)}`;
}

async function fillDelivery(page: Page, phone: string) {
  await cart(page).getByRole('link', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/checkout\/?$/);
  await page.getByLabel(/^name\b/i).fill('Retrying Rita');
  await page.getByLabel(/^phone\b/i).fill(phone);
  await page.getByLabel(/^delivery address\b/i).fill('9 Retry Road');
  await fillCard(page);
}

/** How many orders the customer with `phone` has, as the REST API reports to a manager. */
async function ordersOf(request: APIRequestContext, phone: string): Promise<number> {
  const signedIn = await request.post('/api/auth/login', { data: STAFF.manager });
  expect(signedIn.status()).toBe(200);
  const response = await request.get(`/api/customers/${encodeURIComponent(phone)}/history`);
  expect(response.status()).toBe(200);
  const history = await response.json();
  return history.orders.total;
}

test('double-clicking "Place order" places exactly one order', async ({ page, request }) => {
  const phone = uniquePhone();
  await openMenuAndAddOnceHydrated(page, 'Margherita');
  await fillDelivery(page, phone);
  await page.getByRole('button', { name: 'Place order' }).dblclick();
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}`, 'i'));
  await expect(page.getByTestId('order-status')).toHaveText(/^\s*pending\s*$/i);
  expect(await ordersOf(request, phone)).toBe(1);
});

test('placing again after a lost answer finds the first order instead of a second', async ({ page, request }) => {
  const phone = uniquePhone();
  await openMenuAndAddOnceHydrated(page, 'Margherita');
  await fillDelivery(page, phone);
  // The first attempt reaches the server and is placed, but its answer never arrives.
  let attempts = 0;
  const keys: string[] = [];
  await page.route('**/api/fn/place_order', async (route) => {
    attempts += 1;
    keys.push(JSON.parse(route.request().postData() ?? '{}').idempotency_key);
    if (attempts === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/?$/);

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}`, 'i'));
  await expect(page.getByTestId('order-status')).toHaveText(/^\s*pending\s*$/i);
  expect(attempts).toBe(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);
  expect(await ordersOf(request, phone)).toBe(1);
});
