import { expect, test } from '@playwright/test';
import { PASSWORD, shot, uniqueEmail } from './support';

test('register, log out, log in; client routes survive a reload', async ({ page }) => {
  const email = uniqueEmail('auth');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await shot(page, '01-login');

  await page.getByRole('tab', { name: 'Register' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { name: 'Bots' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible(); // GET /me with the new token

  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page).toHaveURL(/\/logs$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong-password-1');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Bots' })).toBeVisible();
});

test('an invalid session returns to the login page with a message', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('botfleet.token', 'not-a-real-token'));
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Your session has expired or is no longer valid. Please log in again.')).toBeVisible();
});
