import { expect, test } from '@playwright/test';
import { PASSWORD, shot, shotName, signedInAs } from './support';

const NEW_PASSWORD = 'a-new-horse-battery-7';

// Desktop and phone: change the password on the settings page, keep working, log in with the new one.
test('change the password on the settings page, then log in with the new one', async ({ page, request }, info) => {
  const { token: oldToken, email } = await signedInAs(page, request, `settings-${info.project.name}`);
  await page.goto('/');
  await page.getByRole('link', { name: 'Account settings' }).click();
  await expect(page.getByRole('heading', { name: 'Account settings' })).toBeVisible();
  await expect(page.getByTestId('settings-email')).toHaveText(email);

  await page.getByLabel('Current password').fill('not-my-password-1');
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('[data-field-error="current-password"]')).toBeVisible();
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, shotName('15-settings', info.project.name));

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed. Every other session was signed out.')).toBeVisible();
  await expect(page.getByLabel('Current password')).toHaveValue('');
  const stored = await page.evaluate(() => localStorage.getItem('botfleet.token'));
  expect(stored).not.toBe(oldToken);
  expect((await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${oldToken}` } })).status()).toBe(401);

  // still signed in with the fresh token: pages load and the event stream reconnects
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Bots' })).toBeVisible();
  await expect(page.getByTestId('stat-total')).toHaveText('0');
  await expect(page.locator('[data-connection="open"]')).toBeVisible();
  await expect(page).not.toHaveURL(/\/login$/);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible(); // the old password is gone
  await page.getByLabel('Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Bots' })).toBeVisible();
});
