import { type Browser, type Page } from '@playwright/test';
import { STAFF, UUID, cart, expect, fillCard, openMenuAndAddOnceHydrated, signIn, test } from './support';

/**
 * A customer's account: the header says who is signed in and counts unread notifications,
 * the checkout fills in their details, each step of their order reaches their inbox (live,
 * on the order page they follow), and no other customer sees any of it.
 */

/** The first block of an order id as the pages show it, `0F8FAD5B`. */
function shortId(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

/** Signs `username` up through the sign-up form; lands on their (empty) orders. */
async function signUp(page: Page, username: string, name: string, phone: string) {
  await page.goto('/account/register');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('notify-me-please');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Phone').fill(phone);
  await page.getByLabel(/^delivery address/i).fill('12 Basil Street');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/orders$/);
}

/** The chef, in a browser context of their own, starts cooking `orderId`. */
async function chefStartsCooking(browser: Browser, orderId: string, customerName: string) {
  const kitchenContext = await browser.newContext();
  const kitchen = await kitchenContext.newPage();
  await signIn(kitchen, STAFF.chef, '/staff/kitchen');
  const ticket = kitchen.getByRole('article', { name: `Order ${shortId(orderId)} for ${customerName}` });
  await expect(ticket).toBeVisible({ timeout: 10_000 });
  await expect(async () => {
    await ticket.getByRole('button', { name: 'Start cooking' }).click({ timeout: 5_000 });
    await expect(ticket.getByRole('button', { name: 'Mark ready' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 25_000 });
  await kitchenContext.close();
}

test('a customer is told live when the chef starts cooking, reads it and dismisses it', async ({ browser, page }) => {
  const stamp = Date.now();
  const name = `Notified Nina ${stamp}`;
  await signUp(page, `nina${stamp}`, name, '+1 555-010-0700');
  const account = page.getByRole('link', { name: new RegExp(`^Your account, ${name}`) });
  await expect(account).toHaveAccessibleName(`Your account, ${name}: no unread notifications`);

  // The checkout fills in the account's details.
  await openMenuAndAddOnceHydrated(page, 'Margherita');
  await cart(page).getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByLabel(/^name\b/i)).toHaveValue(name);
  await expect(page.getByLabel(/^phone\b/i)).toHaveValue('+1 555-010-0700');
  await expect(page.getByLabel(/^delivery address\b/i)).toHaveValue('12 Basil Street');
  await page.getByRole('radio', { name: 'Card' }).check();
  await fillCard(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}`, 'i'));
  const orderId = new RegExp(`/orders/(${UUID})`, 'i').exec(page.url())![1];

  // Following the order live, the header counts "we received your order", then the
  // chef's start, without a reload.
  await expect(page.getByText('● Live')).toBeVisible({ timeout: 20_000 });
  await expect(account).toHaveAccessibleName(`Your account, ${name}: 1 unread notification`);
  await chefStartsCooking(browser, orderId, name);
  await expect(page.getByTestId('order-status')).toHaveText(/^\s*cooking\s*$/i);
  await expect(account).toHaveAccessibleName(`Your account, ${name}: 2 unread notifications`);
  await expect(page.getByTestId('unread-count')).toHaveText('2');

  // The inbox: unread first, newest first.
  await account.click();
  await expect(page).toHaveURL(/\/account$/);
  const notifications = page.getByTestId('notification');
  await expect(notifications).toHaveCount(2);
  const cooking = notifications.filter({ hasText: 'Your pizza is in the oven.' });
  await expect(notifications.first()).toContainText('Your pizza is in the oven.');
  await expect(cooking).toHaveClass(/unread/);
  await expect(cooking.getByRole('link', { name: `Order ${shortId(orderId)}` })).toBeVisible();

  // Read: a click before hydration does nothing, so click until it takes.
  await expect(async () => {
    await cooking.getByRole('button', { name: 'Mark as read' }).click({ timeout: 5_000 });
    await expect(cooking.getByRole('button', { name: 'Mark as read' })).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 25_000 });
  await expect(cooking).not.toHaveClass(/unread/);
  await expect(account).toHaveAccessibleName(`Your account, ${name}: 1 unread notification`);

  // Dismissed, it is gone, here and after a reload.
  await cooking.getByRole('button', { name: 'Dismiss' }).click();
  await expect(cooking).toHaveCount(0);
  await expect(notifications).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('notification')).toHaveCount(1);
  await expect(page.getByTestId('notification')).toContainText('We received your order.');

  // Another customer sees their own account and nothing of Nina's.
  const ids = (await (await page.request.get('/api/profile/me/notifications')).json()).notifications.map(
    (n: { id: number }) => n.id,
  );
  expect(ids).toHaveLength(1);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, `otto${stamp}`, `Other Otto ${stamp}`, '+1 555-010-0800');
  await other.goto('/account');
  await expect(other.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(other.getByLabel('Email')).toHaveValue(`otto${stamp}@example.com`);
  await expect(other.getByTestId('inbox-empty')).toBeVisible();
  await expect(other.locator('body')).not.toContainText(name);
  const profile = await (await other.request.get('/api/profile/me')).json();
  expect(profile.username).toBe(`otto${stamp}`);
  for (const action of ['read', 'dismiss']) {
    const refused = await other.request.post(`/api/profile/me/notifications/${ids[0]}/${action}`);
    expect(refused.status(), `${action} of another customer's notification`).toBe(404);
  }
  await otherContext.close();
  // Still there for Nina.
  await page.reload();
  await expect(page.getByTestId('notification')).toHaveCount(1);
});
