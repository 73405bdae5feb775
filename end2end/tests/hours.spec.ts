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
