import { expect, signIn, STAFF, test } from './support';

/**
 * The management page's staff section: a manager adds a chef, who signs in; disabled,
 * the chef is signed out at their next page.
 */
test('a manager adds a chef who signs in, then disables them and they are signed out', async ({ browser, page }) => {
  await signIn(page, STAFF.manager, '/staff/manage');
  const section = page.getByRole('region', { name: 'Staff' });
  await expect(section.getByRole('row', { name: /manager/ })).toBeVisible();

  const name = `cook${Date.now() % 1_000_000}`;
  const form = section.getByRole('form', { name: 'New member of staff' });
  await form.getByLabel('Password').fill('short');
  await form.getByLabel('Username').fill(name);
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByRole('alert')).toHaveText('Please check the fields marked below.');
  await expect(form.getByText('A password has at least 10 characters.')).toBeVisible();

  await form.getByLabel('Password').fill('e2e-new-cook-pass');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(section.getByRole('status')).toHaveText(`${name} can sign in now, as a chef.`);
  await expect(section.getByRole('combobox', { name: `Role of ${name}` })).toHaveValue('chef');

  // The new chef signs in, in a browser of their own.
  const cookContext = await browser.newContext();
  const cook = await cookContext.newPage();
  await signIn(cook, { username: name, password: 'e2e-new-cook-pass' }, '/staff/kitchen');

  await section.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(section.getByRole('status')).toHaveText(`${name} is disabled and signed out.`);
  await expect(section.getByRole('button', { name: `Enable ${name}` })).toBeVisible();

  await cook.goto('/staff/kitchen');
  await expect(cook).toHaveURL(/\/staff\/login/);
  await cookContext.close();
});
