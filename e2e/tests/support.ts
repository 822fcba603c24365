import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Screenshots of the main screens, kept as build artifacts. */
export const SCREENSHOTS = resolve(process.env.REPORT_DIR ?? 'target/e2e', '..', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0)); // a full-page capture of a scrolled page repeats the sticky header
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
}

export const PASSWORD = 'correct-horse-battery-9';

/** Registers and logs in through the API, then hands the token to the page as the dashboard stores it. */
export async function signedIn(page: Page, request: APIRequestContext, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  const reg = await request.post('/api/v1/auth/register', { data: { email, password: PASSWORD } });
  expect(reg.status(), await reg.text()).toBe(201);
  const login = await request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { token } = await login.json();
  await page.addInitScript((t) => localStorage.setItem('botfleet.token', t), token);
  return token;
}

/** A price `percent` away from `ltp`, at the LTP's decimals. */
export function around(ltp: string, percent: number): string {
  const decimals = ltp.includes('.') ? ltp.split('.')[1].length : 0;
  return (Number(ltp) * (1 + percent / 100)).toFixed(decimals);
}
