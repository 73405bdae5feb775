import { cart, expect, openMenuAndAddOnceHydrated, signIn, STAFF, test, UUID } from './support';

/**
 * Promo codes at checkout: the bill comes from the server's quote, a code that does not
 * apply is said by its field, and the confirmation shows the bill the order paid. The
 * shop's pricing is left alone: other tests compute totals without fees or tax.
 */

test('a promo code lowers the total at checkout and on the confirmation', async ({ page, request }) => {
  const code = `E2E${Date.now() % 1_000_000_000}`;
  expect((await request.post('/api/auth/login', { data: STAFF.manager })).status()).toBe(200);
  const created = await request.post('/api/promo-codes', {
    data: { code, kind: 'amount', value: '2.50' },
  });
  expect(created.status()).toBe(201);
  const menu = (await (await request.get('/api/menu')).json()) as { id: string; base_price: string }[];
  const margherita = menu.find((pizza) => pizza.id === 'margherita')!;
  const [units, fraction = ''] = margherita.base_price.split('.');
  const priceCents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  const total = (amount: number) => `$${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;

  await openMenuAndAddOnceHydrated(page, 'Margherita');
  await cart(page).getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByTestId('checkout-total')).toHaveText(total(priceCents));

  const promo = page.getByRole('form', { name: 'Promo code' });
  await promo.getByLabel('Promo code').fill('NOSUCHCODE1');
  await promo.getByRole('button', { name: 'Apply' }).click();
  await expect(promo.getByRole('status')).toHaveText('There is no promo code NOSUCHCODE1.');
  await expect(page.getByTestId('checkout-total')).toHaveText(total(priceCents));

  await promo.getByLabel('Promo code').fill(code.toLowerCase());
  await promo.getByRole('button', { name: 'Apply' }).click();
  await expect(promo.getByRole('status')).toHaveText(`${code} applied.`);
  const bill = page.getByRole('definition').filter({ hasText: '−$2.50' });
  await expect(bill).toBeVisible();
  await expect(page.getByTestId('checkout-total')).toHaveText(total(priceCents - 250));

  await page.getByLabel(/^name\b/i).fill('Thrifty Theo');
  await page.getByLabel(/^phone\b/i).fill('+1 555-010-0400');
  await page.getByLabel(/^delivery address\b/i).fill('3 Bargain Street');
  await page.getByRole('radio', { name: 'Cash' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${UUID}`, 'i'));
  await expect(page.getByTestId('order-total')).toHaveText(total(priceCents - 250));
  await expect(page.getByRole('rowheader', { name: `Discount (${code})` })).toBeVisible();
});

test('a manager saves the pricing and creates and deletes a promo code on the management page', async ({ page }) => {
  await signIn(page, STAFF.manager, '/staff/manage');
  const pricing = page.getByRole('form', { name: 'Delivery and tax' });
  // Saved as it is (no fee, no tax): the other tests price orders without charges.
  await expect(pricing.getByLabel('Delivery fee')).toHaveValue('0.00');
  await expect(async () => {
    await pricing.getByRole('button', { name: 'Save pricing' }).click({ timeout: 2_000 });
    await expect(pricing.getByRole('status')).toHaveText('Saved: free delivery, tax 0 % included.', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });

  const code = `MGR${Date.now() % 1_000_000_000}`;
  const form = page.getByRole('form', { name: 'New promo code' });
  await form.getByLabel('Code').fill(code);
  await form.getByLabel('Value').fill('150');
  await form.getByRole('button', { name: 'Create code' }).click();
  await expect(form.getByText('A percentage is above 0, up to 100.')).toBeVisible();
  await form.getByLabel('Value').fill('15');
  await form.getByLabel('Most uses').fill('50');
  await form.getByRole('button', { name: 'Create code' }).click();
  const row = page.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('15 % off');
  await expect(row).toContainText('50 uses');
  await row.getByRole('button', { name: `Delete ${code}` }).click();
  await expect(page.getByText(`${code} was deleted.`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: code })).toHaveCount(0);
});
