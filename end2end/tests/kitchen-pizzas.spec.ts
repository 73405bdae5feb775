import { STAFF, expect, expectSameDocument, markDocument, signIn, test } from './support';

/**
 * The kitchen by the pizza: two chefs, each at their own board, each take one pizza of a
 * two-pizza order out of the oven; the customer's page says `ready` only after the second,
 * and its timeline names who took out which pizza.
 */

/** The first block of an order id as the pages show it, `0F8FAD5B`. */
function shortId(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

test('two chefs each mark one pizza ready and the order is ready only after the second', async ({ browser, page, playwright, baseURL }) => {
  // A second chef, added by a manager through the REST API.
  const office = await playwright.request.newContext({ baseURL });
  expect((await office.post('/api/auth/login', { data: STAFF.manager })).status()).toBe(200);
  const second = { username: `oven${Date.now() % 1_000_000}`, password: 'e2e-oven-chef-pass' };
  const added = await office.post('/api/staff', { data: { ...second, role: 'chef' } });
  expect(added.status(), await added.text()).toBe(201);

  // A two-pizza order, in the oven.
  const customerName = `Twin Tina ${Date.now()}`;
  const placed = await office.post('/api/orders', {
    data: {
      customer_name: customerName,
      customer_phone: '+1 555-010-0700',
      customer_address: '2 Oven Lane',
      payment_method: 'cash',
      pizza_items: [
        { pizza_id: 'margherita', size: 'large', quantity: 1 },
        { pizza_id: 'pepperoni', size: 'small', quantity: 2 },
      ],
    },
  });
  expect(placed.status()).toBe(201);
  const { order_id: orderId } = await placed.json();
  const cooking = await office.put(`/api/orders/${orderId}/cook`);
  expect(cooking.status()).toBe(200);
  const { position } = await cooking.json();
  await office.dispose();

  // The customer follows it.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(`/orders/${orderId}?after=${position}`);
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*cooking\s*$/i);
  await markDocument(customer);

  // Both chefs at their kitchen boards, live.
  const secondContext = await browser.newContext();
  const secondChef = await secondContext.newPage();
  const ticketName = `Order ${shortId(orderId)} for ${customerName}`;
  for (const [board, who] of [[page, STAFF.chef], [secondChef, second]] as const) {
    await signIn(board, who, '/staff/kitchen');
    await expect(board.getByTestId('live-status')).toHaveText(/live/i, { timeout: 20_000 });
    await expect(board.getByRole('article', { name: ticketName })).toContainText('3 pizzas');
  }
  const ticket = page.getByRole('article', { name: ticketName });
  const secondTicket = secondChef.getByRole('article', { name: ticketName });

  // The first chef takes out the margherita: the order cooks on, on both boards.
  await ticket.getByRole('button', { name: '1 × Margherita (Large): ready' }).click();
  await expect(ticket).toContainText('1 of 3 pizzas out');
  await expect(secondTicket).toContainText('1 of 3 pizzas out');
  await expect(secondTicket.getByText('Out · chef')).toBeVisible();
  const timeline = customer.getByTestId('order-timeline');
  await expect(timeline).toContainText('Out of the oven: 1 × Margherita (Large), by chef');
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*cooking\s*$/i);

  // The second chef takes out the pepperoni: the order is ready and leaves both boards.
  await secondTicket.getByRole('button', { name: '2 × Pepperoni (Small): ready' }).click();
  await expect(secondTicket).toHaveCount(0);
  await expect(ticket).toHaveCount(0);
  await expect(customer.getByTestId('order-status')).toHaveText(/^\s*ready\s*$/i);
  await expect(timeline).toContainText(`Out of the oven: 2 × Pepperoni (Small), by ${second.username}`);
  await expect(timeline).toContainText(`Marked ready by ${second.username}`);

  await expectSameDocument(customer);
  await customerContext.close();
  await secondContext.close();
});
