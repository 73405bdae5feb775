import { UUID, STAFF, checkOut, expect, expectSameDocument, markDocument, openMenuAndAddOnceHydrated, signIn, test } from './support';

/**
 * The staff dashboard with live updates: a chef sees a customer's order arrive and moves
 * it along while the customer watches, a manager's price change reaches the menu, and
 * nobody without a session gets in.
 */

/** The first block of an order id as the pages show it, `0F8FAD5B`. */
function shortId(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

test('a chef sees a new order live and cooks it while the customer watches', async ({ browser, page }) => {
  // The chef, signed in on the kitchen page, waiting for its live stream.
  await signIn(page, STAFF.chef, '/staff/kitchen');
  await expect(page.getByRole('heading', { level: 1, name: 'Kitchen' })).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveText(/live/i, { timeout: 20_000 });
  await markDocument(page);

  // A customer, in a browser context of their own, places an order.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  const customerName = `Live Lucia ${Date.now()}`;
  await openMenuAndAddOnceHydrated(customer, 'Margherita');
  const orderId = await checkOut(customer, customerName);
  expect(orderId).toMatch(new RegExp(`^${UUID}$`, 'i'));
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*pending\s*$/i);
  await markDocument(customer);

  // It shows up in the kitchen without a reload.
  const ticket = page.getByRole('article', { name: `Order ${shortId(orderId)} for ${customerName}` });
  await expect(ticket).toBeVisible({ timeout: 5_000 });
  await expect(ticket).toContainText('Margherita');

  // Start cooking: the customer's page follows.
  await ticket.getByRole('button', { name: 'Start cooking' }).click();
  await expect(ticket.getByRole('button', { name: 'Mark ready' })).toBeVisible();
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*cooking\s*$/i);

  // Ready: it leaves the kitchen and the customer sees it.
  await ticket.getByRole('button', { name: 'Mark ready' }).click();
  await expect(ticket).toHaveCount(0);
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*ready\s*$/i);
  // The timeline names who took each step, from the live updates alone.
  const timeline = customer.getByTestId('order-timeline');
  await expect(timeline).toContainText('Cooking started by chef');
  await expect(timeline).toContainText('Marked ready by chef');

  await expectSameDocument(page);
  await expectSameDocument(customer);
  await customerContext.close();
});

test('a driver takes a ready order out and delivers it while the customer watches', async ({ browser, page, playwright, baseURL }) => {
  // An order the kitchen has finished, moved along through the REST API as the chef.
  const kitchen = await playwright.request.newContext({ baseURL });
  const signedIn = await kitchen.post('/api/auth/login', { data: STAFF.chef });
  expect(signedIn.status()).toBe(200);
  const customerName = `Road Rosa ${Date.now()}`;
  const placed = await kitchen.post('/api/orders', {
    data: {
      customer_name: customerName,
      customer_phone: '+1 555-010-0500',
      customer_address: '9 Crust Avenue',
      payment_method: 'cash',
      pizza_items: [{ pizza_id: 'pepperoni', size: 'large', quantity: 1 }],
    },
  });
  expect(placed.status()).toBe(201);
  const { order_id: orderId, position } = await placed.json();
  for (const step of ['cook', 'ready']) {
    const moved = await kitchen.put(`/api/orders/${orderId}/${step}`);
    expect(moved.status(), `PUT ${step}`).toBe(200);
  }
  await kitchen.dispose();

  // The customer follows the order.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(`/orders/${orderId}?after=${position}`);
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*ready\s*$/i);
  await markDocument(customer);

  // The driver finds it on the delivery board, with where to go and what to collect.
  await signIn(page, STAFF.driver, '/staff/delivery');
  await expect(page.getByTestId('live-status')).toHaveText(/live/i, { timeout: 20_000 });
  await markDocument(page);
  const ticket = page.getByRole('article', { name: `Order ${shortId(orderId)} for ${customerName}` });
  await expect(ticket).toContainText('9 Crust Avenue');
  await expect(ticket).toContainText('cash to collect');
  await expect(ticket.getByLabel('Driver')).toHaveValue('driver');

  await ticket.getByRole('button', { name: 'Out for delivery' }).click();
  await expect(ticket.getByRole('button', { name: 'Delivered' })).toBeVisible();
  // It is on the driver's own tour now, which sums up the cash to collect.
  const tour = page.getByRole('region', { name: 'My tour' });
  await expect(tour.getByRole('article', { name: `Order ${shortId(orderId)} for ${customerName}` })).toBeVisible();
  await expect(tour).toContainText(/\d+ stops? · \$\d+\.\d\d cash to collect/);
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*delivering\s*$/i);

  await ticket.getByRole('button', { name: 'Delivered' }).click();
  await expect(ticket).toHaveCount(0);
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*delivered\s*$/i);

  await expectSameDocument(page);
  await expectSameDocument(customer);
  await customerContext.close();
});

test("a manager's price change shows on the customer menu at its next load", async ({ browser, page, request }) => {
  const menu = (await (await request.get('/api/menu')).json()) as { id: string; base_price: string }[];
  const current = menu.find((pizza) => pizza.id === 'margherita');
  expect(current, 'Margherita is on the menu').toBeTruthy();
  // A price the menu cannot already show: the current one plus $1.11.
  const cents = Math.round(Number(current!.base_price) * 100) + 111;
  const newPrice = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

  await signIn(page, STAFF.manager, '/staff/manage');
  const row = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: 'Margherita', exact: true }),
  });
  const form = page.getByRole('form', { name: 'Edit Margherita' });
  // A click before the page has hydrated does nothing, so click until the form opens.
  await expect(async () => {
    await row.getByRole('button', { name: 'Edit', exact: true }).click({ timeout: 5_000 });
    await expect(form).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 25_000 });
  await form.getByLabel('Price (medium)').fill(newPrice);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Price of Margherita is now $${newPrice}`)).toBeVisible();
  // The list reloads with the change, and the keyboard focus comes back to its row.
  await expect(row).toContainText(`$${newPrice}`);
  await expect(row.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();

  // A customer who opens the menu now sees the new price.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto('/');
  const card = customer.getByRole('article', { name: 'Margherita', exact: true });
  await expect(card).toContainText(`$${newPrice}`);
  await customerContext.close();

  const after = (await (await request.get('/api/menu')).json()) as { id: string; base_price: string }[];
  expect(Number(after.find((pizza) => pizza.id === 'margherita')!.base_price)).toBe(Number(newPrice));
});

test('an anonymous visitor is sent to sign in and staff server functions answer 401', async ({ page, request }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();

  await page.goto('/staff/kitchen');
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fkitchen$/);

  const response = await request.post('/api/fn/start_cooking', {
    data: { order_id: '00000000-0000-4000-8000-000000000000' },
  });
  expect(response.status()).toBe(401);

  const queue = await request.post('/api/fn/get_kitchen_queue', { data: {} });
  expect(queue.status()).toBe(401);
});
