import { STAFF, expect, signIn, test } from './support';

/**
 * Stock on the management page: a count of zero sells out the pizzas that need the
 * ingredient, which leave the customers' menu at once. The pineapple is restored after,
 * for the tests that run later on the same server.
 */

test('a pizza is sold out once the manager counts an ingredient of it at zero', async ({ browser, page, request }) => {
  await signIn(page, STAFF.manager, '/staff/manage');
  const count = page.getByRole('form', { name: 'Count pineapple' });
  await expect(count).toBeVisible();
  try {
    await expect(async () => {
      await count.getByLabel('pineapple on hand').fill('0');
      await count.getByRole('button', { name: 'Save' }).click({ timeout: 2_000 });
      await expect(page.getByRole('status').filter({ hasText: 'Counted pineapple' }))
        .toHaveText('Counted pineapple: 0 g left to sell.', { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'Running low' })).toContainText('pineapple');

    const customer = await (await browser.newContext()).newPage();
    await customer.goto('/');
    await expect(customer.getByRole('article', { name: 'Margherita', exact: true })).toBeVisible();
    await expect(customer.getByRole('article', { name: 'Hawaiian', exact: true })).toHaveCount(0);
    const menu = (await (await request.get('/api/menu?include_unavailable=true')).json()) as
      { id: string; sold_out: boolean; available: boolean }[];
    expect(menu.find((pizza) => pizza.id === 'hawaiian')).toMatchObject({ sold_out: true, available: false });
  } finally {
    expect((await request.post('/api/auth/login', { data: STAFF.manager })).status()).toBe(200);
    const restored = await request.put('/api/inventory/pineapple', { data: { on_hand: 1_000_000 } });
    expect(restored.status()).toBe(200);
  }
});
