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
  return (await signedInAs(page, request, tag)).token;
}

/** Like signedIn, with the account's email. */
export async function signedInAs(page: Page, request: APIRequestContext, tag: string): Promise<{ token: string; email: string }> {
  const email = uniqueEmail(tag);
  const reg = await request.post('/api/v1/auth/register', { data: { email, password: PASSWORD } });
  expect(reg.status(), await reg.text()).toBe(201);
  const login = await request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { token } = await login.json();
  // only when nothing is stored yet: a page that later replaces its token (password change) keeps the new one
  await page.addInitScript((t) => { if (!localStorage.getItem('botfleet.token')) localStorage.setItem('botfleet.token', t); }, token);
  return { token, email };
}

/** The screenshot name for this project: `11-rules-error-desktop`, `11-rules-error-phone`. */
export const shotName = (name: string, project: string) => `${name}-${project}`;

/** "+1,234.50 USDT" -> 1234.5; "—" -> NaN. */
export function numberOf(text: string | null): number {
  const m = /[-+]?[\d,]*\.?\d+/.exec((text ?? '').replace(/−/g, '-'));
  return m ? Number(m[0].replace(/,/g, '')) : NaN;
}

/** A price `percent` away from `ltp`, at the LTP's decimals. */
export function around(ltp: string, percent: number): string {
  const decimals = ltp.includes('.') ? ltp.split('.')[1].length : 0;
  return (Number(ltp) * (1 + percent / 100)).toFixed(decimals);
}

/** Closes the toasts still shown (they would otherwise cover a screenshot's top). */
export async function dismissToasts(page: Page) {
  for (const button of await page.getByRole('button', { name: 'Dismiss' }).all()) await button.click({ timeout: 2_000 }).catch(() => {});
}
