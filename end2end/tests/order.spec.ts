import { type APIRequestContext, type Page } from '@playwright/test';
import { UUID, cart, checkOut, escapeRegExp, expect, fillCard, openMenuAndAddOnceHydrated, test } from './support';

/**
 * What a customer does in the browser: pick pizzas on the server-rendered menu, check out,
 * and land on the order's confirmation page. Expected prices are computed here from the
 * menu the API reports, with the same rule the app uses, so a pricing bug on either side
 * shows up as a mismatch rather than being copied into the test.
 */

// ---- pricing, as in app/src/contracts/pricing.rs -----------------------------------------

type Size = 'small' | 'medium' | 'large';

/** Size multipliers in tenths: 0.8 / 1.0 / 1.3. */
const SIZE_TENTHS: Record<Size, number> = { small: 8, medium: 10, large: 13 };
const TOPPING_CENTS = 150;

interface MenuItem {
  id: string;
  name: string;
  base_price: string;
  available_toppings: string[];
}

/** Whole cents of a non-negative decimal string with at most two decimals, e.g. "41.98". */
function cents(decimal: string | number): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(decimal).trim());
  if (!match) throw new Error(`not an amount of money: ${JSON.stringify(decimal)}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** round2(base × size multiplier + 1.50 × toppings), in cents, rounding halves up. */
function unitPriceCents(basePrice: string, size: Size, toppings: number): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(basePrice.trim());
  if (!match) throw new Error(`not a base price: ${JSON.stringify(basePrice)}`);
  const fraction = match[2] ?? '';
  // base = units / 10^scale dollars, so base × tenths / 10 in cents = units × tenths × 10 / 10^scale.
  const units = Number(match[1] + fraction);
  const numerator = units * SIZE_TENTHS[size] * 10;
  const denominator = 10 ** fraction.length;
  const sized = Math.floor((2 * numerator + denominator) / (2 * denominator));
  return sized + TOPPING_CENTS * toppings;
}

function linePriceCents(item: MenuItem, size: Size, toppings: number, quantity: number): number {
  return unitPriceCents(item.base_price, size, toppings) * quantity;
}

/** "$41.98" */
function dollars(amountInCents: number): string {
  return `$${Math.floor(amountInCents / 100)}.${String(amountInCents % 100).padStart(2, '0')}`;
}

// ---- helpers -------------------------------------------------------------------------

async function fetchMenu(request: APIRequestContext): Promise<MenuItem[]> {
  const response = await request.get('/api/menu');
  expect(response.ok(), `GET /api/menu answered ${response.status()}`).toBe(true);
  return (await response.json()) as MenuItem[];
}

function findPizza(menu: MenuItem[], id: string): MenuItem {
  const pizza = menu.find((item) => item.id === id);
  if (!pizza) throw new Error(`no pizza "${id}" in GET /api/menu: ${menu.map((i) => i.id).join(', ')}`);
  return pizza;
}

// ---- tests ---------------------------------------------------------------------------

test('a customer orders two different pizzas and sees the confirmation', async ({ page, request }) => {
  const menu = await fetchMenu(request);
  const margherita = findPizza(menu, 'margherita');
  const pepperoni = findPizza(menu, 'pepperoni');
  const topping = pepperoni.available_toppings[0];
  expect(topping, 'Pepperoni has at least one extra topping').toBeTruthy();
  const expectedCents =
    linePriceCents(margherita, 'medium', 0, 1) + linePriceCents(pepperoni, 'large', 1, 2);
  const expectedTotal = dollars(expectedCents);

  // One medium Margherita, as preselected.
  await openMenuAndAddOnceHydrated(page, margherita.name);

  // Two large Pepperoni with one extra topping.
  const card = page.getByRole('article', { name: pepperoni.name, exact: true });
  await card.getByRole('radio', { name: 'Large' }).check();
  await card.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(topping)}`, 'i') }).check();
  const quantity = card.getByLabel('Quantity');
  await quantity.fill('2');
  await quantity.blur();
  await card.getByRole('button', { name: `Add ${pepperoni.name} to order`, exact: true }).click();

  await expect(cart(page)).toContainText(pepperoni.name);
  await expect(cart(page).getByTestId('cart-total')).toHaveText(expectedTotal);

  // Checkout.
  await cart(page).getByRole('link', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/checkout\/?$/);
  await page.getByLabel(/^name\b/i).fill('Playwright Pat');
  await page.getByLabel(/^phone\b/i).fill('+1 555-010-0200');
  await page.getByLabel(/^delivery address\b/i).fill('1 Test Street');
  await page.getByRole('radio', { name: 'Cash' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();

  // Confirmation.
  // The checkout passes the position of the order's event, so the page reads its own write.
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}\\?after=\\d+$`, 'i'));
  const orderId = new RegExp(`/orders/(${UUID})`, 'i').exec(page.url())![1];
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Order');
  await expect(page.getByTestId('order-status')).toHaveText(/^\s*pending\s*$/i);
  await expect(page.getByTestId('order-total')).toHaveText(expectedTotal);

  // The API agrees with the page.
  const response = await request.get(`/api/orders/${orderId}`);
  expect(response.ok(), `GET /api/orders/${orderId} answered ${response.status()}`).toBe(true);
  const order = await response.json();
  expect(order.status).toBe('pending');
  expect(cents(order.total_amount)).toBe(expectedCents);
  expect(order.items).toHaveLength(2);
  const pepperoniLine = order.items.find((line: { pizza_id: string }) => line.pizza_id === 'pepperoni');
  expect(pepperoniLine).toMatchObject({ size: 'large', quantity: 2, toppings: [topping] });
});

test("checkout shows the server's field errors inline", async ({ page }) => {
  await openMenuAndAddOnceHydrated(page, 'Margherita');
  await cart(page).getByRole('link', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/checkout\/?$/);

  // Name left empty, phone too short.
  await page.getByLabel(/^phone\b/i).fill('12');
  await page.getByLabel(/^delivery address\b/i).fill('1 Test Street');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByText('Please enter your name.')).toBeVisible();
  await expect(page.getByText(/phone number has 7 to 20 digits/i)).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/?$/);
});

test('the menu is server-rendered', async ({ request }) => {
  const response = await request.get('/', { headers: { Accept: 'text/html' } });
  expect(response.ok(), `GET / answered ${response.status()}`).toBe(true);
  const html = await response.text();
  expect(html).toContain('Our menu');
  expect(html).toContain('Margherita');
  expect(html).toContain('Pepperoni');
  expect(html).toMatch(/\$\d+\.\d{2}/);
});

// ---- lazy routes ---------------------------------------------------------------------
// Checkout and the confirmation page are lazy routes: their code is a wasm chunk of its
// own. Opened first (a shared link, a reload), the browser must fetch that chunk before
// it can hydrate the server's HTML; a page that never hydrates would still look right,
// so these tests check that a link then navigates without reloading the document.

/** Marks the window, follows `link` and reports whether the same document is still open. */
async function followsLinkWithoutReload(page: Page, linkName: string): Promise<boolean> {
  await page.evaluate(() => ((window as unknown as { hydrated: boolean }).hydrated = true));
  await page.getByRole('link', { name: linkName }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our menu' })).toBeVisible();
  return page.evaluate(() => (window as unknown as { hydrated?: boolean }).hydrated === true);
}

test('a confirmation link opened directly shows the order and hydrates', async ({ page, request }) => {
  const placed = await request.post('/api/orders', {
    data: {
      customer_name: 'Direct Link Dana',
      customer_phone: '+1 555-010-0300',
      customer_address: '2 Test Street',
      payment_method: 'card',
      card: { number: '4242 4242 4242 4242', exp_month: 12, exp_year: 2030, cvc: '123' },
      pizza_items: [{ pizza_id: 'margherita', size: 'small', quantity: 1 }],
    },
  });
  expect(placed.ok(), `POST /api/orders answered ${placed.status()}`).toBe(true);
  const { order_id: orderId, position } = await placed.json();
  const url = `/orders/${orderId}?after=${position}`;

  // The server renders the order into the first HTML, lazy route or not.
  const html = await (await request.get(url, { headers: { Accept: 'text/html' } })).text();
  expect(html).toContain('Order confirmed');
  expect(html).toContain('Direct Link Dana');

  await expect(async () => {
    await page.goto(url);
    await expect(page.getByTestId('order-status')).toHaveText(/^\s*pending\s*$/i);
    // (No wait for network idle: the page keeps its live stream open.) A click before
    // hydration reloads the document, and the attempt is repeated.
    expect(await followsLinkWithoutReload(page, 'Order more')).toBe(true);
  }).toPass({ timeout: 25_000 });
});

test('checkout opened directly hydrates and shows the empty cart', async ({ page }) => {
  await expect(async () => {
    await page.goto('/checkout');
    // Built in the browser from the saved cart, so only a hydrated page shows it.
    await expect(page.getByText('Your order is empty.')).toBeVisible({ timeout: 5_000 });
    expect(await followsLinkWithoutReload(page, 'Back to the menu')).toBe(true);
  }).toPass({ timeout: 25_000 });
});

test('checkout reloaded with a saved cart hydrates and places the order', async ({ page }) => {
  await openMenuAndAddOnceHydrated(page, 'Margherita');
  // A full page load: the cart comes back from localStorage once checkout has hydrated.
  await page.goto('/checkout');
  await page.getByLabel(/^name\b/i).fill('Reload Robin');
  await page.getByLabel(/^phone\b/i).fill('+1 555-010-0400');
  await page.getByLabel(/^delivery address\b/i).fill('3 Test Street');
  await fillCard(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}\\?after=\\d+$`, 'i'));
  await expect(page.getByTestId('order-status')).toHaveText(/^\s*pending\s*$/i);
});

test('a customer signs up, orders, cancels and finds the order in their own history', async ({ page }) => {
  // The sign-up is a plain form: it works before the page hydrates.
  const username = `carla${Date.now()}`;
  await page.goto('/account/register');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('cancel-me-please');
  await page.getByLabel('Name', { exact: true }).fill('Cancelling Carla');
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Phone').fill('+1 555-010-0600');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByTestId('history-empty')).toContainText('No orders on your account yet');

  await openMenuAndAddOnceHydrated(page, 'Margherita');
  const orderId = await checkOut(page, 'Cancelling Carla');
  await expect(page.getByTestId('order-status')).toHaveText(/^\s*pending\s*$/i);
  // A click before hydration does nothing, so click until the confirmation opens.
  const confirm = page.getByRole('button', { name: 'Confirm cancellation' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Cancel order' }).click({ timeout: 5_000 });
    await expect(confirm).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 25_000 });
  await page.getByLabel('Reason (optional)').fill('Ordered twice by mistake');
  await confirm.click();
  await expect(page.getByTestId('order-status')).toHaveText(/^\s*cancelled\s*$/i);
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);

  // Their history lists it, and a cancelled order counts in no total.
  await page.goto('/orders');
  await expect(page.getByTestId('history-orders')).toContainText(orderId.slice(0, 8).toUpperCase());
  await expect(page.getByTestId('history-orders')).toContainText('cancelled');
  await expect(page.getByTestId('history-order-count')).toHaveText('0');

  // Signed out, the same page shows no order, and neither does a phone number.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/account\/login\?signed_out=1$/);
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  for (const path of ['/orders', `/orders?phone=${encodeURIComponent('+1 555-010-0300')}`]) {
    await page.goto(path);
    await expect(page.getByTestId('history-sign-in')).toBeVisible();
    await expect(page.getByTestId('history-orders')).toHaveCount(0);
  }
});
