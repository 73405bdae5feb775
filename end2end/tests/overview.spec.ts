import { STAFF, expect, signIn, test } from './support';

/**
 * The management page's overview: today's figures next to yesterday's; an order placed
 * counts at once in today's orders and revenue.
 */

/** The value of one figure of the overview, such as "Orders". */
function figure(page: import('@playwright/test').Page, name: string) {
  return page.getByTestId('overview').locator('.tile').filter({ has: page.getByRole('term').filter({ hasText: name }) }).locator('.tile-value');
}

test("the overview counts an order placed today in today's orders and revenue", async ({ page, playwright, baseURL }) => {
  await signIn(page, STAFF.manager, '/staff/manage');
  const card = page.getByRole('article', { name: 'Today so far' });
  await expect(card).toBeVisible();
  const before = Number(await figure(page, 'Orders').innerText());
  const revenueBefore = Number((await figure(page, 'Revenue').innerText()).replace('$', ''));

  const customer = await playwright.request.newContext({ baseURL });
  const placed = await customer.post('/api/orders', {
    data: {
      customer_name: `Overview Olga ${Date.now()}`,
      customer_phone: '+1 555-010-0900',
      customer_address: '5 Tally Road',
      payment_method: 'cash',
      pizza_items: [{ pizza_id: 'margherita', size: 'medium', quantity: 2 }],
    },
  });
  expect(placed.status()).toBe(201);
  const { total_amount: total } = await placed.json();
  await customer.dispose();

  // The views take a moment to count it: read the page again until they have.
  await expect(async () => {
    await page.reload();
    await expect(figure(page, 'Orders')).toHaveText(String(before + 1), { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  const revenueAfter = Number((await figure(page, 'Revenue').innerText()).replace('$', ''));
  expect(revenueAfter).toBeCloseTo(revenueBefore + Number(total), 2);
  await expect(card).toContainText('on yesterday');
});

test('the kitchen card times the orders cooked this week and names the chef who started them', async ({ page, playwright, baseURL }) => {
  // An order the chef cooks and marks ready.
  const kitchen = await playwright.request.newContext({ baseURL });
  expect((await kitchen.post('/api/auth/login', { data: STAFF.chef })).status()).toBe(200);
  const placed = await kitchen.post('/api/orders', {
    data: {
      customer_name: `Timed Tom ${Date.now()}`,
      customer_phone: '+1 555-010-0901',
      customer_address: '6 Clock Street',
      payment_method: 'cash',
      pizza_items: [{ pizza_id: 'funghi', size: 'small', quantity: 1 }],
    },
  });
  const { order_id: orderId } = await placed.json();
  for (const step of ['cook', 'ready']) {
    expect((await kitchen.put(`/api/orders/${orderId}/${step}`)).status()).toBe(200);
  }
  await kitchen.dispose();

  await signIn(page, STAFF.manager, '/staff/manage');
  const card = page.getByRole('article', { name: 'Kitchen' });
  await expect(async () => {
    await page.reload();
    await expect(card.getByRole('row', { name: /^chef \d+/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(card.getByTestId('kitchen-performance')).toContainText('Orders cooked');
  await expect(card.getByTestId('kitchen-performance')).toContainText(/On time\s*\d+%/);
});
