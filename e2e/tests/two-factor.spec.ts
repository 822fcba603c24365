import { expect, test } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { PASSWORD, signedInAs } from './support';

/** RFC 4648 base32 (no padding) to bytes. */
function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 255); bits -= 8; }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) for a step; the server runs on this machine's clock. */
function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

const stepNow = () => Math.floor(Date.now() / 1000 / 30);

// Enrol in settings with a code computed here, log out, log in with the password and the next code.
test('turn on two-factor authentication, then log in with a code', async ({ page, request }) => {
  const { email } = await signedInAs(page, request, 'two-factor');
  await page.goto('/');
  await page.getByRole('link', { name: 'Account settings' }).click();
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await expect(page.getByTestId('totp-uri')).toContainText(`otpauth://totp/botfleet:${email}?secret=${secret}&issuer=botfleet`);

  const enableStep = stepNow();
  await page.getByLabel('Code from the app').fill(totp(secret, enableStep));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  const recovery = (await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').first().textContent())!.trim();
  await page.getByRole('button', { name: 'I saved them' }).click();
  await expect(page.getByTestId('recovery-left')).toHaveText('10');

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();

  // the code used to enable is refused (each step once); the next step's code is inside the ±1 window
  await page.getByLabel('Authenticator code').fill(totp(secret, enableStep));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.locator('[data-field-error="second-factor"]')).toContainText('already used');
  await page.getByLabel('Authenticator code').fill(totp(secret, Math.max(stepNow(), enableStep) + 1));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Bots' })).toBeVisible();

  // a recovery code signs in once
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(recovery);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Bots' })).toBeVisible();
});
