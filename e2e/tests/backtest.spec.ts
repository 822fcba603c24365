import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support';

test('run a backtest: a bad fee is named, then a run reports progress, metrics, equity and trades', async ({ page, request }) => {
  await signedIn(page, request, 'backtest');
  await page.goto('/');
  await page.getByRole('link', { name: 'Backtest' }).click(); // the entry exists because the server has the API
  await expect(page.getByRole('heading', { name: 'Backtest' })).toBeVisible();

  await page.locator('#bt-strategy').selectOption('rsi');
  await page.locator('#bt-dataset').selectOption('LTC_BTC-5m');
  await page.locator('#bt-fee').fill('0.5');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.locator('[data-field-error="bt-fee"]')).toContainText('must be between 0 and 0.1');

  await page.locator('#bt-fee').fill('0.001');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByTestId('backtest-status')).toHaveText('DONE', { timeout: 120_000 });
  const result = page.getByTestId('backtest-result');
  await expect(result.getByRole('heading', { name: 'Metrics' })).toBeVisible();
  await expect(result.getByText('Net profit', { exact: true })).toBeVisible();
  await expect(result.getByRole('img', { name: 'Equity curve' })).toBeVisible();
  await expect(result.getByRole('heading', { name: /^Trades \(\d+\)$/ })).toBeVisible();
  await shot(page, '10-backtest');
});
