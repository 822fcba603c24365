import { expect, test } from '@playwright/test';
import { PASSWORD, shot, uniqueEmail } from './support';

// The SMTP fake that E2eRunner starts and points the server's mail at; /_fake/mail reads what it received.
const FAKE = process.env.FAKE_MAIL;

test('forgot password: the mail\'s link sets a new password that logs in', async ({ page, request }) => {
  test.skip(!FAKE, 'needs the SMTP fake (E2eRunner starts it when given the fakes jar)');
  const email = uniqueEmail('reset');
  const reg = await request.post('/api/v1/auth/register', { data: { email, password: PASSWORD } });
  expect(reg.status(), await reg.text()).toBe(201);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account uses this address');
  await shot(page, '30-forgot-password');

  // the server mails from a background thread: poll the fake's mailbox for the link
  let text = '';
  await expect.poll(async () => {
    const answer = await request.get(`${FAKE}/_fake/mail?to=${encodeURIComponent(email)}`);
    const { messages } = await answer.json();
    text = messages.length ? messages[0].text : '';
    return messages.length;
  }).toBe(1);
  const link = /(http:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
  expect(link, text).toBeTruthy();
  expect(new URL(link!).origin).toBe(new URL(page.url()).origin); // botfleet.public-url is this server

  await page.goto(link!);
  await page.getByLabel('New password', { exact: true }).fill('a-brand-new-pass-7');
  await page.getByLabel('Repeat the new password').fill('a-brand-new-pass-7');
  await shot(page, '31-reset-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Your password was changed. Log in with the new one.')).toBeVisible();

  // the old password no longer works, the new one does
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill('a-brand-new-pass-7');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Bots' })).toBeVisible();

  // the link worked once
  await page.goto(link!);
  await page.getByLabel('New password', { exact: true }).fill('another-pass-8');
  await page.getByLabel('Repeat the new password').fill('another-pass-8');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toContainText('already used or expired');
});
