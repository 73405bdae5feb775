import { type Page } from '@playwright/test';
import { STAFF, TEST_CARDS, UUID, cart, expect, fillCard, openMenuAndAddOnceHydrated, signIn, test } from './support';

/**
 * Paying at checkout: a card order is charged and its page shows the card and the bill; a
 * declined card keeps the cart and says why; a driver marks a cash order's money collected.
 */

async function fillDelivery(page: Page, name: string) {
  await cart(page).getByRole('link', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/checkout\/?$/);
  await page.getByLabel(/^name\b/i).fill(name);
  await page.getByLabel(/^phone\b/i).fill('+1 555-010-0800');
  await page.getByLabel(/^delivery address\b/i).fill('8 Card Court');
}

test('a card order is paid and its page shows the card and the bill', async ({ page }) => {
  await openMenuAndAddOnceHydrated(page, 'Margherita');
  await fillDelivery(page, 'Paying Paola');
  const total = await page.getByTestId('checkout-total').textContent();
  expect(total).toMatch(/^\$\d+\.\d\d$/);
  await page.getByRole('radio', { name: 'Card' }).check();
  await fillCard(page, TEST_CARDS.approved);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}`, 'i'));
  await expect(page.getByTestId('order-payment')).toHaveText('Paid by Visa card ending 4242.');
  await expect(page.getByTestId('order-total')).toHaveText(total!);
});

test('a declined card keeps the cart and says so, and another card then pays', async ({ page }) => {
  await openMenuAndAddOnceHydrated(page, 'Margherita');
  await fillDelivery(page, 'Declined Dario');
  await page.getByRole('radio', { name: 'Card' }).check();
  await fillCard(page, TEST_CARDS.declined);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toHaveText('Payment was declined. Please try a different payment method.');
  await expect(page).toHaveURL(/\/checkout\/?$/);
  await expect(page.getByRole('region', { name: 'Your order' })).toContainText('Margherita');

  await page.getByLabel('Card number').fill(TEST_CARDS.approved);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}`, 'i'));
  await expect(page.getByTestId('order-payment')).toHaveText('Paid by Visa card ending 4242.');
});

test('a driver marks the cash of an order on the road collected', async ({ page, request }) => {
  const placed = await request.post('/api/orders', {
    data: {
      customer_name: 'Cash Carla',
      customer_phone: '+1 555-010-0900',
      customer_address: '9 Coin Street',
      payment_method: 'cash',
      pizza_items: [{ pizza_id: 'margherita', size: 'small', quantity: 1 }],
    },
  });
  expect(placed.status()).toBe(201);
  const { order_id: orderId } = await placed.json();
  expect((await request.post('/api/auth/login', { data: STAFF.manager })).status()).toBe(200);
  for (const [verb, data] of [['cook', undefined], ['ready', undefined], ['assign', { driver: 'driver' }]] as const) {
    const moved = await request.put(`/api/orders/${orderId}/${verb}`, data ? { data } : {});
    expect(moved.status(), verb).toBe(200);
  }

  await signIn(page, STAFF.driver, '/staff/delivery');
  // Hydrated and following the board: its buttons work.
  await expect(page.getByTestId('live-status')).toHaveText(/live/i, { timeout: 20_000 });
  const ticket = page.getByRole('article', { name: /for Cash Carla$/ });
  await expect(ticket).toContainText('cash to collect');
  await ticket.getByRole('button', { name: 'Cash collected' }).click();
  await expect(ticket).toContainText('cash collected');
  await expect(ticket.getByRole('button', { name: 'Cash collected' })).toHaveCount(0);

  const order = await (await request.get(`/api/orders/${orderId}`)).json();
  expect(order.payment.status).toBe('collected');
});
