import { expect, signIn, STAFF, test } from './support';

/**
 * The opening hours on the management page. The shop is left open around the clock (as
 * the server was started), so the other tests can order at any hour.
 */

test('a manager reads and saves the opening hours, with each bad day named', async ({ page }) => {
  await signIn(page, STAFF.manager, '/staff/manage');
  const form = page.getByRole('form', { name: 'When orders are taken' });
  await expect(form.getByLabel('Time zone')).toHaveValue('UTC');
  await expect(form.getByLabel('Monday')).toHaveValue('00:00-24:00');

  await form.getByLabel('Monday').fill('nine to five');
  await form.getByRole('button', { name: 'Save hours' }).click();
  await expect(form.getByRole('alert')).toHaveText('Please check the fields marked below.');
  await expect(form.getByText('Write openings as 11:00-22:00')).toBeVisible();

  await form.getByLabel('Monday').fill('00:00-24:00');
  await expect(async () => {
    await form.getByRole('button', { name: 'Save hours' }).click({ timeout: 2_000 });
    await expect(form.getByRole('status')).toHaveText('Saved. Open now.', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });

  const messages = page.getByRole('region', { name: 'Messages not sent' });
  await expect(messages.getByText('Every message was sent.')).toBeVisible();
});

test('the menu says the shop is open, in the first HTML and once hydrated', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('Open now.');
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Open now.' })).toBeVisible();
});

/** The hours the server was started with: UTC, open around the clock. */
function allDay(timezone: string) {
  const day = [{ opens: '00:00', closes: '24:00' }];
  const weekly = Object.fromEntries(
    ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((name) => [name, day]),
  );
  return { timezone, weekly, closures: [] };
}

/** `at` (RFC 3339) as a clock in `timezone` reads it: `23:05`. */
function clockIn(timezone: string, at: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(at));
}

test('an order page shows its ready time on the shop\'s clock, first HTML and hydrated', async ({ page, request }) => {
  expect((await request.post('/api/auth/login', { data: STAFF.manager })).status()).toBe(200);
  // Kolkata is 5:30 ahead of UTC: no hour of it reads like UTC's.
  expect((await request.put('/api/shop/hours', { data: allDay('Asia/Kolkata') })).status()).toBe(200);
  try {
    const placed = await request.post('/api/orders', {
      data: {
        customer_name: 'Zone Zara',
        customer_phone: '+1 555-010-0950',
        customer_address: '5 Clock Street',
        payment_method: 'cash',
        pizza_items: [{ pizza_id: 'margherita', size: 'small', quantity: 1 }],
      },
    });
    expect(placed.status()).toBe(201);
    const { order_id: orderId, position } = await placed.json();
    const url = `/orders/${orderId}?after=${position}`;

    const html = await (await request.get(url)).text();
    const first = html.match(/<p class="order-ready">[^<]*Estimated ready at[^<]*<time datetime="([^"]+)"[^>]*>(\d\d:\d\d)</);
    expect(first, 'the first HTML shows the estimate').not.toBeNull();
    expect(first![2]).toBe(clockIn('Asia/Kolkata', first![1]));
    expect(first![2]).not.toBe(clockIn('UTC', first![1]));

    await page.goto(url);
    const ready = page.locator('.order-ready time');
    await expect(ready).toHaveText(/^\d\d:\d\d$/);
    const at = (await ready.getAttribute('datetime'))!;
    await expect(ready).toHaveText(clockIn('Asia/Kolkata', at));
    const placedAt = page.getByRole('region', { name: 'Timeline' }).locator('time').first();
    await expect(placedAt).toHaveText(clockIn('Asia/Kolkata', (await placedAt.getAttribute('datetime'))!));
  } finally {
    expect((await request.put('/api/shop/hours', { data: allDay('UTC') })).status()).toBe(200);
  }
});
